/** `npm start` as a process: what a person sees when the environment is wrong, and that it serves when right. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../sandbox/standin/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const cwd = fileURLToPath(new URL('./fixtures/', import.meta.url)); // no .env here: the test sets every variable

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: ':memory:', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output, exited };
}

/** The port the process says it listens on, once it says so. */
function listeningPort(child: ChildProcess, output: { stdout: string; stderr: string }): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /listening on port (\d+)/.exec(output.stdout);
      if (found?.[1]) {
        clearInterval(timer);
        resolve(found[1]);
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(output.stderr));
      }
    }, 25);
  });
}

let slack: SlackStandin;
const running: ChildProcess[] = [];
beforeAll(async () => {
  slack = await startSlackStandin();
});
afterAll(async () => {
  for (const child of running) child.kill();
  await slack.close();
});

describe('npm start', () => {
  it('exits 1 with one line per missing variable, pointing to .env.example', async () => {
    const { output, exited } = run({});
    expect(await exited).toBe(1);
    expect(output.stderr).toContain('SLACK_BOT_TOKEN: required');
    expect(output.stderr).toContain('SLACK_SIGNING_SECRET: required');
    expect(output.stderr).toContain('.env.example');
  });

  it(".env.example's placeholder token stops start-up at once, named, without asking Slack", async () => {
    const started = Date.now();
    // No SLACK_API_URL: before, this asked slack.com, logged "fetch failed" five times and gave up after ~16 s.
    const { output, exited } = run({
      SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
      SLACK_SIGNING_SECRET: slack.signingSecret,
    });
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 5000)),
    ]);
    expect(code).toBe(1);
    expect(output.stderr).toContain('SLACK_BOT_TOKEN: still the placeholder from .env.example (xoxb-your-bot-token)');
    expect(output.stderr).not.toContain('fetch failed');
    expect(output.stderr).not.toContain(slack.signingSecret);
    // Most of this second is Node and tsx starting; nothing waits on the network.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('exits 1 when both a bot token and the OAuth variables are set, naming the choice, printing neither secret', async () => {
    const { output, exited } = run({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'c0ffee0123456789abcdef0123456789',
      SLACK_STATE_SECRET: 'state-secret-for-the-main-test',
      SLACK_SIGNING_SECRET: slack.signingSecret,
      PORT: '0',
    });
    expect(await exited).toBe(1);
    expect(output.stderr).toContain(
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or the OAuth variables (many workspaces), not both',
    );
    expect(output.stderr).not.toContain(slack.botToken);
    expect(output.stderr).not.toContain('c0ffee0123456789abcdef0123456789');
  });

  it('serves the Add to Slack page in OAuth mode, with no bot token to check at start-up', async () => {
    const { child, output } = run({
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'c0ffee0123456789abcdef0123456789',
      SLACK_STATE_SECRET: 'state-secret-for-the-main-test',
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    running.push(child);
    const port = await listeningPort(child, output);
    expect(output.stdout).toContain('GET /slack/install');
    const page = await fetch(`http://127.0.0.1:${port}/slack/install`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${slack.baseUrl}/oauth/v2/authorize?`);
  });

  it('exits 1 with a clear message when Slack refuses the token, without printing it', async () => {
    const { output, exited } = run({
      SLACK_BOT_TOKEN: 'xoxb-0000-refused-by-slack',
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    expect(await exited).toBe(1);
    expect(output.stderr).toMatch(/Slack refused the bot token .*invalid_auth/);
    expect(output.stderr).not.toContain('xoxb-0000-refused-by-slack');
    expect(output.stderr).not.toContain(slack.signingSecret);
  });

  it('exits 1 naming the database it could not open, never its password', async () => {
    const { output, exited } = run({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: 'postgres://advisor:pw-not-printed@127.0.0.1:1/advisor',
      PORT: '0',
    });
    expect(await exited).toBe(1);
    expect(output.stderr).toContain(
      'could not open its database (PostgreSQL at postgres://advisor:***@127.0.0.1:1/advisor)',
    );
    expect(output.stderr).toContain('ECONNREFUSED');
    expect(output.stderr).not.toContain('pw-not-printed');
  });

  it('serves /healthz and signed slash commands once started, and logs neither token nor secret even at debug level', async () => {
    const { child, output } = run({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'debug',
    });
    running.push(child);
    const port = await listeningPort(child, output);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    slack.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
    const result = await slack.slashCommand({ text: 'compare' });
    expect(result.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the request's debug lines arrive
    expect(output.stdout + output.stderr).toMatch(/DEBUG/);
    expect(output.stdout + output.stderr).not.toContain(slack.botToken);
    expect(output.stdout + output.stderr).not.toContain(slack.signingSecret);
  });

  it('deletes decisions older than DECISION_RETENTION_DAYS at start-up, and keeps the others', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'retention-'));
    const database = join(folder, 'advisor.db');
    const DAY = 24 * 60 * 60 * 1000;
    const seed = openSqliteStore(database);
    const base = {
      teamId: 'T1',
      enterpriseId: null,
      channelId: 'C0RETAIN',
      inPublicChannel: true,
      threadTs: null,
      userId: 'U1',
      answers: '1:websocket-vs-sse:000',
      dataVersion: 'v',
      permalink: { url: null, reason: 'test' },
    };
    await seed.decisions.record({ ...base, pick: 'old', createdAt: new Date(Date.now() - 31 * DAY) });
    await seed.decisions.record({ ...base, pick: 'recent', createdAt: new Date(Date.now() - 29 * DAY) });
    await seed.close();
    const { child, output } = run({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATABASE_PATH: database,
      DECISION_RETENTION_DAYS: '30',
    });
    running.push(child);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (/listening on port/.test(output.stdout)) {
            clearInterval(timer);
            resolve();
          }
          if (child.exitCode !== null) reject(new Error(output.stderr));
        }, 25);
      });
      const store = openSqliteStore(database);
      try {
        expect((await store.decisions.listByChannel('C0RETAIN')).map((d) => d.pick)).toEqual(['recent']);
      } finally {
        await store.close();
      }
    } finally {
      child.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
