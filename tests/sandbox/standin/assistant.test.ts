/**
 * The stand-in's model of the assistant panel: the events a person's use of it sends (in the shape Slack documents
 * and Bolt's Assistant reads), the three assistant.threads methods with their refusals, and what Bolt's thread
 * context store relies on (message metadata, conversations.replies, chat.update). Ends with a real Bolt
 * `Assistant` run against the stand-in, so that what the model offers is what Bolt reads.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, Assistant, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantThread } from '../../../sandbox/standin/index.js';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

let standin: SlackStandin;
let acked: unknown[];
let appServer: Server | undefined;

type SlackJson = Record<string, unknown>;

/** Form-encoded like @slack/web-api: objects JSON-stringified, the token in the Authorization header. */
async function call(method: string, args: Record<string, unknown>): Promise<SlackJson> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(args))
    body.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  const res = await fetch(`${standin.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${standin.botToken}` },
    body: body.toString(),
  });
  return (await res.json()) as SlackJson;
}

/** A bare app that records every Events API body and acks it. */
async function startRecordingApp(): Promise<void> {
  const { createServer } = await import('node:http');
  appServer = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      acked.push(JSON.parse(raw));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => appServer?.listen(0, '127.0.0.1', done));
  standin.setAppUrl(`http://127.0.0.1:${(appServer.address() as AddressInfo).port}/slack/events`);
}

beforeEach(async () => {
  standin = await startSlackStandin({ ackTimeoutMs: 1000 });
  acked = [];
  await startRecordingApp();
});

afterEach(async () => {
  if (appServer) {
    appServer.closeAllConnections();
    await new Promise((done) => appServer?.close(done));
    appServer = undefined;
  }
  await standin.close();
});

const where = (thread: AssistantThread) => ({ channel_id: thread.channel, thread_ts: thread.threadTs });

describe('a person using the assistant panel', () => {
  it('opens it beside a channel: a thread in their DM with the app, and assistant_thread_started with the context', async () => {
    const { thread, event } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const im = standin.workspace.imChannelFor('U0HUMAN01').id;
    expect(thread).toMatchObject({ channel: im, user: 'U0HUMAN01', context: { channel_id: 'C0GENERAL' } });
    const [root] = standin.channelHistory(im);
    expect(root).toMatchObject({ ts: thread.threadTs, subtype: 'assistant_app_thread', user: 'U0HUMAN01' });
    expect(root?.text).toMatch(/^Chats from /);
    expect(event.envelope).toMatchObject({ type: 'event_callback', team_id: standin.teamId });
    expect(event.envelope.event).toEqual({
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: 'U0HUMAN01',
        context: { channel_id: 'C0GENERAL', team_id: standin.teamId, enterprise_id: null },
        channel_id: im,
        thread_ts: thread.threadTs,
      },
      event_ts: expect.stringMatching(/^\d+\.\d{6}$/),
    });
  });

  it('opened where no channel is in view, the context is empty', async () => {
    const { event } = await standin.openAssistant();
    expect((event.envelope.event as { assistant_thread: { context: unknown } }).assistant_thread.context).toEqual({});
  });

  it('moves to another channel with the panel open: assistant_thread_context_changed', async () => {
    const dev = standin.addChannel({ name: 'dev' });
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const changed = await standin.viewChannelBesideAssistant({ thread, channel: dev.id });
    expect(changed.envelope.event).toMatchObject({
      type: 'assistant_thread_context_changed',
      assistant_thread: { context: { channel_id: dev.id }, channel_id: thread.channel, thread_ts: thread.threadTs },
    });
    expect(standin.assistantThreads('U0HUMAN01')[0]?.context.channel_id).toBe(dev.id);
  });

  it('writes in it: a message.im event in the thread, as Bolt takes for the panel', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const { message, event } = await standin.askAssistant({ thread, text: 'we stream tokens & logs' });
    expect(event.envelope.event).toMatchObject({
      type: 'message',
      channel_type: 'im',
      channel: thread.channel,
      thread_ts: thread.threadTs,
      parent_user_id: 'U0HUMAN01',
      user: 'U0HUMAN01',
      text: 'we stream tokens &amp; logs',
      ts: message.ts,
    });
    expect(event.envelope.event).not.toHaveProperty('subtype');
  });

  it('clicks a suggested prompt: its message is sent as theirs', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    await call('assistant.threads.setSuggestedPrompts', {
      ...where(thread),
      prompts: [{ title: 'Compare them', message: 'compare' }],
    });
    const { message } = await standin.clickSuggestedPrompt({ thread, title: 'Compare them' });
    expect(message.text).toBe('compare');
    await expect(standin.clickSuggestedPrompt({ thread, title: 'Nope' })).rejects.toThrow(/offered: "Compare them"/);
  });
});

