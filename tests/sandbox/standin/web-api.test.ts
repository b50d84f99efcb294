/**
 * The stand-in's Web API over real HTTP: the response shapes the app reads and every refusal the app must handle,
 * sent the two ways Slack accepts (form-encoded with JSON-string fields, and JSON with a Bearer token).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

let standin: SlackStandin;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2024, 10, 25, 10, 20, 0);
  standin = await startSlackStandin({ clock: () => now });
});

afterEach(async () => {
  await standin.close();
});

type Args = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Slack response fields
type SlackJson = Record<string, any>;

/** Form-encoded like @slack/web-api: objects JSON-stringified, token in the Authorization header. */
async function form(method: string, args: Args, token: string | null = standin.botToken) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) {
    body.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${standin.apiUrl}${method}`, { method: 'POST', headers, body: body.toString() });
  return { status: res.status, body: (await res.json()) as SlackJson };
}

async function json(method: string, args: Args, token: string | null = standin.botToken) {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${standin.apiUrl}${method}`, { method: 'POST', headers, body: JSON.stringify(args) });
  return { status: res.status, body: (await res.json()) as SlackJson };
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('authentication', () => {
  it('answers a call without a token with not_authed', async () => {
    expect((await form('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' }, null)).body).toEqual({
      ok: false,
      error: 'not_authed',
    });
  });

  it('answers a call with the wrong token with invalid_auth', async () => {
    expect((await form('auth.test', {}, 'xoxb-wrong')).body).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('accepts the token as a form field too', async () => {
    const body = new URLSearchParams({ token: standin.botToken });
    const res = await fetch(`${standin.apiUrl}auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('ignores a token inside a JSON body, as Slack does', async () => {
    const res = await fetch(`${standin.apiUrl}auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: standin.botToken }),
    });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('describes the bot in auth.test', async () => {
    expect((await form('auth.test', {})).body).toEqual({
      ok: true,
      url: 'https://standin.slack.com/',
      team: 'Stand-in Workspace',
      user: 'realtime-advisor',
      team_id: standin.teamId,
      user_id: standin.botUserId,
      bot_id: standin.botId,
      is_enterprise_install: false,
    });
  });

  it('answers an unknown method with unknown_method', async () => {
    expect((await form('chat.meow', {})).body).toMatchObject({ ok: false, error: 'unknown_method' });
  });
});

describe('apps.connections.open (Socket Mode)', () => {
  it('answers the app-level token with the Socket Mode URL the test set', async () => {
    standin.setSocketModeUrl('ws://127.0.0.1:1/socket');
    expect(standin.appToken).toMatch(/^xapp-[\w-]+$/);
    expect((await form('apps.connections.open', {}, standin.appToken)).body).toEqual({
      ok: true,
      url: 'ws://127.0.0.1:1/socket',
    });
  });

  it('refuses a missing token with not_authed and an unknown one with invalid_auth', async () => {
    standin.setSocketModeUrl('ws://127.0.0.1:1/socket');
    expect((await form('apps.connections.open', {}, null)).body).toEqual({ ok: false, error: 'not_authed' });
    expect((await form('apps.connections.open', {}, 'xapp-1-wrong')).body).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
  });

  it('refuses the bot token, which is the wrong kind of token for opening a connection', async () => {
    standin.setSocketModeUrl('ws://127.0.0.1:1/socket');
    expect((await form('apps.connections.open', {})).body).toEqual({ ok: false, error: 'not_allowed_token_type' });
  });

  it('refuses the app-level token for every other method', async () => {
    expect((await form('auth.test', {}, standin.appToken)).body).toEqual({
      ok: false,
      error: 'not_allowed_token_type',
    });
    expect((await form('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' }, standin.appToken)).body).toEqual({
      ok: false,
      error: 'not_allowed_token_type',
    });
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });
});

