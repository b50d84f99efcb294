/**
 * response_url behaviour over HTTP, posted the way Bolt's respond() posts (JSON): where the message lands,
 * replacing and deleting the original, and Slack's limits of 5 uses within 30 minutes.
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

async function respond(url: string, body: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  // Slack answers a response_url refusal in plain text (`invalid_blocks`, `used_url`, …), a success in JSON.
  if (res.status !== 200) {
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return { status: res.status, body: text };
  }
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
}

function commandUrl(channel = 'C0GENERAL', user = 'U0HUMAN01'): string {
  return standin.workspace.mintResponseUrl({ channel, user });
}

describe('response_url', () => {
  it('shows a plain response only to the person, as an ephemeral message, and answers ok', async () => {
    const res = await respond(commandUrl(), { text: 'just for you' });
    expect(res).toEqual({ status: 200, body: { ok: true } });
    expect(standin.ephemerals('U0HUMAN01', 'C0GENERAL')).toMatchObject([{ text: 'just for you', via: 'response_url' }]);
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });

  it('posts an in_channel response as the app, even where the bot is not a member', async () => {
    standin.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
    await respond(commandUrl('C0OUTSIDE'), { response_type: 'in_channel', text: 'for everyone' });
    expect(standin.channelHistory('C0OUTSIDE')).toMatchObject([{ text: 'for everyone', bot_id: standin.botId }]);
  });

  it('replaces the ephemeral message that was clicked, in place', async () => {
    const eph = standin.workspace.postEphemeral({
      channel: 'C0GENERAL',
      user: 'U0HUMAN01',
      text: 'step 1',
      via: 'chat.postEphemeral',
    });
    const url = standin.workspace.mintResponseUrl({
      channel: 'C0GENERAL',
      user: 'U0HUMAN01',
      source: { kind: 'ephemeral', id: eph.id },
    });
    await respond(url, { replace_original: true, text: 'step 2', blocks: [{ type: 'divider' }] });
    expect(standin.ephemerals('U0HUMAN01')).toMatchObject([
      { id: eph.id, text: 'step 2', blocks: [{ type: 'divider' }] },
    ]);
  });

  it("replaces the bot's own channel message and refuses to replace a person's", async () => {
    const bot = standin.workspace.postBotMessage('C0GENERAL', { text: 'original' });
    const human = standin.postAsUser({ text: 'mine' });
    const source = (ts: string) =>
      standin.workspace.mintResponseUrl({
        channel: 'C0GENERAL',
        user: 'U0HUMAN01',
        source: { kind: 'message', channel: 'C0GENERAL', ts },
      });
    expect((await respond(source(bot.ts), { replace_original: true, text: 'edited' })).status).toBe(200);
    expect((await respond(source(human.ts), { replace_original: 'true', text: 'hijack' })).status).toBe(400);
    expect(standin.channelHistory('C0GENERAL').map((m) => m.text)).toEqual(['edited', 'mine']);
  });

  it('deletes the original message with delete_original', async () => {
    const eph = standin.workspace.postEphemeral({ channel: 'C0GENERAL', user: 'U0HUMAN01', text: 'x', via: 'ack' });
    const url = standin.workspace.mintResponseUrl({
      channel: 'C0GENERAL',
      user: 'U0HUMAN01',
      source: { kind: 'ephemeral', id: eph.id },
    });
    expect(await respond(url, { delete_original: true })).toEqual({ status: 200, body: { ok: true } });
    expect(standin.ephemerals('U0HUMAN01')).toEqual([]);
  });

  it('keeps a response in the thread the interaction came from', async () => {
    const parent = standin.postAsUser({ text: 'q' });
    const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01', threadTs: parent.ts });
    await respond(url, { response_type: 'in_channel', text: 'a' });
    expect(standin.thread('C0GENERAL', parent.ts).map((m) => m.text)).toEqual(['q', 'a']);
  });

  it('refuses invalid blocks with 400 invalid_blocks and an empty message with 400 no_text', async () => {
    const url = commandUrl();
    const bad = await respond(url, { text: 't', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] });
    expect(bad).toEqual({ status: 400, body: 'invalid_blocks' });
    expect(await respond(url, {})).toEqual({ status: 400, body: 'no_text' });
    expect(standin.ephemerals('U0HUMAN01')).toEqual([]);
  });

  it('accepts five posts and refuses the sixth with 404 used_url', async () => {
    const url = commandUrl();
    for (let i = 1; i <= 5; i += 1) expect((await respond(url, { text: `#${i}` })).status).toBe(200);
    expect(await respond(url, { text: '#6' })).toEqual({ status: 404, body: 'used_url' });
    expect(standin.ephemerals('U0HUMAN01')).toHaveLength(5);
  });

  it('works for 30 minutes and then answers 404 expired_url', async () => {
    const url = commandUrl();
    now += 30 * 60 * 1000;
    expect((await respond(url, { text: 'just in time' })).status).toBe(200);
    now += 1;
    expect(await respond(url, { text: 'too late' })).toEqual({ status: 404, body: 'expired_url' });
  });

  it('records each post as a response_url call with its outcome', async () => {
    const url = commandUrl();
    await respond(url, { text: 'ok' });
    await respond(url, {});
    expect(standin.callsTo('response_url')).toMatchObject([
      { method: 'response_url', args: { text: 'ok' }, ok: true, status: 200 },
      { method: 'response_url', args: {}, ok: false, error: 'no_text', status: 400 },
    ]);
  });
});
