/**
 * The stand-in acting as people, checked against a tiny app of our own that verifies each request exactly as
 * Bolt does (Bolt's verifySlackRequest, Bolt's exact content-type rule for form bodies) and replies as a test
 * tells it to. This pins the payload shapes and Slack's handling of each kind of acknowledgement.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';
import { signRequest } from '../../../sandbox/standin/signing.js';

interface Received {
  url: string | undefined;
  headers: IncomingHttpHeaders;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Slack payload fields
  body: any;
}
type Reply = { status?: number; body?: string | object; delayMs?: number } | undefined;

let standin: SlackStandin;
let app: Server;
let received: Received[];
let reply: (r: Received) => Reply;

/** Parses like Bolt's parseHTTPRequestBody: form only for exactly application/x-www-form-urlencoded. */
function parseLikeBolt(headers: IncomingHttpHeaders, raw: string): unknown {
  if (headers['content-type'] === 'application/x-www-form-urlencoded') {
    const parsed = parseQuery(raw);
    return typeof parsed.payload === 'string' ? JSON.parse(parsed.payload) : parsed;
  }
  return JSON.parse(raw);
}

async function startTinyApp(signingSecret: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString();
      const isSslCheck =
        req.headers['content-type'] === 'application/x-www-form-urlencoded' && parseQuery(raw).ssl_check === '1';
      if (!isSslCheck) {
        try {
          verifySlackRequest({
            signingSecret,
            body: raw,
            headers: {
              'x-slack-signature': String(req.headers['x-slack-signature']),
              'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
            },
          });
        } catch {
          res.writeHead(401).end();
          return;
        }
      }
      let body: unknown;
      try {
        body = parseLikeBolt(req.headers, raw);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const r: Received = { url: req.url, headers: req.headers, raw, body };
      received.push(r);
      const answer = reply(r) ?? {};
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (res.destroyed) return;
      if (answer.body === undefined) res.writeHead(answer.status ?? 200).end();
      else if (typeof answer.body === 'string') res.writeHead(answer.status ?? 200).end(answer.body);
      else {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeEach(async () => {
  received = [];
  reply = () => undefined;
  standin = await startSlackStandin({ ackTimeoutMs: 500 });
  app = await startTinyApp(standin.signingSecret);
  standin.setAppUrl(`http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`);
});

afterEach(async () => {
  await standin.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
});

const button = (actionId: string, text: string, value: string) => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
  value,
});
const pickBlocks = [
  { type: 'section', block_id: 'q', text: { type: 'mrkdwn', text: 'Pick one' } },
  {
    type: 'actions',
    block_id: 'choices',
    elements: [button('pick', 'WebSockets', 'ws'), button('pick_sse', 'SSE', 'sse')],
  },
];

async function respond(url: string, body: object) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('signing', () => {
  it('signs every kind of request so that Bolt verifies it', async () => {
    await standin.slashCommand({ text: 'help' });
    const posted = standin.workspace.postBotMessage('C0GENERAL', { text: 'pick', blocks: pickBlocks });
    await standin.clickButton({ actionId: 'pick', message: { channel: 'C0GENERAL', ts: posted.ts } });
    await standin.mention({ text: 'hello' });
    expect(standin.deliveries.map((d) => [d.kind, d.result.status])).toEqual([
      ['slash_command', 200],
      ['block_actions', 200],
      ['event_callback', 200],
    ]);
  });

  it('signs with wall-clock time, so a fixed workspace clock does not make requests stale', async () => {
    const past = await startSlackStandin({ clock: () => Date.UTC(2020, 0, 1), signingSecret: standin.signingSecret });
    try {
      past.setAppUrl(standin.appUrl as string);
      expect((await past.slashCommand({ text: 'x' })).status).toBe(200);
    } finally {
      await past.close();
    }
  });

  it('matches the v0 HMAC-SHA256 signature Slack documents', () => {
    // Example from Slack's request-verification guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('sends slash commands and clicks as exactly application/x-www-form-urlencoded, events as JSON', async () => {
    await standin.slashCommand({ text: 'x' });
    const posted = standin.workspace.postBotMessage('C0GENERAL', { text: 'pick', blocks: pickBlocks });
    await standin.clickButton({ actionId: 'pick', message: { channel: 'C0GENERAL', ts: posted.ts } });
    await standin.mention({ text: 'hi' });
    expect(received.map((r) => r.headers['content-type'])).toEqual([
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
    expect(received[1]?.raw.startsWith('payload=%7B')).toBe(true);
  });

  it('lets a forged signature or a stale timestamp be sent, and the app refuses both', async () => {
    const body = JSON.stringify({ type: 'event_callback' });
    const forged = await standin.sendRaw({ contentType: 'application/json', body, signature: 'v0=deadbeef' });
    const stale = await standin.sendRaw({
      contentType: 'application/json',
      body,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    const honest = await standin.sendRaw({ contentType: 'application/json', body });
    expect([forged.status, stale.status, honest.status]).toEqual([401, 401, 200]);
  });

  it('sends the SSL check and the url_verification challenge', async () => {
    await standin.sslCheck();
    expect(received[0]?.body).toMatchObject({ ssl_check: '1' });
    reply = (r) => ({ body: { challenge: r.body.challenge } });
    expect((await standin.verifyUrl()).echoed).toBe(true);
  });
});

describe('slash commands', () => {
  it("sends Slack's slash command fields", async () => {
    const result = await standin.slashCommand({ command: '/realtime', text: 'chat app' });
    expect(received[0]?.body).toEqual({
      token: standin.verificationToken,
      team_id: standin.teamId,
      team_domain: 'standin',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'U0HUMAN01',
      user_name: 'ada',
      command: '/realtime',
      text: 'chat app',
      api_app_id: standin.appId,
      is_enterprise_install: 'false',
      response_url: result.responseUrl,
      trigger_id: result.triggerId,
    });
  });

  it('shows a plain-text ack to the person only', async () => {
    reply = () => ({ body: 'Working on it' });
    await standin.slashCommand({ text: 'x' });
    expect(standin.ephemerals('U0HUMAN01', 'C0GENERAL')).toMatchObject([{ text: 'Working on it', via: 'ack' }]);
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });

  it('posts an in_channel ack to the channel after the echoed command', async () => {
    reply = () => ({ body: { response_type: 'in_channel', text: 'Use SSE', blocks: [{ type: 'divider' }] } });
    await standin.slashCommand({ text: 'dashboard' });
    expect(standin.channelHistory('C0GENERAL')).toMatchObject([
      { user: 'U0HUMAN01', text: '/realtime dashboard' },
      { user: standin.botUserId, text: 'Use SSE', blocks: [{ type: 'divider' }] },
    ]);
  });

  it('shows nothing for an empty ack, and the response_url still answers later', async () => {
    const result = await standin.slashCommand({ text: 'x' });
    expect(standin.ephemerals('U0HUMAN01')).toEqual([]);
    expect((await respond(result.responseUrl, { text: 'later' })).status).toBe(200);
    expect(standin.ephemerals('U0HUMAN01')).toMatchObject([{ text: 'later' }]);
  });

  it('lets the trigger_id open a modal', async () => {
    const result = await standin.slashCommand({ text: 'x' });
    const res = await fetch(`${standin.apiUrl}views.open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.botToken}` },
      body: JSON.stringify({
        trigger_id: result.triggerId,
        view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] },
      }),
    });
    expect(await res.json()).toMatchObject({ ok: true });
    expect(standin.openViews('U0HUMAN01')).toHaveLength(1);
  });

  it('reports operation_timeout when the app answers after 3 seconds (here shortened)', async () => {
    reply = () => ({ delayMs: 900, body: 'too late' });
    const result = await standin.slashCommand({ text: 'x' });
    expect(result.timedOut).toBe(true);
    expect(result.ackMs).toBeGreaterThanOrEqual(490);
    expect(standin.notices('U0HUMAN01')).toMatchObject([
      { kind: 'timeout', text: expect.stringContaining('operation_timeout') },
    ]);
    expect(standin.ephemerals('U0HUMAN01')).toEqual([]);
  });

  it('reports a failed command when the app answers with an error status', async () => {
    reply = () => ({ status: 500 });
    await standin.slashCommand({ text: 'x' });
    expect(standin.notices()).toMatchObject([{ kind: 'http_error', user: 'U0HUMAN01', channel: 'C0GENERAL' }]);
  });

  it('refuses to show an ack with invalid blocks, as Slack does', async () => {
    reply = () => ({ body: { text: 't', blocks: [{ type: 'section' }] } });
    await standin.slashCommand({ text: 'x' });
    expect(standin.ephemerals('U0HUMAN01')).toEqual([]);
    expect(standin.notices()).toMatchObject([{ kind: 'invalid_response' }]);
  });
});

describe('buttons', () => {
  it('sends a block_actions payload for a channel message, with a response_url bound to that message', async () => {
    const posted = standin.workspace.postBotMessage('C0GENERAL', { text: 'pick', blocks: pickBlocks });
    const result = await standin.clickButton({ actionId: 'pick', message: { channel: 'C0GENERAL', ts: posted.ts } });
    const payload = received[0]?.body;
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0HUMAN01', username: 'ada', team_id: standin.teamId },
      api_app_id: standin.appId,
      team: { id: standin.teamId, domain: 'standin' },
      container: { type: 'message', message_ts: posted.ts, channel_id: 'C0GENERAL', is_ephemeral: false },
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { ts: posted.ts, text: 'pick', bot_id: standin.botId },
      state: { values: {} },
      response_url: result.responseUrl,
      trigger_id: result.triggerId,
      actions: [
        {
          type: 'button',
          action_id: 'pick',
          block_id: 'choices',
          value: 'ws',
          text: { type: 'plain_text', text: 'WebSockets' },
          action_ts: expect.stringMatching(/^\d+\.\d{6}$/),
        },
      ],
    });
    await respond(result.responseUrl as string, { replace_original: true, text: 'You picked WebSockets' });
    expect(standin.channelHistory('C0GENERAL')).toMatchObject([{ ts: posted.ts, text: 'You picked WebSockets' }]);
  });

  it('marks a click on an ephemeral message as ephemeral, without a message, and replaces that ephemeral', async () => {
    const eph = standin.workspace.postEphemeral({
      channel: 'C0GENERAL',
      user: 'U0HUMAN01',
      text: 'pick',
      blocks: pickBlocks,
      via: 'chat.postEphemeral',
    });
    const result = await standin.clickButton({ actionId: 'pick_sse', message: { ephemeralId: eph.id } });
    expect(received[0]?.body.container).toEqual({
      type: 'message',
      message_ts: eph.ts,
      channel_id: 'C0GENERAL',
      is_ephemeral: true,
    });
    expect(received[0]?.body.message).toBeUndefined();
    await respond(result.responseUrl as string, { replace_original: true, text: 'SSE it is' });
    expect(standin.ephemerals('U0HUMAN01')).toMatchObject([{ id: eph.id, text: 'SSE it is' }]);
  });

  it('clicks by visible label and explains what it could not find', async () => {
    const posted = standin.workspace.postBotMessage('C0GENERAL', { text: 'pick', blocks: pickBlocks });
    await standin.clickButtonByText({ text: 'SSE', message: { channel: 'C0GENERAL', ts: posted.ts } });
    expect(received[0]?.body.actions[0]).toMatchObject({ action_id: 'pick_sse', value: 'sse' });
    await expect(
      standin.clickButton({ actionId: 'nope', message: { channel: 'C0GENERAL', ts: posted.ts } }),
    ).rejects.toThrow('choices/pick "WebSockets", choices/pick_sse "SSE"');
  });

  it('puts the thread in the container for a click inside a thread', async () => {
    const parent = standin.postAsUser({ text: 'q' });
    const replyMsg = standin.workspace.postBotMessage('C0GENERAL', {
      text: 'pick',
      blocks: pickBlocks,
      threadTs: parent.ts,
    });
    await standin.clickButton({ actionId: 'pick', message: { channel: 'C0GENERAL', ts: replyMsg.ts } });
    expect(received[0]?.body.container).toMatchObject({ message_ts: replyMsg.ts, thread_ts: parent.ts });
  });

  it('sends a view container and the view for a click in a modal, with no response_url', async () => {
    const view = standin.workspace.openModal('U0HUMAN01', {
      type: 'modal',
      title: { type: 'plain_text', text: 'Advisor' },
      blocks: pickBlocks,
    });
    await standin.clickButton({ actionId: 'pick', viewId: view.id });
    expect(received[0]?.body).toMatchObject({ container: { type: 'view', view_id: view.id }, view: { id: view.id } });
    expect(received[0]?.body.response_url).toBeUndefined();
  });
});