describe('chat.postMessage', () => {
  it('posts with blocks and returns channel, ts and the stored message', async () => {
    const { body } = await form('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'fallback',
      blocks: [section('*hi*')],
    });
    expect(body).toMatchObject({
      ok: true,
      channel: 'C0GENERAL',
      message: { type: 'message', user: standin.botUserId, bot_id: standin.botId, text: 'fallback' },
    });
    expect(body.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(body.message.ts).toBe(body.ts);
    expect(body.message.blocks[0]).toMatchObject({ type: 'section', text: { text: '*hi*' } });
    expect(typeof body.message.blocks[0].block_id).toBe('string');
    expect(standin.channelHistory('C0GENERAL').map((m) => m.ts)).toEqual([body.ts]);
  });

  it('gives every message a unique, increasing ts even within one millisecond', async () => {
    const a = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'a' });
    const b = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'b' });
    expect(a.body.ts).toBe('1732530000.000000');
    expect(b.body.ts).toBe('1732530000.000001');
  });

  it('accepts a channel name as well as an ID', async () => {
    expect((await json('chat.postMessage', { channel: '#general', text: 'hi' })).body.channel).toBe('C0GENERAL');
  });

  it('threads a reply and counts it on the parent', async () => {
    const parent = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'parent' });
    const reply = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'reply', thread_ts: parent.body.ts });
    expect(reply.body.message).toMatchObject({ thread_ts: parent.body.ts, parent_user_id: standin.botUserId });
    const thread = standin.thread('C0GENERAL', parent.body.ts);
    expect(thread.map((m) => m.text)).toEqual(['parent', 'reply']);
    expect(thread[0]).toMatchObject({ reply_count: 1, latest_reply: reply.body.ts });
    expect(standin.channelHistory('C0GENERAL').map((m) => m.text)).toEqual(['parent']);
  });

  it('shows a reply_broadcast reply in the channel too', async () => {
    const parent = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'parent' });
    await json('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'everyone',
      thread_ts: parent.body.ts,
      reply_broadcast: true,
    });
    expect(standin.channelHistory('C0GENERAL').map((m) => m.text)).toEqual(['parent', 'everyone']);
  });

  it('refuses a message with neither text nor blocks with no_text', async () => {
    expect((await json('chat.postMessage', { channel: 'C0GENERAL' })).body).toEqual({ ok: false, error: 'no_text' });
  });

  it('refuses bad blocks with invalid_blocks and Slack-style response_metadata', async () => {
    const { body } = await form('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 't',
      blocks: [section('x'.repeat(3001))],
    });
    expect(body).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: { messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'] },
    });
  });

  it('refuses more than fifty blocks with invalid_blocks and the json-pointer Slack gives', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect((await form('chat.postMessage', { channel: 'C0GENERAL', text: 't', blocks })).body).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['no more than 50 items allowed [json-pointer:/blocks]'],
    });
  });

  it('refuses blocks that are not JSON with invalid_blocks_format', async () => {
    expect((await form('chat.postMessage', { channel: 'C0GENERAL', text: 't', blocks: '[{' })).body.error).toBe(
      'invalid_blocks_format',
    );
  });

  it('refuses an unknown channel with channel_not_found', async () => {
    expect((await json('chat.postMessage', { channel: 'C0NOPE', text: 'hi' })).body.error).toBe('channel_not_found');
  });

  it('refuses a channel the bot is not in with not_in_channel', async () => {
    standin.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
    expect((await json('chat.postMessage', { channel: 'C0OUTSIDE', text: 'hi' })).body.error).toBe('not_in_channel');
  });

  it('refuses an archived channel with is_archived', async () => {
    standin.addChannel({ id: 'C0OLD', name: 'old', archived: true });
    expect((await json('chat.postMessage', { channel: 'C0OLD', text: 'hi' })).body.error).toBe('is_archived');
  });

  it('refuses a thread_ts that names no message in that channel with thread_not_found', async () => {
    standin.addChannel({ id: 'C0OTHER', name: 'other' });
    const elsewhere = await json('chat.postMessage', { channel: 'C0OTHER', text: 'there' });
    const res = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'hi', thread_ts: elsewhere.body.ts });
    expect(res.body).toEqual({ ok: false, error: 'thread_not_found' });
  });

  it('posts to a person by user ID into their DM with the app', async () => {
    const { body } = await json('chat.postMessage', { channel: 'U0HUMAN01', text: 'psst' });
    expect(body.channel).toBe('D0HUMAN01');
  });
});

