/**
 * Contract: every real Slack payload recorded in ../shared/slack/recorded/payloads, sent signed to the real app
 * with only ids, response_url and trigger_id adapted (our command and callback ids, conversations the stand-in
 * knows, URLs and triggers it minted), is acked within 3 s with a 2xx, and the app does what a person would
 * expect: answers, stays quiet where it should, or says the message is out of date for a button it never made.
 *
 * The files are read in place, never copied into the project. Without ../shared these tests say so and skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AckResult } from '../../sandbox/standin/index.js';
import { COMMAND, MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../../src/slack/ids.js';
import { eventually, GENERAL, HUMAN, useHarness, visibleText } from '../slack/harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAYLOADS = resolve(ROOT, '../shared/slack/recorded/payloads');
const HAVE_RECORDED = existsSync(PAYLOADS);
const files = HAVE_RECORDED ? readdirSync(PAYLOADS).sort() : [];
const read = (file: string) => readFileSync(resolve(PAYLOADS, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

const h = useHarness();
const FORM = 'application/x-www-form-urlencoded';

/** What each recorded conversation becomes here: the same kind of conversation, one the stand-in knows. */
function conversationFor(id: string, name: string | undefined): string {
  if (name === 'directmessage' || id.startsWith('D')) {
    const other = h.slack.addUser({ name: 'grace' });
    return h.slack.addDirectMessage([HUMAN, other.id]).id;
  }
  if (name === 'privategroup' || id.startsWith('G'))
    return h.slack.addChannel({ name: 'private-plans', botIsMember: false, isPrivate: true }).id;
  return GENERAL;
}

function mintFor(channel: string) {
  const ws = h.slack.workspace;
  return {
    response_url: ws.mintResponseUrl({ channel, user: HUMAN }),
    trigger_id: ws.mintTrigger(HUMAN),
  };
}

function expectAckedInTime(result: AckResult): void {
  expect(result.status, result.body).toBeGreaterThanOrEqual(200);
  expect(result.status, result.body).toBeLessThan(300);
  expect(result.ackMs).toBeLessThan(3000);
}

/** Sends an interactivity payload (`payload=<json>`), signed as Slack signs it. */
const sendPayload = (payload: unknown) =>
  h.slack.sendRaw({ contentType: FORM, body: `payload=${encodeURIComponent(JSON.stringify(payload))}` });
/** Sends an Events API envelope, signed. */
const sendEvent = (envelope: unknown) =>
  h.slack.sendRaw({ contentType: 'application/json', body: JSON.stringify(envelope) });

const kinds = {
  slash: files.filter((f) => f.startsWith('slash.')),
  blockActions: files.filter((f) => f.startsWith('block_actions.')),
  messageActions: files.filter((f) => f.startsWith('message_action.')),
  viewSubmissions: files.filter((f) => f.startsWith('view_submission.')),
  events: files.filter((f) => f.startsWith('event.')),
};

