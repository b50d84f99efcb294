/**
 * What the benchmarks share: a server process started against the Slack stand-in on a known port (the built app,
 * or bare Bolt), the environment it runs with, and the wait for its first 200 on /healthz.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { SlackStandin } from '../sandbox/standin/index.js';

/**
 * The one environment every benchmarked server gets: the stand-in's token, secret and API URL, the port, and
 * LOG_LEVEL=info (the production default); `extra` adds to it or overrides it (the database's path, a quieter log).
 * Nothing else of this process's environment is passed on but PATH and HOME.
 */
export function serverEnv(slack: SlackStandin, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** `node <args>` with serverEnv (its log at `error`, its store in memory), listening on `port`; its output is dropped. */
export function spawnServer(args: string[], slack: SlackStandin, port: number): ChildProcess {
  return spawn(process.execPath, args, {
    env: serverEnv(slack, port, { LOG_LEVEL: 'error', DATABASE_PATH: ':memory:' }),
    stdio: 'ignore',
  });
}

/** Polls GET /healthz every `pollMs` until it answers 200; throws after `timeoutMs`. */
export async function untilHealthy(
  port: number,
  timeoutMs: number,
  pollMs: number,
  name = 'the server',
): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`${name}: no 200 from /healthz within ${timeoutMs / 1000} s`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
