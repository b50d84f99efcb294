/**
 * End-to-end harness: the real Bolt app, served over HTTP on a free port, talking to the Slack stand-in. Tests
 * act as people through the stand-in (signed requests) and read what reached it.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  type AckResult,
  type SlackStandin,
  type StoredEphemeral,
  startSlackStandin,
} from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { parseConfig } from '../../src/config.js';
import { createSlackApp, type HTTP_TIMEOUTS, type RunningApp } from '../../src/slack/app.js';
import type { Store } from '../../src/store/store.js';

export const HUMAN = 'U0HUMAN01';
export const GENERAL = 'C0GENERAL';

export interface Harness {
  slack: SlackStandin;
  app: RunningApp;
  /** The person's newest ephemeral message in a channel. */
  lastEphemeral(channel?: string, user?: string): StoredEphemeral;
  close(): Promise<void>;
}

export interface HarnessOptions {
  retries?: number;
  timeoutMs?: number;
  /** How long the app's HTTP server waits for a slow client. */
  httpTimeouts?: typeof HTTP_TIMEOUTS;
  /** The store for the decision log, for tests that read it; the app's own in-memory one by default. */
  store?: Store;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = await startSlackStandin();
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'error',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const { start } = createSlackApp({
    config: parsed.config,
    advisor: createAdvisor(loadComparisons()),
    retryConfig: { retries: options.retries ?? 0, factor: 1, minTimeout: 10, maxTimeout: 10 },
    timeoutMs: options.timeoutMs ?? 2000,
    ...(options.httpTimeouts ? { httpTimeouts: options.httpTimeouts } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  const app = await start();
  slack.setAppUrl(`http://127.0.0.1:${app.port}/slack/events`);
  return {
    slack,
    app,
    lastEphemeral(channel = GENERAL, user = HUMAN) {
      const all = slack.ephemerals(user, channel);
      const last = all.at(-1);
      if (!last) throw new Error(`no ephemeral message for ${user} in ${channel}`);
      return last;
    },
    async close() {
      await app.stop();
      await slack.close();
    },
  };
}

/**
 * One app and stand-in for a test file, started before its tests and closed after. Each test starts with no
 * injected faults, no recorded calls and no modal left open by the test before.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options));
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.slack.clearFaults();
    harness.slack.clearCalls();
    harness.slack.workspace.closeModal(HUMAN, true);
  });
  return harness;
}

/** Retries an assertion until it passes: the app answers clicks after the ack, through response_url. */
export async function eventually<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Every `text` string in a block tree, in reading order. */
function textsIn(node: unknown): string[] {
  const parts: string[] = [];
  const walk = (current: unknown) => {
    if (Array.isArray(current)) current.forEach(walk);
    else if (current && typeof current === 'object') {
      const record = current as Record<string, unknown>;
      if (typeof record.text === 'string') parts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(node);
  return parts;
}

/** The visible text of a message's blocks, for assertions about what a person reads. */
export function visibleText(message: { text?: string; blocks?: unknown[] } | undefined): string {
  return textsIn(message?.blocks ?? []).join('\n');
}

/**
 * The tables in a message's (or view's) blocks as a person reads them: each a list of rows, each row its cells'
 * text, the first row the column titles.
 */
export function tablesIn(message: { blocks?: unknown[] } | undefined): string[][][] {
  return (message?.blocks ?? [])
    .filter((b): b is { type: 'table'; rows: unknown[][] } => (b as { type?: string }).type === 'table')
    .map((table) => table.rows.map((row) => row.map((cell) => textsIn(cell).join(''))));
}

/**
 * Replays a real click with another button value, as a tampering client would: same signed transport, same
 * response_url, a value the app never produced.
 */
export async function replayClickWithValue(h: Harness, click: { payload: unknown }, value: string): Promise<AckResult> {
  const payload = JSON.parse(JSON.stringify(click.payload)) as { actions: { value?: string }[] };
  for (const action of payload.actions) action.value = value;
  return h.slack.sendRaw({
    contentType: 'application/x-www-form-urlencoded',
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  });
}

export function expectAcked(result: AckResult): void {
  if (result.status !== 200) throw new Error(`expected a 200 ack, got ${result.status}: ${result.body}`);
}