describe.skipIf(!HAVE_RECORDED)('recorded Slack payloads, replayed to the app (needs ../shared/slack/recorded)', () => {
  it('has a sample of every kind of payload the app handles', () => {
    for (const list of Object.values(kinds)) expect(list.length).toBeGreaterThan(0);
    for (const needed of ['event.app_mention.docs.json', 'event.app_home_opened.home-with-view.json'])
      expect(files).toContain(needed);
  });

  it.each(kinds.slash)('answers the slash command in %s privately, in the ack', async (file) => {
    const form = new URLSearchParams(read(file).trim());
    const channel = conversationFor(form.get('channel_id') ?? '', form.get('channel_name') ?? undefined);
    form.set('command', COMMAND);
    form.set('channel_id', channel);
    form.set('user_id', HUMAN);
    for (const [key, value] of Object.entries(mintFor(channel))) form.set(key, value);
    const result = await h.slack.sendRaw({ contentType: FORM, body: form.toString() });
    expectAckedInTime(result);
    const answer = result.json as { response_type?: string; text?: string; blocks?: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text?.length).toBeGreaterThan(0);
  });

  it("answers Slack's ssl_check and url_verification", async () => {
    expectAckedInTime(await h.slack.sendRaw({ contentType: FORM, body: read('ssl_check.form.txt').trim() }));
    const challenge = json('url_verification.docs.json');
    const result = await sendEvent(challenge);
    expectAckedInTime(result);
    expect(result.body).toContain(String(challenge.challenge));
  });

  it.each(kinds.blockActions)(
    'says a button it never made (%s) is out of date, or quietly refreshes Home',
    async (file) => {
      const payload = json(file) as Record<string, unknown> & {
        channel?: { id: string; name?: string };
        container: Record<string, unknown>;
        response_url?: string;
        user: Record<string, unknown>;
      };
      payload.user.id = HUMAN;
      const channel = payload.channel ? conversationFor(payload.channel.id, payload.channel.name) : undefined;
      if (payload.channel && channel) payload.channel.id = channel;
      if (channel) payload.container.channel_id = channel;
      if (payload.response_url && channel) payload.response_url = mintFor(channel).response_url;
      if ('trigger_id' in payload) payload.trigger_id = h.slack.workspace.mintTrigger(HUMAN);
      const before = h.slack.homeView(HUMAN);

      expectAckedInTime(await sendPayload(payload));

      if (channel) {
        const told = await eventually(() => {
          const last = h.slack.ephemerals(HUMAN, channel).at(-1);
          if (!last) throw new Error('nothing said to the person yet');
          return last;
        });
        expect(told.text).toMatch(/out of date/);
      } else {
        // A click in the Home tab on a button we never made: the tab is published afresh, with what is current.
        const home = await eventually(() => {
          const now = h.slack.homeView(HUMAN);
          expect(now).not.toBe(before);
          return now;
        });
        expect(visibleText(home)).toContain('Start the wizard');
      }
    },
  );

  it.each(kinds.messageActions)('opens the advisor for the message in %s', async (file) => {
    const payload = json(file) as Record<string, unknown> & {
      channel: { id: string; name?: string };
      user: Record<string, unknown>;
      message: Record<string, unknown>;
    };
    const channel = conversationFor(payload.channel.id, payload.channel.name);
    payload.callback_id = SHORTCUT_CALLBACK;
    payload.channel.id = channel;
    payload.user.id = HUMAN;
    Object.assign(payload, mintFor(channel));
    const opened = h.slack.openViews(HUMAN).length;
    expectAckedInTime(await sendPayload(payload));
    const modal = await eventually(() => {
      const views = h.slack.openViews(HUMAN);
      expect(views.length).toBe(opened + 1);
      return views.at(-1);
    });
    expect(visibleText(modal)).toMatch(/Verdict:|Question \d|One question/);
  });

  it.each(kinds.viewSubmissions)('answers the modal submission in %s without posting what it cannot', async (file) => {
    const payload = json(file) as Record<string, unknown> & {
      view: Record<string, unknown>;
      user: Record<string, unknown>;
    };
    payload.view.callback_id = MODAL_CALLBACK;
    payload.user.id = HUMAN;
    const posts = h.slack.channelHistory(GENERAL).length;
    const result = await sendPayload(payload);
    expectAckedInTime(result);
    // Its private_metadata is another app's free text: nothing to post, and the modal says so.
    expect(visibleText((result.json as { view?: unknown }).view as { blocks?: unknown[] })).toMatch(/nothing to post/);
    expect(h.slack.channelHistory(GENERAL)).toHaveLength(posts);
  });

  /** What a person expects of each recorded event: a reply in the thread, a Home tab, or nothing. */
  const expectations: Record<string, 'reply' | 'home' | 'nothing'> = {
    'event.app_mention.docs.json': 'reply',
    'event.app_mention.enterprise.json': 'reply',
    'event.app_mention.with-files.json': 'reply',
    'event.app_mention.edited.json': 'nothing', // the first version was answered
    'event.app_mention.from-bot.json': 'nothing', // never converse with bots
    'event.app_home_opened.home-with-view.json': 'home',
    'event.app_home_opened.legacy-no-tab.json': 'home', // before tabs, app_home_opened meant Home
    'event.app_home_opened.messages-org-install.json': 'nothing', // the Messages tab
    'event.message.bot.json': 'nothing', // events the app does not subscribe to, if ever delivered
    'event.message.file_share.json': 'nothing',
    'event.message_changed.json': 'nothing',
    'event.reaction_added.shared-channel.json': 'nothing',
  };

  it('knows what to expect of every recorded event', () => {
    expect(kinds.events.filter((f) => !(f in expectations))).toEqual([]);
  });

  it.each(kinds.events)('handles %s as a person would expect', async (file) => {
    const envelope = json(file) as Record<string, unknown> & { event: Record<string, unknown> };
    const event = envelope.event;
    // The message an event is about exists in the workspace: its ts is adapted to one the stand-in holds.
    const ts = h.slack.postAsUser({ text: 'a message from the recording' }).ts;
    envelope.event_id = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
    if ('channel' in event && typeof event.channel === 'string') event.channel = GENERAL;
    if ('user' in event && typeof event.user === 'string') event.user = HUMAN;
    if (event.type === 'app_mention') {
      // The mention is of our app: the recorded app's user id becomes ours.
      event.text = String(event.text).replace(/^<@[A-Z0-9]+>/, `<@${h.slack.workspace.opts.botUserId}>`);
      event.ts = ts;
      delete event.thread_ts;
    }
    const expected = expectations[file];
    expectAckedInTime(await sendEvent(envelope));

    if (expected === 'reply') {
      const reply = await eventually(() => {
        const found = h.slack.thread(GENERAL, ts).find((m) => m.bot_id);
        if (!found) throw new Error('no reply yet');
        return found;
      });
      expect(reply.text.length).toBeGreaterThan(0);
    } else if (expected === 'home') {
      const published = await eventually(() => {
        const [call] = h.slack.callsTo('views.publish');
        if (!call) throw new Error('no Home tab published yet');
        return call;
      });
      expect(published.error).toBeUndefined();
    } else {
      await new Promise((done) => setTimeout(done, 300));
      expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
      expect(h.slack.callsTo('views.publish')).toEqual([]);
    }
  });
});
