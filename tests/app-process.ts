/**
 * The real app as a process (`src/main.ts` through tsx, as `npm start` runs it once built), for tests of what
 * outlives a process: a restart on the same database, several instances on one, a crash. In HTTP mode it listens
 * on a free port and says which; the test sends Slack's requests there through the stand-in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SlackStandin } from '../sandbox/standin/index.js';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const cwd = fileURLToPath(new URL('./fixtures/', import.meta.url)); // no .env here: the test sets every variable

/** The app as a process, before it says it is ready: its output so far, and ways to wait for it and end it. */
export interface SpawnedApp {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  /** Resolves with the first match of `pattern` on stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** SIGKILL: no drain, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as a platform stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns the app against the stand-in with `env` added to the stand-in's token, secret and API URL (or a variable
 * removed with `undefined`: SLACK_BOT_TOKEN, in OAuth mode).
 */
export function spawnApp(slack: SlackStandin, env: Record<string, string | undefined>): SpawnedApp {
  const variables = {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'error',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd,
    env: Object.fromEntries(
      Object.entries(variables).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          const found = pattern.exec(output.stdout);
          if (found) {
            clearInterval(timer);
            resolve(found);
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`the app exited at start-up (${child.exitCode}): ${output.stderr}`));
          }
        }, 20);
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface AppProcess extends SpawnedApp {
  /** Where it takes Slack's requests: `http://127.0.0.1:PORT/slack/events`. */
  url: string;
}

/**
 * Starts the app against the stand-in, on the database `env` names (DATABASE_PATH or DATABASE_URL), in HTTP mode;
 * resolves once it says which port it listens on.
 */
export async function startAppProcess(
  slack: SlackStandin,
  env: Record<string, string | undefined>,
): Promise<AppProcess> {
  const app = spawnApp(slack, env);
  const [, port] = await app.waitFor(/listening on port (\d+)/);
  return { ...app, url: `http://127.0.0.1:${port}/slack/events` };
}
