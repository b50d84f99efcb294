/**
 * What the benchmarks share: a server process started against the Slack stand-in on a known port (the built app,
 * or bare Bolt), and the wait for its first 200 on /healthz.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { SlackStandin } from '../sandbox/standin/index.js';

/** `node <args>` with the stand-in's token, secret and API URL, listening on `port`; its output is dropped. */
export function spawnServer(args: string[], slack: SlackStandin, port: number): ChildProcess {
  return spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'error',
    },
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