describe('chat.getPermalink', () => {
  it('links to a message, and to a reply together with its thread', async () => {
    const parent = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'parent' });
    const link = await json('chat.getPermalink', { channel: 'C0GENERAL', message_ts: parent.body.ts });
    expect(link.body).toEqual({
      ok: true,
      channel: 'C0GENERAL',
      permalink: expect.stringMatching(/^https:\/\/[a-z0-9-]+\.slack\.com\/archives\/C0GENERAL\/p\d{16}$/),
    });
    const reply = await json('chat.postMessage', { channel: 'C0GENERAL', text: 'reply', thread_ts: parent.body.ts });
    const replyLink = await json('chat.getPermalink', { channel: 'C0GENERAL', message_ts: reply.body.ts });
    expect(replyLink.body.permalink).toContain(`?thread_ts=${parent.body.ts}&cid=C0GENERAL`);
  });

  it('refuses a message that is not there with message_not_found, a hidden channel with channel_not_found', async () => {
    expect((await json('chat.getPermalink', { channel: 'C0GENERAL', message_ts: '1.000001' })).body).toEqual({
      ok: false,
      error: 'message_not_found',
    });
    expect((await json('chat.getPermalink', { channel: 'C0NOWHERE', message_ts: '1.000001' })).body.error).toBe(
      'channel_not_found',
    );
  });
});

describe('chat.postEphemeral', () => {
  it('shows the message to one person and returns message_ts', async () => {
    const { body } = await json('chat.postEphemeral', { channel: 'C0GENERAL', user: 'U0HUMAN01', text: 'only you' });
    expect(body).toEqual({ ok: true, message_ts: expect.stringMatching(/^\d{10}\.\d{6}$/) });
    expect(standin.ephemerals('U0HUMAN01', 'C0GENERAL')).toMatchObject([{ text: 'only you', ts: body.message_ts }]);
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });

  it('refuses a person who is not in the channel with user_not_in_channel', async () => {
    const grace = standin.addUser({ name: 'grace' });
    standin.addChannel({ id: 'C0SMALL', name: 'small', members: ['U0HUMAN01'] });
    const { body } = await json('chat.postEphemeral', { channel: 'C0SMALL', user: grace.id, text: 'hi' });
    expect(body.error).toBe('user_not_in_channel');
  });

  it('refuses where the bot is not a member with not_in_channel', async () => {
    standin.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
    const { body } = await json('chat.postEphemeral', { channel: 'C0OUTSIDE', user: 'U0HUMAN01', text: 'hi' });
    expect(body.error).toBe('not_in_channel');
  });

  it('refuses an unknown user with user_not_found and empty content with no_text', async () => {
    expect((await json('chat.postEphemeral', { channel: 'C0GENERAL', user: 'U0NOBODY', text: 'x' })).body.error).toBe(
      'user_not_found',
    );
    expect((await json('chat.postEphemeral', { channel: 'C0GENERAL', user: 'U0HUMAN01' })).body.error).toBe('no_text');
  });
});