describe('assistant.threads.setStatus', () => {
  it('shows a status until the app replies in the thread, and an empty status clears it', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const loading = ['reading…', 'weighing…'];
    expect(await call('assistant.threads.setStatus', { ...where(thread), status: 'is thinking…' })).toEqual({
      ok: true,
    });
    expect(standin.assistantThreads()[0]?.status).toEqual({ text: 'is thinking…', loadingMessages: [] });
    await call('assistant.threads.setStatus', { ...where(thread), status: 'is thinking…', loading_messages: loading });
    expect(standin.assistantThreads()[0]?.status?.loadingMessages).toEqual(loading);
    await call('chat.postMessage', { channel: thread.channel, thread_ts: thread.threadTs, text: 'done' });
    expect(standin.assistantThreads()[0]?.status).toBeUndefined();
    await call('assistant.threads.setStatus', { ...where(thread), status: 'is thinking…' });
    await call('assistant.threads.setStatus', { ...where(thread), status: '' });
    expect(standin.assistantThreads()[0]?.status).toBeUndefined();
  });

  it('refuses an unknown channel, a thread that is not there, a missing status and more than 10 loading messages', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    expect(
      await call('assistant.threads.setStatus', { channel_id: 'D0NOPE', thread_ts: '1.000001', status: 'x' }),
    ).toMatchObject({ ok: false, error: 'channel_not_found' });
    expect(
      await call('assistant.threads.setStatus', { channel_id: thread.channel, thread_ts: '1.000001', status: 'x' }),
    ).toMatchObject({ ok: false, error: 'invalid_thread_ts' });
    expect(await call('assistant.threads.setStatus', where(thread))).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `step ${i}`);
    expect(
      await call('assistant.threads.setStatus', { ...where(thread), status: 'x', loading_messages: eleven }),
    ).toMatchObject({ ok: false, error: 'invalid_arguments' });
    // A DM between people is not the app's to see.
    const grace = standin.addUser({ name: 'grace' });
    const dm = standin.addDirectMessage(['U0HUMAN01', grace.id]);
    expect(
      await call('assistant.threads.setStatus', { channel_id: dm.id, thread_ts: thread.threadTs, status: 'x' }),
    ).toMatchObject({ ok: false, error: 'channel_not_found' });
  });
});

describe('assistant.threads.setSuggestedPrompts', () => {
  const prompt = (n: number) => ({ title: `Prompt ${n}`, message: `message ${n}` });

  it('sets up to four prompts and a title for the list', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const prompts = [1, 2, 3, 4].map(prompt);
    expect(
      await call('assistant.threads.setSuggestedPrompts', { ...where(thread), title: 'Try one of these', prompts }),
    ).toEqual({ ok: true });
    expect(standin.assistantThreads()[0]?.prompts).toEqual({ title: 'Try one of these', prompts });
  });

  it('refuses five prompts, a prompt without a message, no prompts, and a thread that is not there', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const refused = (args: Record<string, unknown>) =>
      call('assistant.threads.setSuggestedPrompts', { ...where(thread), ...args });
    expect(await refused({ prompts: [1, 2, 3, 4, 5].map(prompt) })).toMatchObject({ error: 'invalid_arguments' });
    expect(await refused({ prompts: [{ title: 'only a title' }] })).toMatchObject({ error: 'invalid_arguments' });
    expect(await refused({ prompts: [] })).toMatchObject({ error: 'invalid_arguments' });
    expect(await refused({})).toMatchObject({ error: 'invalid_arguments' });
    expect(await refused({ thread_ts: '1.000001', prompts: [prompt(1)] })).toMatchObject({
      error: 'invalid_thread_ts',
    });
    expect(standin.assistantThreads()[0]?.prompts).toBeUndefined();
  });
});

