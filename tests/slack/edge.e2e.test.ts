/**
 * The edge: whatever arrives at the app's port, signed or not, however malformed, gets a 2xx or a 4xx and
 * leaves the process serving. Unsigned and oversized bodies are refused before they are read.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../sandbox/standin/index.js';
import { SHORTCUT_CALLBACK } from '../../src/slack/ids.js';
import { expectAcked, GENERAL, HUMAN, useHarness } from './harness.js';

const h = useHarness();
const MiB = 1024 * 1024;
const now = () => Math.floor(Date.now() / 1000);

/**
 * Sends the head of a request (and, if given, a body) on a raw socket and resolves with the status code of the
 * first answer; 0 when the server closed the connection without one. Nothing is sent after the head unless asked.
 */
function rawRequest(head: string, body?: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(h.app.port ?? 0, '127.0.0.1');
    let received = '';
    const done = (status: number) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(-1), timeoutMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) done(Number(match[1]));
    });
    socket.on('error', () => done(0));
    socket.on('close', () => done(0));
    socket.write(head);
    if (body !== undefined) socket.write(body);
  });
}

function signedHead(options: { length: number; contentType?: string; timestamp?: number; body?: string }): string {
  const timestamp = options.timestamp ?? now();
  const signature = signRequest(h.slack.signingSecret, timestamp, options.body ?? '');
  return (
    'POST /slack/events HTTP/1.1\r\nHost: localhost\r\n' +
    `Content-Type: ${options.contentType ?? 'application/x-www-form-urlencoded'}\r\n` +
    `Content-Length: ${options.length}\r\nX-Slack-Request-Timestamp: ${timestamp}\r\nX-Slack-Signature: ${signature}\r\n\r\n`
  );
}

const form = (payload: unknown) => ({
  contentType: 'application/x-www-form-urlencoded',
  body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
});
const json = (body: unknown) => ({ contentType: 'application/json', body: JSON.stringify(body) });
const team = () => ({ id: h.slack.teamId, domain: h.slack.teamDomain });
const user = { id: HUMAN, username: 'ada', team_id: 'T0' };

