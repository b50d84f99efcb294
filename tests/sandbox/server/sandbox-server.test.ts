/**
 * The sandbox's own HTTP endpoints: what the page sends reaches the real app as a signed Slack request, what the
 * app does comes back in snapshots and on the event stream, and bad input is refused with a reason.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/server/server.js';
import type { PageSnapshot } from '../../../sandbox/server/view-model.js';
import { SHORTCUT_CALLBACK } from '../../../src/slack/ids.js';
import { eventually } from '../../slack/harness.js';

let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, logLevel: 'error' });
  base = `http://127.0.0.1:${sandbox.port}`;
});
afterAll(() => sandbox.close());

async function api(path: string, body?: unknown, init: RequestInit = {}) {
  const response = await fetch(`${base}/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...init,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function snapshot(): Promise<PageSnapshot> {
  return (await api('snapshot')).json as unknown as PageSnapshot;
}

/** Reads server-sent events until `until` matches one, or the time runs out. */
async function readEvents(
  until: (event: { name: string; data: unknown }) => boolean,
  act: () => Promise<unknown>,
): Promise<{ name: string; data: unknown }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  const response = await fetch(`${base}/api/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { name: string; data: unknown }[] = [];
  let buffer = '';
  let acted = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        const name = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!name || data === undefined) continue;
        const event = { name, data: JSON.parse(data) as unknown };
        events.push(event);
        if (until(event)) return events;
      }
      if (!acted && events.length > 0) {
        acted = true;
        await act();
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('the page API', () => {
  it('serves the page and its scripts with a policy that runs only its own code', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    for (const asset of ['/app.js', '/blocks.js', '/style.css'])
      expect((await fetch(`${base}${asset}`)).status).toBe(200);
    expect((await fetch(`${base}/../package.json`)).status).toBe(404);
  });

  it('starts with #general (the app is a member) and #random (it is not)', async () => {
    const snap = await snapshot();
    expect(snap.me.id).toBe(sandbox.me);
    expect(snap.channels.map((c) => [c.name, c.botIsMember])).toEqual([
      ['general', true],
      ['random', false],
    ]);
  });

  it('runs /realtime through the real app: its ephemeral answer appears in the snapshot', async () => {
    const sent = await api('command', { channel: 'C0GENERAL', command: '/realtime', text: 'compare' });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ ok: true, ack: { status: 200, timedOut: false } });
    // The app answered through Bolt, so the stand-in received a signed request and the ack's message.
    expect(sandbox.standin.deliveries.at(-1)?.kind).toBe('slash_command');
    const snap = await snapshot();
    const answer = snap.ephemerals.at(-1);
    expect(answer?.channel).toBe('C0GENERAL');
    expect(answer?.user).toBe(sandbox.me);
    expect(answer?.text).toMatch(/^WebSocket vs SSE, the scorecard/);
  });

  it('clicks a button in an ephemeral message: the wizard moves on', async () => {
    await api('command', { channel: 'C0GENERAL', command: '/realtime', text: '' });
    const question = (await snapshot()).ephemerals.at(-1);
    expect(question?.text).toMatch(/Question 1 of 3/);
    const button = sandbox.standin
      .findButtons({ message: { ephemeralId: question?.id ?? '' } })
      .find((b) => b.text === 'Server → client only');
    const clicked = await api('click', {
      location: { ephemeralId: question?.id },
      actionId: button?.actionId,
      blockId: button?.blockId,
      value: button?.value,
    });
    expect(clicked.status).toBe(200);
    await eventually(async () => expect((await snapshot()).ephemerals.at(-1)?.text).toMatch(/Question 2 of 3/));
  });

  it('posts a message, and a mention of the app gets a threaded reply', async () => {
    const plain = await api('message', { channel: 'C0GENERAL', text: 'a <b>plain</b> message & more' });
    expect(plain.status).toBe(200);
    const posted = (await snapshot()).channels[0]?.messages.find((m) => m.ts === plain.json.ts);
    // Escaped as a Slack client sends it: typed text never becomes a link, a mention or markup.
    expect(posted?.text).toBe('a &lt;b&gt;plain&lt;/b&gt; message &amp; more');

    const mention = await api('message', { channel: 'C0GENERAL', text: '@Realtime Advisor streaming LLM tokens' });
    expect(mention.status).toBe(200);
    expect(mention.json.ack).toMatchObject({ status: 200 });
    await eventually(async () => {
      const general = (await snapshot()).channels[0];
      const replies = general?.threads[String(mention.json.ts)] ?? [];
      expect(replies.at(-1)?.text).toMatch(/^Verdict: SSE/);
    });
  });

  it('runs the message shortcut: the modal opens, and its submit replies in the thread', async () => {
    const { json } = await api('message', { channel: 'C0GENERAL', text: 'live dashboard, order status updates' });
    const shortcut = await api('shortcut', { channel: 'C0GENERAL', ts: json.ts, callbackId: SHORTCUT_CALLBACK });
    expect(shortcut.status).toBe(200);
    const modal = await eventually(async () => {
      const top = (await snapshot()).modals.at(-1);
      expect(top?.submit).toMatchObject({ text: 'Reply in thread' });
      return top;
    });
    const submitted = await api('submit', { viewId: modal?.id });
    expect(submitted.json).toMatchObject({ ok: true, outcome: 'updated' });
    await eventually(async () => {
      const replies = (await snapshot()).channels[0]?.threads[String(json.ts)] ?? [];
      expect(replies.at(-1)?.text).toMatch(/ran the Realtime Advisor: Verdict: SSE/);
    });
    const close = await api('close', { viewId: modal?.id, all: true });
    expect(close.status).toBe(200);
    expect((await snapshot()).modals).toEqual([]);
  });

  it('says, as Slackbot does, that a mention in a channel without the app reached no one', async () => {
    const sent = await api('message', { channel: 'C0RANDOM', text: '@Realtime Advisor are you there?' });
    expect(sent.status).toBe(200);
    expect(sent.json.ack).toBeUndefined();
    const notice = (await snapshot()).notices.at(-1);
    expect(notice).toMatchObject({ kind: 'slackbot', channel: 'C0RANDOM' });
    expect(notice?.text).toMatch(/not in this channel/);
  });

  it('opens the Home tab: the app publishes it', async () => {
    expect((await api('home', {})).status).toBe(200);
    await eventually(async () => expect((await snapshot()).home?.blocks.length).toBeGreaterThan(0));
  });
});

describe('simulated failures', () => {
  it('lists an armed failure in the snapshot, counts it down as it acts, and disarms it on request', async () => {
    const armed = await api('fault', { method: 'views.publish', fault: 'internal_error', times: 2 });
    expect(armed.status).toBe(200);
    const id = armed.json.id as string;
    expect((await snapshot()).faults).toEqual([{ id, method: 'views.publish', label: 'HTTP 500', remaining: 2 }]);

    // One call uses one of its two.
    expect((await api('home', {})).status).toBe(200);
    await eventually(async () =>
      expect((await snapshot()).faults).toEqual([expect.objectContaining({ remaining: 1 })]),
    );

    expect(await api('disarm', { id })).toEqual({ status: 200, json: { ok: true } });
    expect((await snapshot()).faults).toEqual([]);
    expect((await api('disarm', { id })).json.reason).toBe(`id: no armed failure ${id}`);
    // Disarmed: the Home tab is published again.
    expect((await api('home', {})).status).toBe(200);
    await eventually(async () => expect((await snapshot()).home).not.toBeNull());
  });

  it('disarms every armed failure at once', async () => {
    await api('fault', { method: 'chat.postMessage', fault: 'not_in_channel' });
    await api('fault', { method: 'response_url', fault: 'slow', times: 3 });
    expect((await snapshot()).faults.map((f) => `${f.method}: ${f.label} ×${f.remaining}`)).toEqual([
      'chat.postMessage: not_in_channel ×1',
      'response_url: a 4 s delay ×3',
    ]);
    expect((await api('disarm', {})).status).toBe(200);
    expect((await snapshot()).faults).toEqual([]);
  });
});

describe('bad input', () => {
  const cases: [string, string, unknown, RegExp][] = [
    ['a command with no channel', 'command', { command: '/realtime' }, /^channel: expected a channel id/],
    ['a command that is not one', 'command', { channel: 'C0GENERAL', command: 'realtime' }, /^command: /],
    ['an empty message', 'message', { channel: 'C0GENERAL', text: '   ' }, /^text: expected some text/],
    ['a channel the person is not in', 'message', { channel: 'C0NOPE', text: 'hi' }, /^channel: no channel C0NOPE/],
    ['a click with no location', 'click', { actionId: 'x' }, /^location: /],
    ['a click on a button that is not there', 'click', { location: { ephemeralId: 'eph-0' }, actionId: 'x' }, /eph-0/],
    [
      'a shortcut on a malformed ts',
      'shortcut',
      { channel: 'C0GENERAL', ts: 'yesterday' },
      /^ts: expected a message ts/,
    ],
    ['another app’s shortcut', 'shortcut', { channel: 'C0GENERAL', ts: '1.000001', callbackId: 'x' }, /callbackId/],
    ['a submit of no modal', 'submit', { viewId: 'V0NONE' }, /no open modal V0NONE/],
    ['unknown fields', 'home', { surprise: true }, /Unrecognized key/],
    ['an unknown fault', 'fault', { method: 'chat.postMessage', fault: 'meteor' }, /^fault: expected one of/],
  ];
  it.each(cases)('refuses %s with 400 and a reason', async (_what, path, body, reason) => {
    const { status, json } = await api(path, body);
    expect(status).toBe(400);
    expect(json.ok).toBe(false);
    expect(String(json.reason)).toMatch(reason);
  });

  it('refuses a body that is not JSON, the wrong content type, methods and paths it does not serve', async () => {
    const notJson = await api('command', '{"channel":');
    expect(notJson).toMatchObject({ status: 400, json: { reason: 'body: expected JSON' } });
    const form = await api('command', 'channel=C0GENERAL', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect((await api('command')).status).toBe(405);
    expect((await api('snapshot', {})).status).toBe(405);
    expect((await api('nothing', {})).status).toBe(404);
    const huge = await api('message', { channel: 'C0GENERAL', text: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
  });

  it('answers only to localhost names, so another site cannot reach it by rebinding DNS', async () => {
    // fetch() will not send another Host header; node:http will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(
        { host: '127.0.0.1', port: sandbox.port, path: '/api/snapshot', headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      ).on('error', reject);
    });
    expect(status).toBe(403);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port on this machine', 'http://localhost:1'],
    ['a sandboxed frame', 'null'],
  ])(
    'refuses a request sent from %s (its Origin), reads, actions and the event stream alike',
    async (_what, origin) => {
      const headers = { 'content-type': 'application/json', origin };
      for (const [path, method, body] of [
        ['snapshot', 'GET', undefined],
        ['events', 'GET', undefined],
        ['command', 'POST', JSON.stringify({ channel: 'C0GENERAL', command: '/realtime', text: '' })],
      ] as const) {
        const response = await fetch(`${base}/api/${path}`, { method, headers, ...(body ? { body } : {}) });
        expect([path, response.status]).toEqual([path, 403]);
        expect(((await response.json()) as { reason: string }).reason).toMatch(/origin/);
      }
    },
  );

  it('answers its own page, whose requests carry its own origin or none', async () => {
    const own = await fetch(`${base}/api/snapshot`, { headers: { origin: base } });
    expect(own.status).toBe(200);
    const named = await fetch(`${base}/api/snapshot`, {
      headers: { origin: `http://localhost:${sandbox.port}`, host: `localhost:${sandbox.port}` },
    });
    expect(named.status).toBe(200);
  });

  it('keeps serving after all of that', async () => {
    expect((await api('snapshot')).status).toBe(200);
  });
});

describe('the event stream', () => {
  it('sends the current snapshot on connect, then a change event with a new snapshot when the app answers', async () => {
    const events = await readEvents(
      (e) => e.name === 'change' && JSON.stringify(e.data).includes('Question 1 of 3'),
      () => api('command', { channel: 'C0GENERAL', command: '/realtime', text: '' }),
    );
    const first = events[0] as { name: string; data: { snapshot: PageSnapshot } };
    expect(first.name).toBe('snapshot');
    const change = events.at(-1)?.data as { kinds: string[]; snapshot: PageSnapshot };
    expect(change.kinds).toContain('ephemeral_posted');
    expect(change.snapshot.ephemerals.at(-1)?.text).toMatch(/Question 1 of 3/);
    expect(change.snapshot.version).toBeGreaterThan(first.data.snapshot.version);
  });
});