describe('message shortcuts', () => {
  it('sends message_action with the message, and its thread, so a response lands in that thread', async () => {
    const parent = standin.postAsUser({ text: 'Should we use WebSockets?' });
    const replyMsg = standin.postAsUser({ text: 'for a stock ticker', threadTs: parent.ts });
    const result = await standin.messageShortcut({ channel: 'C0GENERAL', ts: replyMsg.ts, callbackId: 'advise' });
    expect(received[0]?.body).toMatchObject({
      type: 'message_action',
      callback_id: 'advise',
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
      message_ts: replyMsg.ts,
      message: { ts: replyMsg.ts, text: 'for a stock ticker', user: 'U0HUMAN01', thread_ts: parent.ts },
      channel: { id: 'C0GENERAL', name: 'general' },
      user: { id: 'U0HUMAN01' },
    });
    await respond(result.responseUrl, { response_type: 'in_channel', text: 'SSE' });
    expect(standin.thread('C0GENERAL', parent.ts).map((m) => m.text)).toEqual([
      'Should we use WebSockets?',
      'for a stock ticker',
      'SSE',
    ]);
  });
});

describe('modals', () => {
  const form = {
    type: 'modal',
    callback_id: 'advise',
    title: { type: 'plain_text', text: 'Advisor' },
    submit: { type: 'plain_text', text: 'Advise' },
    notify_on_close: true,
    private_metadata: 'C0GENERAL',
    blocks: [
      {
        type: 'input',
        block_id: 'need',
        label: { type: 'plain_text', text: 'Need' },
        element: { type: 'plain_text_input', action_id: 'text' },
      },
      {
        type: 'input',
        block_id: 'direction',
        label: { type: 'plain_text', text: 'Direction' },
        optional: true,
        element: {
          type: 'static_select',
          action_id: 'dir',
          options: [
            { text: { type: 'plain_text', text: 'Server to client' }, value: 'down' },
            { text: { type: 'plain_text', text: 'Both ways' }, value: 'both' },
          ],
        },
      },
    ],
  };

  it('sends view_submission with state values and closes the modal on an empty ack', async () => {
    const view = standin.workspace.openModal('U0HUMAN01', form);
    const result = await standin.submitView({
      viewId: view.id,
      values: { need: { text: 'live prices' }, direction: { dir: 'down' } },
    });
    expect(received[0]?.body).toMatchObject({
      type: 'view_submission',
      user: { id: 'U0HUMAN01' },
      view: {
        id: view.id,
        callback_id: 'advise',
        private_metadata: 'C0GENERAL',
        state: {
          values: {
            need: { text: { type: 'plain_text_input', value: 'live prices' } },
            direction: {
              dir: { type: 'static_select', selected_option: { value: 'down', text: { text: 'Server to client' } } },
            },
          },
        },
      },
    });
    expect(result.outcome).toBe('closed');
    expect(standin.openViews('U0HUMAN01')).toEqual([]);
  });

  it('keeps the modal open with the errors when the ack says response_action errors', async () => {
    const view = standin.workspace.openModal('U0HUMAN01', form);
    reply = () => ({ body: { response_action: 'errors', errors: { need: 'Say a bit more' } } });
    const result = await standin.submitView({ viewId: view.id, values: { need: { text: 'x' } } });
    expect(result).toMatchObject({ outcome: 'errors', errors: { need: 'Say a bit more' } });
    expect(standin.openViews('U0HUMAN01')).toMatchObject([{ id: view.id, errors: { need: 'Say a bit more' } }]);
  });

  it('applies update, push and clear from the ack', async () => {
    const next = { type: 'modal', title: { type: 'plain_text', text: 'Verdict' }, blocks: [{ type: 'divider' }] };
    const view = standin.workspace.openModal('U0HUMAN01', form);
    reply = () => ({ body: { response_action: 'update', view: next } });
    expect((await standin.submitView({ viewId: view.id, values: { need: { text: 'x' } } })).outcome).toBe('updated');
    expect(standin.openViews('U0HUMAN01')).toMatchObject([{ id: view.id, title: { text: 'Verdict' } }]);

    const again = standin.workspace.openModal('U0HUMAN01', form);
    reply = () => ({ body: { response_action: 'push', view: next } });
    await standin.submitView({ viewId: again.id, values: { need: { text: 'x' } } });
    expect(standin.openViews('U0HUMAN01').map((v) => v.previous_view_id)).toEqual([null, again.id]);

    const top = standin.openViews('U0HUMAN01')[1];
    reply = () => ({ body: { response_action: 'clear' } });
    await standin.submitView({ viewId: top?.id as string });
    expect(standin.openViews('U0HUMAN01')).toEqual([]);
  });

  it('will not submit while a required input is empty, as the Slack client will not', async () => {
    const view = standin.workspace.openModal('U0HUMAN01', form);
    await expect(standin.submitView({ viewId: view.id })).rejects.toThrow('required input empty in need');
    expect(received).toEqual([]);
  });

  it('sends view_closed only when the view asked for notify_on_close', async () => {
    const noisy = standin.workspace.openModal('U0HUMAN01', form);
    await standin.closeView({ viewId: noisy.id });
    const quiet = standin.workspace.openModal('U0HUMAN01', { ...form, notify_on_close: false });
    expect(await standin.closeView({ viewId: quiet.id })).toBeUndefined();
    expect(received.map((r) => r.body.type)).toEqual(['view_closed']);
    expect(received[0]?.body).toMatchObject({ is_cleared: false, view: { id: noisy.id } });
    expect(standin.openViews('U0HUMAN01')).toEqual([]);
  });
});