describe('malformed payloads, correctly signed', () => {
  const cases: [string, () => { contentType: string; body: string }][] = [
    [
      'a block_actions without user',
      () =>
        form({
          type: 'block_actions',
          team: team(),
          actions: [{ action_id: 'wizard.back', type: 'button', value: 'x' }],
        }),
    ],
    ['a shortcut without user', () => form({ type: 'shortcut', team: team(), callback_id: 'x', trigger_id: '1.2' })],
    ['a block_actions with actions: null', () => form({ type: 'block_actions', team: team(), user, actions: null })],
    ['an event_callback with event: null', () => json({ type: 'event_callback', team_id: 'T0', event: null })],
    ['an event_callback whose event is a string', () => json({ type: 'event_callback', team_id: 'T0', event: 'x' })],
    ['a view_submission without view', () => form({ type: 'view_submission', team: team(), user })],
    ['a view_closed whose view is null', () => form({ type: 'view_closed', team: team(), user, view: null })],
    ['a message_action with channel: null', () => form({ type: 'message_action', team: team(), user, channel: null })],
    [
      'a form payload that is JSON null',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'payload=null' }),
    ],
    [
      'a form payload that is a JSON number',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'payload=1' }),
    ],
    [
      'a form payload that is a JSON array',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'payload=%5B%5D' }),
    ],
    [
      'a form payload that is not JSON',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'payload=%7B' }),
    ],
    ['a JSON body null', () => ({ contentType: 'application/json', body: 'null' })],
    ['a JSON body that is a string', () => ({ contentType: 'application/json', body: '"event"' })],
    ['a JSON body that is not JSON', () => ({ contentType: 'application/json', body: '{"type":' })],
    ['a payload of no type Slack sends', () => form({ type: 'surprise', team: team(), user })],
    [
      'a slash command without a user',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'command=%2Frealtime' }),
    ],
    // Fields the listeners read, of a type Slack never sends (each once threw in a listener after the ack).
    [
      'an app_mention whose text is a number',
      () =>
        json({
          type: 'event_callback',
          team_id: 'T0',
          event_id: 'Ev1',
          event: { type: 'app_mention', text: 5, user: HUMAN, channel: GENERAL, ts: '1.2' },
        }),
    ],
    [
      'an event whose channel is null',
      () =>
        json({
          type: 'event_callback',
          team_id: 'T0',
          event_id: 'Ev2',
          event: { type: 'app_mention', text: 'x', user: HUMAN, channel: null, ts: '1.2' },
        }),
    ],
    [
      'a message event whose channel is an object',
      () =>
        json({
          type: 'event_callback',
          team_id: 'T0',
          event_id: 'Ev3',
          event: { type: 'message', text: 'x', user: HUMAN, channel: { id: 'D0HUMAN' }, ts: '1.2' },
        }),
    ],
    [
      'a block_actions without the container it was clicked in',
      () =>
        form({
          type: 'block_actions',
          team: team(),
          user,
          actions: [{ action_id: 'wizard.back', type: 'button', value: 'x' }],
        }),
    ],
    [
      'a block_actions whose channel id is a number',
      () =>
        form({
          type: 'block_actions',
          team: team(),
          user,
          channel: { id: 7 },
          container: { type: 'message' },
          actions: [{ action_id: 'wizard.back', type: 'button', value: 'x' }],
        }),
    ],
    [
      'a block_actions whose button value is an object',
      () =>
        form({
          type: 'block_actions',
          team: team(),
          user,
          container: { type: 'message' },
          actions: [{ action_id: 'wizard.back', type: 'button', value: {} }],
        }),
    ],
    // Bolt reads view.callback_id of any body with a view and matches listener patterns with String#match (a fuzzed
    // submission whose view had none threw inside Bolt's middleware).
    [
      'a view_submission whose view has no callback_id',
      () => form({ type: 'view_submission', team: team(), user, view: { id: 'V1' } }),
    ],
    [
      'a view_submission that also carries actions, whose view has no callback_id',
      () =>
        form({
          type: 'view_submission',
          team: team(),
          user,
          actions: [{ action_id: 'wizard.back', value: 'x' }],
          container: { type: 'view' },
          view: { id: 'V1' },
        }),
    ],
    [
      'a message_action whose message text is a number',
      () =>
        form({
          type: 'message_action',
          team: team(),
          user,
          callback_id: SHORTCUT_CALLBACK,
          trigger_id: '1.2',
          channel: { id: GENERAL },
          message: { text: 5, ts: '1.2' },
        }),
    ],
  ];

  it.each(cases)('answers %s with a 400, and keeps serving', async (_name, request) => {
    const result = await h.slack.sendRaw(request());
    expect(result.status).toBe(400);
    expectAcked(await h.slack.slashCommand({ text: 'help' }));
  });
});