describe('assistant.threads.setTitle', () => {
  it('titles the thread: its root message says so, as in the DM history', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    expect(await call('assistant.threads.setTitle', { ...where(thread), title: 'LLM tokens to a browser' })).toEqual({
      ok: true,
    });
    expect(standin.assistantThreads()[0]?.title).toBe('LLM tokens to a browser');
    const [root] = standin.thread(thread.channel, thread.threadTs);
    expect(root).toMatchObject({
      text: 'LLM tokens to a browser',
      assistant_app_thread: { title: 'LLM tokens to a browser' },
    });
  });

  it('refuses a missing title and a thread that is not there', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    expect(await call('assistant.threads.setTitle', where(thread))).toMatchObject({ error: 'invalid_arguments' });
    expect(
      await call('assistant.threads.setTitle', { channel_id: thread.channel, thread_ts: '1.000001', title: 't' }),
    ).toMatchObject({ error: 'invalid_thread_ts' });
  });
});

describe('what Bolt’s thread context store relies on', () => {
  const metadata = { event_type: 'assistant_thread_context', event_payload: { channel_id: 'C0GENERAL' } };

  it('keeps a message’s metadata, and returns it from conversations.replies only when asked', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const posted = await call('chat.postMessage', {
      channel: thread.channel,
      thread_ts: thread.threadTs,
      text: 'Hi',
      metadata,
    });
    expect(posted).toMatchObject({ ok: true, message: { metadata } });
    const plain = await call('conversations.replies', { channel: thread.channel, ts: thread.threadTs });
    const withMetadata = await call('conversations.replies', {
      channel: thread.channel,
      ts: thread.threadTs,
      include_all_metadata: true,
    });
    const texts = (r: SlackJson) => (r.messages as { text: string }[]).map((m) => m.text);
    expect(texts(plain)).toEqual([expect.stringMatching(/^Chats from/), 'Hi']);
    expect((plain.messages as SlackJson[])[1]).not.toHaveProperty('metadata');
    expect((withMetadata.messages as SlackJson[])[1]?.metadata).toEqual(metadata);
    expect(withMetadata.has_more).toBe(false);
  });

  it('refuses metadata that is not JSON, or not an event_type with a payload', async () => {
    const args = { channel: 'C0GENERAL', text: 'x' };
    expect(await call('chat.postMessage', { ...args, metadata: '{not json' })).toMatchObject({
      error: 'invalid_metadata_format',
    });
    expect(await call('chat.postMessage', { ...args, metadata: { event_payload: {} } })).toMatchObject({
      error: 'invalid_metadata_schema',
    });
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });

  it('pages conversations.replies with a cursor, bounds it with oldest, and reads a thread from any of its replies', async () => {
    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    const replies: string[] = [];
    for (const n of [1, 2, 3]) {
      const r = await call('chat.postMessage', { channel: thread.channel, thread_ts: thread.threadTs, text: `r${n}` });
      replies.push(r.ts as string);
    }
    const first = await call('conversations.replies', { channel: thread.channel, ts: thread.threadTs, limit: 2 });
    expect(first.has_more).toBe(true);
    const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
    const second = await call('conversations.replies', {
      channel: thread.channel,
      ts: thread.threadTs,
      limit: 2,
      cursor,
    });
    const texts = (r: SlackJson) => (r.messages as { text: string }[]).map((m) => m.text);
    expect([...texts(first), ...texts(second)].slice(1)).toEqual(['r1', 'r2', 'r3']);
    const after = await call('conversations.replies', { channel: thread.channel, ts: replies[1], oldest: replies[0] });
    expect(texts(after).slice(1)).toEqual(['r2', 'r3']);
    expect(
      await call('conversations.replies', { channel: thread.channel, ts: thread.threadTs, cursor: 'bad' }),
    ).toMatchObject({ error: 'invalid_cursor' });
  });

  it('refuses conversations.replies for a message that is not there, and a conversation the app cannot see', async () => {
    expect(await call('conversations.replies', { channel: 'C0GENERAL', ts: '1.000001' })).toMatchObject({
      error: 'thread_not_found',
    });
    const grace = standin.addUser({ name: 'grace' });
    const dm = standin.addDirectMessage(['U0HUMAN01', grace.id]);
    expect(await call('conversations.replies', { channel: dm.id, ts: '1.000001' })).toMatchObject({
      error: 'channel_not_found',
    });
  });

  it('chat.update changes the app’s own message and its metadata; anyone else’s is cant_update_message', async () => {
    const posted = await call('chat.postMessage', { channel: 'C0GENERAL', text: 'Hi', metadata });
    const moved = { event_type: 'assistant_thread_context', event_payload: { channel_id: 'C0RANDOM' } };
    const updated = await call('chat.update', {
      channel: 'C0GENERAL',
      ts: posted.ts,
      text: 'Hi again',
      blocks: [],
      metadata: moved,
    });
    expect(updated).toMatchObject({ ok: true, channel: 'C0GENERAL', ts: posted.ts, text: 'Hi again' });
    const stored = standin.workspace.findMessage('C0GENERAL', posted.ts as string);
    expect(stored?.metadata).toEqual(moved);
    expect(stored?.edited).toBeDefined();

    const person = standin.postAsUser({ text: 'mine' });
    expect(await call('chat.update', { channel: 'C0GENERAL', ts: person.ts, text: 'yours' })).toEqual({
      ok: false,
      error: 'cant_update_message',
    });
    expect(await call('chat.update', { channel: 'C0GENERAL', ts: '1.000001', text: 'x' })).toMatchObject({
      error: 'message_not_found',
    });
    expect(standin.workspace.findMessage('C0GENERAL', person.ts)?.text).toBe('mine');
  });
});

