/**
 * SIGTERM while work after an ack is still running (issue 10, item 10): the real app, spawned as `npm start` runs
 * it, against a slow stand-in. The work finishes, or after the bound is logged and its person told; exit 0.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../sandbox/standin/index.js';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const cwd = fileURLToPath(new URL('./fixtures/', import.meta.url));
const GENERAL = 'C0GENERAL';
const HUMAN = 'U0HUMAN01';

let slack: SlackStandin;
beforeAll(async () => {
  slack = await startSlackStandin();
});
afterAll(() => slack.close());
beforeEach(() => slack.clearFaults());

async function startApp() {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
  });
  const output = { text: '' };
  child.stdout.on('data', (chunk) => {
    output.text += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output.text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /listening on port (\d+)/.exec(output.text);
      if (found?.[1]) {
        clearInterval(timer);
        resolve(found[1]);
      }
      if (child.exitCode !== null) reject(new Error(output.text));
    }, 25);
  });
  slack.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
  return { child, output, exited };
}

/** `/realtime both ways` answers with advice and a Share button; click it. */
async function share() {
  await slack.slashCommand({ text: 'both ways' });
  const advice = slack.ephemerals(HUMAN, GENERAL).at(-1);
  if (!advice) throw new Error('no advice');
  const clicked = await slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: advice.id } });
  expect(clicked.status).toBe(200);
}

const shared = () => slack.channelHistory(GENERAL).filter((m) => m.text.includes('ran the Realtime Advisor'));

describe('SIGTERM', () => {
  it('lets a share started before it finish (post, thread reply, confirmation), then exits 0', async () => {
    const app = await startApp();
    const before = shared().length;
    slack.injectFault('chat.postMessage', { delayMs: 1200 }, 2); // the post and its thread reply, each slow
    await share();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = performance.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(performance.now() - signalled).toBeGreaterThan(2000); // it waited for the work
    expect(shared()).toHaveLength(before + 1);
    const parent = shared().at(-1);
    expect(slack.thread(GENERAL, parent?.ts ?? '')).toHaveLength(2);
    // The confirmation: the verdict's Share button became a link to the post.
    const verdict = slack.ephemerals(HUMAN, GENERAL).at(-1);
    expect(slack.findButtons({ message: { ephemeralId: verdict?.id ?? '' } }).map((b) => b.text)).toContain(
      '✓ Shared in #general',
    );
  }, 20_000);

  it('gives up on work that does not finish within 10 s, logs it, tells the person, and exits 0', async () => {
    const app = await startApp();
    // The post, then each way of telling that it may have failed, hang: 5 s timeouts, one after the other, take
    // longer than 10 s. The response_url hangs once only, so that telling about the unfinished work gets through.
    slack.injectFault('chat.postMessage', { delayMs: 60_000 }, 2);
    slack.injectFault('response_url', { delayMs: 60_000 }, 1);
    slack.injectFault('chat.postEphemeral', { delayMs: 60_000 }, 1);
    await share();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = performance.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const took = performance.now() - signalled;
    expect(took).toBeGreaterThan(9500);
    expect(took).toBeLessThan(13_500);
    expect(app.output.text).toMatch(/unfinished at shutdown/);
    expect(app.output.text).toContain(HUMAN);
    expect(slack.ephemerals(HUMAN, GENERAL).at(-1)?.text).toMatch(/^I am not sure I could finish what you asked/);
  }, 30_000);
});
