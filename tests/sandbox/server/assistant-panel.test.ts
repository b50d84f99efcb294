/**
 * The sandbox page's assistant panel over its API: opening it beside a channel, asking, clicking a suggested
 * prompt and moving to another channel reach the real app as the events Slack sends, the snapshot shows the
 * panel as the app left it, and bad requests are refused with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/server/server.js';
import { RANDOM_CHANNEL } from '../../../sandbox/server/slack-side.js';
import type { PageSnapshot } from '../../../sandbox/server/view-model.js';

let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, logLevel: 'error', seed: false });
  base = `http://127.0.0.1:${sandbox.port}`;
});
afterAll(() => sandbox.close());

async function api(path: string, body?: unknown) {
  const response = await fetch(`${base}/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const panel = async () => ((await api('snapshot')).json as unknown as PageSnapshot).assistant;

/** Retries an async assertion until it passes: the app answers after its ack. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('the assistant panel on the page', () => {
  it('is closed until opened; writing to it first is refused with a reason', async () => {
    expect(await panel()).toBeNull();
    const refused = await api('assistant-message', { text: 'hello' });
    expect(refused).toEqual({
      status: 400,
      json: expect.objectContaining({ reason: expect.stringMatching(/open it/) }),
    });
  });

  it('opens beside #general: the greeting, the prompts and where a share goes', async () => {
    const opened = await api('assistant-open', { channel: 'C0GENERAL' });
    expect(opened.json).toMatchObject({ ok: true, ack: { status: 200 } });
    const shown = await eventually(async () => {
      const p = await panel();
      if (!p?.prompts || p.messages.length === 0) throw new Error('not greeted yet');
      return p;
    });
    expect(shown.viewing).toBe('C0GENERAL');
    expect(shown.messages[0]?.text).toMatch(/in your own words/);
    expect(shown.prompts?.prompts.at(-1)?.title).toBe('Compare WebSocket and SSE');
  });

  it('answers what is asked, and a suggested prompt', async () => {
    await api('assistant-message', { text: 'we stream LLM tokens to the browser & nothing goes back' });
    await eventually(async () => expect((await panel())?.messages.at(-1)?.text).toMatch(/^Verdict: SSE/));
    const p = await panel();
    expect(p?.messages.at(-2)?.text).toBe('we stream LLM tokens to the browser &amp; nothing goes back');
    expect(p?.title).toBe('we stream LLM tokens to the browser & nothing goes back');
    await api('assistant-prompt', { title: 'Compare WebSocket and SSE' });
    await eventually(async () => expect((await panel())?.messages.at(-2)?.text).toBe('compare'));
    expect((await api('assistant-prompt', { title: 'Nope' })).status).toBe(400);
  });

  it('follows the person to another channel, and refuses one they cannot view', async () => {
    expect((await api('assistant-view', { channel: RANDOM_CHANNEL })).status).toBe(200);
    await eventually(async () => expect((await panel())?.viewing).toBe(RANDOM_CHANNEL));
    expect((await api('assistant-view', {})).status).toBe(200); // the Home tab: no channel in view
    await eventually(async () => expect((await panel())?.viewing).toBeNull());
    expect((await api('assistant-view', { channel: 'C0NOPE' })).status).toBe(400);
    expect((await api('assistant-open', { channel: 'C0NOPE', extra: 1 })).status).toBe(400);
  });
});