describe('a real Bolt Assistant behind the stand-in', () => {
  let app: App;

  afterEach(async () => {
    await app.stop();
  });

  it('gets the context on thread start, keeps it through a context change, and reads it back on a message', async () => {
    const seen: { started?: unknown; onMessage?: unknown } = {};
    app = new App({
      token: standin.botToken,
      signingSecret: standin.signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
    });
    app.assistant(
      new Assistant({
        threadStarted: async ({ event, say, setSuggestedPrompts, setStatus }) => {
          seen.started = event.assistant_thread.context;
          await say('Hi');
          await setSuggestedPrompts({ prompts: [{ title: 'Compare', message: 'compare' }] });
          await setStatus('is ready');
        },
        userMessage: async ({ getThreadContext, say, setTitle }) => {
          seen.onMessage = await getThreadContext();
          await setTitle('A title');
          await say('Answer');
        },
      }),
    );
    const server = (await app.start(0)) as Server;
    standin.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
    const dev = standin.addChannel({ name: 'dev' });

    const { thread } = await standin.openAssistant({ channel: 'C0GENERAL' });
    await until(() => standin.thread(thread.channel, thread.threadTs).length === 2);
    expect(seen.started).toMatchObject({ channel_id: 'C0GENERAL' });
    await standin.viewChannelBesideAssistant({ thread, channel: dev.id });
    // Bolt's default store keeps the context in the metadata of the app's first message in the thread.
    await until(
      () =>
        (standin.thread(thread.channel, thread.threadTs)[1]?.metadata?.event_payload as { channel_id?: string })
          ?.channel_id === dev.id,
    );
    await standin.askAssistant({ thread, text: 'hello' });
    await until(() => standin.thread(thread.channel, thread.threadTs).length === 4);
    expect(seen.onMessage).toMatchObject({ channel_id: dev.id });
    const state = standin.assistantThreads()[0];
    expect(state?.title).toBe('A title');
    expect(state?.prompts?.prompts).toEqual([{ title: 'Compare', message: 'compare' }]);
    expect(state?.status).toBeUndefined(); // cleared by the answer
    expect(standin.calls.filter((c) => !c.ok)).toEqual([]);
  });
});

async function until(probe: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the app');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
