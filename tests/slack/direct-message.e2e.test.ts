/** The app's Messages tab: a person writes to the app and gets the answer an @mention gets, in their DM. */
import { describe, expect, it } from 'vitest';
import { eventually, expectAcked, GENERAL, HUMAN, useHarness, visibleText } from './harness.js';

const h = useHarness();
const SITUATION = 'we are streaming LLM tokens to the browser';

const im = () => h.slack.workspace.imChannelFor(HUMAN).id;
/** The app's messages in the person's DM with it, top level and in threads. */
const botMessagesInDm = () => h.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === im());
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('a message to the app in its Messages tab', () => {
  it('gets the same answer as an @mention, in the DM itself rather than a thread', async () => {
    const { event } = await h.slack.directMessage({ text: SITUATION });
    expectAcked(event);
    const reply = await eventually(() => {
      const [top] = h.slack.channelHistory(im()).filter((m) => m.bot_id);
      if (!top) throw new Error('no reply in the DM');
      return top;
    });
    expect(reply.thread_ts).toBeUndefined();
    expect(reply.text).toMatch(/^Verdict: SSE/);
    expect(visibleText(reply)).toContain(SITUATION);
    expect(h.slack.findButtons({ message: { channel: im(), ts: reply.ts } }).map((b) => b.text)).toContain(
      'Run the wizard',
    );

    // The same words as an @mention in a channel: the same message.
    const { message } = await h.slack.mention({ text: SITUATION });
    const inChannel = await eventually(() => {
      const [answer] = h.slack.thread(GENERAL, message.ts).slice(1);
      if (!answer) throw new Error('no reply to the mention');
      return answer;
    });
    expect(reply.text).toBe(inChannel.text);
    // As the app sent them (Slack adds its own block_ids to what it stores).
    const [inDm, toMention] = h.slack.callsTo('chat.postMessage').map((c) => c.args.blocks);
    expect(inDm).toEqual(toMention);
  });

  it('answers in the thread where the person wrote in one', async () => {
    const { message } = await h.slack.directMessage({ text: 'hello' });
    await eventually(() => expect(botMessagesInDm()).toHaveLength(1));
    await h.slack.directMessage({ text: SITUATION, threadTs: message.ts });
    const reply = await eventually(() => {
      const [, , answer] = h.slack.thread(im(), message.ts);
      if (!answer) throw new Error('no reply in the thread');
      return answer;
    });
    expect(reply.text).toMatch(/^Verdict: SSE/);
  });

  it("answers once however often Slack retries, and never answers an edit, a bot's message or its own", async () => {
    const { message } = await h.slack.directMessage({ text: SITUATION, retryNum: 2 });
    await eventually(() => expect(botMessagesInDm()).toHaveLength(1));

    expectAcked(await h.slack.editDirectMessage({ ts: message.ts, text: 'actually, a chat app' }));
    const [own] = h.slack.channelHistory(im()).filter((m) => m.bot_id);
    expectAcked(
      await h.slack.deliverEvent({
        type: 'message',
        text: own?.text ?? '',
        user: h.slack.botUserId,
        bot_id: h.slack.botId,
        app_id: h.slack.appId,
        ts: own?.ts ?? '1.000001',
        channel: im(),
        event_ts: own?.ts ?? '1.000001',
        channel_type: 'im',
      }),
    );
    expectAcked(
      await h.slack.deliverEvent({
        type: 'message',
        subtype: 'bot_message',
        text: SITUATION,
        bot_id: 'B0OTHERBOT',
        username: 'another app',
        ts: '1700000000.000100',
        channel: im(),
        event_ts: '1700000000.000100',
        channel_type: 'im',
      }),
    );
    await settle();
    expect(botMessagesInDm()).toHaveLength(1);
  });

  it('leaves messages in channels to @mentions: a message without one gets no answer', async () => {
    expectAcked(
      await h.slack.deliverEvent({
        type: 'message',
        text: SITUATION,
        user: HUMAN,
        ts: '1700000000.000200',
        channel: GENERAL,
        event_ts: '1700000000.000200',
        channel_type: 'channel',
      }),
    );
    await settle();
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