describe('events', () => {
  it('posts the mention and delivers an app_mention event_callback', async () => {
    const { message, event } = await standin.mention({ text: 'WebSockets or SSE?' });
    expect(message.text).toBe(`<@${standin.botUserId}> WebSockets or SSE?`);
    expect(received[0]?.body).toEqual({
      token: standin.verificationToken,
      team_id: standin.teamId,
      context_team_id: standin.teamId,
      context_enterprise_id: null,
      api_app_id: standin.appId,
      event: {
        client_msg_id: message.client_msg_id,
        type: 'app_mention',
        text: message.text,
        user: 'U0HUMAN01',
        ts: message.ts,
        blocks: message.blocks,
        team: standin.teamId,
        channel: 'C0GENERAL',
        event_ts: message.ts,
      },
      type: 'event_callback',
      event_id: event?.eventId,
      event_time: expect.any(Number),
      authorizations: [
        {
          enterprise_id: null,
          team_id: standin.teamId,
          user_id: standin.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: expect.any(String),
    });
    expect(received[0]?.headers['x-slack-retry-num']).toBeUndefined();
  });

  it('includes thread_ts for a mention inside a thread', async () => {
    const parent = standin.postAsUser({ text: 'q' });
    await standin.mention({ text: 'help', threadTs: parent.ts });
    expect(received[0]?.body.event.thread_ts).toBe(parent.ts);
  });

  it('retries with the same event_id and X-Slack-Retry headers', async () => {
    const { event } = await standin.mention({ text: 'hi', retryNum: 2 });
    expect(
      received.map((r) => [r.body.event_id, r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']]),
    ).toEqual([
      [event?.eventId, undefined, undefined],
      [event?.eventId, '1', 'http_timeout'],
      [event?.eventId, '2', 'http_timeout'],
    ]);
    await standin.redeliver(event?.eventId as string, 3);
    expect(received[3]?.headers['x-slack-retry-num']).toBe('3');
  });

  it('sends a request to another instance through via(), and a retry of an event to either', async () => {
    const base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    const [one, two] = [standin.via(`${base}/one`), standin.via(`${base}/two`)];
    const { event } = await one.mention({ text: 'hi' });
    await two.redeliver(event?.eventId as string, 1);
    await standin.slashCommand({ text: 'x' });
    expect(received.map((r) => [r.url, r.body.event_id ?? r.body.command])).toEqual([
      ['/one', event?.eventId],
      ['/two', event?.eventId],
      ['/slack/events', '/realtime'],
    ]);
    expect(standin.deliveries.map((d) => d.kind)).toEqual(['event_callback', 'event_callback', 'slash_command']);
  });

  it('sends no app_mention from a channel the app is not in', async () => {
    standin.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
    const result = await standin.mention({ channel: 'C0OUTSIDE', text: 'anyone?' });
    expect(result.event).toBeUndefined();
    expect(received).toEqual([]);
    expect(standin.channelHistory('C0OUTSIDE')).toHaveLength(1);
  });

  it('sends app_home_opened with the DM channel, and the published Home view once there is one', async () => {
    await standin.openHome();
    expect(received[0]?.body.event).toEqual({
      type: 'app_home_opened',
      user: 'U0HUMAN01',
      channel: 'D0HUMAN01',
      tab: 'home',
      event_ts: expect.any(String),
    });
    const home = standin.workspace.publishHome('U0HUMAN01', { type: 'home', blocks: [{ type: 'divider' }] });
    await standin.openHome();
    expect(received[1]?.body.event.view).toMatchObject({ id: home.id, type: 'home' });
  });
});