describe('views', () => {
  const modal = (title = 'Advisor', extra: Record<string, unknown> = {}) => ({
    type: 'modal',
    callback_id: 'advise',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: 'Close' },
    private_metadata: 'meta',
    blocks: [section('pick one')],
    ...extra,
  });

  it('opens a modal for the person the trigger_id came from, once', async () => {
    const triggerId = standin.workspace.mintTrigger('U0HUMAN01');
    const { body } = await form('views.open', { trigger_id: triggerId, view: modal() });
    expect(body.ok).toBe(true);
    expect(body.view).toMatchObject({
      id: expect.stringMatching(/^V[A-Z0-9]+$/),
      type: 'modal',
      callback_id: 'advise',
      private_metadata: 'meta',
      team_id: standin.teamId,
      app_id: standin.appId,
      bot_id: standin.botId,
      state: { values: {} },
      previous_view_id: null,
    });
    expect(body.view.root_view_id).toBe(body.view.id);
    expect(standin.openViews('U0HUMAN01').map((v) => v.id)).toEqual([body.view.id]);
    expect((await form('views.open', { trigger_id: triggerId, view: modal() })).body.error).toBe(
      'exchanged_trigger_id',
    );
  });

  it('refuses a trigger_id older than 3 seconds with expired_trigger_id', async () => {
    const triggerId = standin.workspace.mintTrigger('U0HUMAN01');
    now += 3001;
    expect((await form('views.open', { trigger_id: triggerId, view: modal() })).body.error).toBe('expired_trigger_id');
  });

  it('refuses an unknown trigger_id with invalid_trigger_id', async () => {
    expect((await form('views.open', { trigger_id: '1.2.abc', view: modal() })).body.error).toBe('invalid_trigger_id');
  });

  it('refuses a bad view with invalid_arguments naming the field', async () => {
    const triggerId = standin.workspace.mintTrigger('U0HUMAN01');
    const { body } = await form('views.open', { trigger_id: triggerId, view: modal('x'.repeat(25)) });
    expect(body).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
    });
  });

  it('updates by view_id with a new hash and refuses a stale hash with hash_conflict', async () => {
    const opened = (await form('views.open', { trigger_id: standin.workspace.mintTrigger('U0HUMAN01'), view: modal() }))
      .body.view;
    const updated = await form('views.update', { view_id: opened.id, hash: opened.hash, view: modal('Second') });
    expect(updated.body.view).toMatchObject({ id: opened.id, title: { text: 'Second' } });
    expect(updated.body.view.hash).not.toBe(opened.hash);
    const stale = await form('views.update', { view_id: opened.id, hash: opened.hash, view: modal('Third') });
    expect(stale.body).toEqual({ ok: false, error: 'hash_conflict' });
    expect(standin.openViews('U0HUMAN01')[0]?.title).toMatchObject({ text: 'Second' });
  });

  it('updates by external_id and answers an unknown view with not_found', async () => {
    await form('views.open', {
      trigger_id: standin.workspace.mintTrigger('U0HUMAN01'),
      view: modal('One', { external_id: 'advice-1' }),
    });
    expect((await form('views.update', { external_id: 'advice-1', view: modal('Two') })).body.view.title.text).toBe(
      'Two',
    );
    expect((await form('views.update', { view_id: 'V0NOPE', view: modal() })).body.error).toBe('not_found');
  });

  it('publishes a Home tab per person and refuses a modal there', async () => {
    const home = { type: 'home', blocks: [section('welcome')] };
    const { body } = await form('views.publish', { user_id: 'U0HUMAN01', view: home });
    expect(body.view).toMatchObject({ type: 'home', blocks: [{ type: 'section' }] });
    expect(standin.homeView('U0HUMAN01')?.id).toBe(body.view.id);
    expect((await form('views.publish', { user_id: 'U0HUMAN01', view: modal() })).body.error).toBe('invalid_arguments');
    expect((await form('views.publish', { user_id: 'U0NOBODY', view: home })).body.error).toBe('user_not_found');
  });
});

describe('reading the workspace', () => {
  it('gives a UI the whole workspace in one snapshot', async () => {
    await json('chat.postMessage', { channel: 'C0GENERAL', text: 'hello' });
    const snapshot = standin.snapshot();
    expect(snapshot.team).toEqual({ id: standin.teamId, domain: 'standin', name: 'Stand-in Workspace' });
    expect(snapshot.users.map((u) => u.id)).toEqual([standin.botUserId, 'U0HUMAN01']);
    expect(snapshot.channels).toMatchObject([
      { id: 'C0GENERAL', name: 'general', botIsMember: true, members: ['U0HUMAN01'], messages: [{ text: 'hello' }] },
    ]);
  });
});

describe('the call record', () => {
  it('records each call with decoded arguments, outcome and status, without the token', async () => {
    await form('chat.postMessage', { channel: 'C0GENERAL', text: 'hi', blocks: [{ type: 'divider' }] });
    await form('chat.postMessage', { channel: 'C0NOPE', text: 'hi' });
    const calls = standin.callsTo('chat.postMessage');
    expect(calls).toEqual([
      {
        method: 'chat.postMessage',
        args: { channel: 'C0GENERAL', text: 'hi', blocks: [{ type: 'divider' }] },
        ok: true,
        status: 200,
        at: now,
      },
      {
        method: 'chat.postMessage',
        args: { channel: 'C0NOPE', text: 'hi' },
        ok: false,
        error: 'channel_not_found',
        status: 200,
        at: now,
      },
    ]);
    standin.clearCalls();
    expect(standin.calls).toEqual([]);
  });

  it('announces changes to subscribers so a UI can stream them', async () => {
    const kinds: string[] = [];
    const stop = standin.subscribe((change) => kinds.push(change.kind));
    await json('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' });
    stop();
    await json('chat.postMessage', { channel: 'C0GENERAL', text: 'unseen' });
    expect(kinds).toEqual(['message_posted', 'call']);
  });
});