describe('what is refused before the body is read', () => {
  it('refuses a request without signature headers with a 401 before its body arrives', async () => {
    const status = await rawRequest(
      'POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 943718\r\n\r\n',
    );
    expect(status).toBe(401);
  });

  it('refuses a signed request whose timestamp is stale before its body arrives', async () => {
    expect(await rawRequest(signedHead({ length: 500_000, timestamp: now() - 6 * 60 }))).toBe(401);
  });

  it('refuses a body declared larger than 1 MiB with a 413 before it arrives', async () => {
    expect(await rawRequest(signedHead({ length: MiB + 1 }))).toBe(413);
  });

  it('refuses a chunked body that grows past 1 MiB with a 413', async () => {
    const head = signedHead({ length: 0 }).replace('Content-Length: 0\r\n', 'Transfer-Encoding: chunked\r\n');
    const chunk = 'a'.repeat(64 * 1024);
    const chunks = `${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(17)}0\r\n\r\n`;
    expect(await rawRequest(head, chunks)).toBe(413);
    expectAcked(await h.slack.slashCommand({ text: 'help' }));
  });

  it('refuses a correctly signed request from more than 5 minutes in the future, as a stale one', async () => {
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: 'command=%2Frealtime&text=help&user_id=U0HUMAN01&channel_id=C0GENERAL',
      timestamp: now() + 6 * 60,
    });
    expect(result.status).toBe(401);
    expect(h.slack.calls).toEqual([]);
  });

  it('accepts a timestamp a little in the future (clocks differ)', async () => {
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: 'command=%2Frealtime&text=help&user_id=U0HUMAN01&channel_id=C0GENERAL&team_id=T0&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx&trigger_id=1.2.3',
      timestamp: now() + 60,
    });
    expectAcked(result);
  });

  it('refuses a captured signature replayed on another body', async () => {
    const captured = await h.slack.slashCommand({ text: 'help' });
    expectAcked(captured);
    const delivery = h.slack.deliveries.at(-1);
    const headers = delivery?.headers ?? {};
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: 'command=%2Frealtime&text=compare&user_id=U0HUMAN01&channel_id=C0GENERAL',
      timestamp: Number(headers['x-slack-request-timestamp']),
      signature: headers['x-slack-signature'] ?? null,
    });
    expect(result.status).toBe(401);
  });
});

describe('large but legitimate requests', () => {
  it('runs the message shortcut on a 40,000-character message of 50 blocks', async () => {
    // Mostly non-ASCII, as Japanese or emoji-heavy text is: each character takes 9 to 12 bytes once form-encoded.
    const text = 'リアルタイムの株価をSSEで配信するか、WebSocketsか 🚀 '.repeat(1500).slice(0, 40_000);
    const message = h.slack.postAsUser({ text: 'placeholder' });
    const stored = h.slack.workspace.findMessage(GENERAL, message.ts);
    if (!stored) throw new Error('message not stored');
    stored.text = text;
    stored.blocks = Array.from({ length: 50 }, (_, i) => ({
      type: 'section',
      block_id: `b${i}`,
      text: { type: 'mrkdwn', text: text.slice(i * 800, i * 800 + 800) },
    }));
    const result = await h.slack.messageShortcut({ channel: GENERAL, ts: message.ts, callbackId: SHORTCUT_CALLBACK });
    expect(Buffer.byteLength(`payload=${encodeURIComponent(JSON.stringify(result.payload))}`)).toBeGreaterThan(400_000);
    expectAcked(result);
    await expect.poll(() => h.slack.callsTo('views.open')).toHaveLength(1);
  });
});

describe('under a flood of unsigned large bodies', () => {
  it('answers every signed slash command while 100 unsigned 0.9 MiB bodies are in flight', async () => {
    const body = 'x'.repeat(Math.floor(0.9 * MiB));
    const flood = Array.from({ length: 100 }, () =>
      fetch(`http://127.0.0.1:${h.app.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then(
        (r) => r.status,
        () => 0, // the server may close the connection before the body is sent: that is the point
      ),
    );
    const commands = await Promise.all(Array.from({ length: 20 }, () => h.slack.slashCommand({ text: 'help' })));
    expect(commands.map((c) => c.status)).toEqual(commands.map(() => 200));
    expect((await Promise.all(flood)).every((status) => status === 401 || status === 0)).toBe(true);
  });
});

describe('small things at the edge', () => {
  it('answers HEAD /healthz like GET, as load balancers check it', async () => {
    const response = await fetch(`http://127.0.0.1:${h.app.port}/healthz`, { method: 'HEAD' });
    expect(response.status).toBe(200);
  });

  it.each(['http://[::1', '//%%', 'http://a:b@[/slack/events'])(
    'answers a malformed request target (%s) with a 400, and keeps serving',
    async (target) => {
      expect(await rawRequest(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`)).toBe(400);
      expect(await rawRequest(`POST ${target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n`)).toBe(400);
      expectAcked(await h.slack.slashCommand({ text: 'help' }));
    },
  );
});
