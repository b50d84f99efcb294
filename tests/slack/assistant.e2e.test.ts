/**
 * The assistant panel end to end: a person opens it beside a channel, asks in their own words, answers the open
 * questions with buttons, refines the case in follow-ups, and shares the verdict in the channel they are viewing;
 * every step a signed Slack request to the real app, against the stand-in's model of the panel.
 */
import { describe, expect, it } from 'vitest';
import type { AssistantThread, StoredMessage } from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { suggestedPrompts, WORKING_STATUS } from '../../src/slack/views/assistant.js';
import { eventually, expectAcked, GENERAL, HUMAN, useHarness, visibleText } from './harness.js';

const h = useHarness();
const TOKENS = 'we stream LLM tokens to the browser, nothing goes back';
const CURSORS = 'actually the client also sends cursor positions';
/** Binary payloads, and the direction left open in the person's words: the learned weights cannot decide it. */
const BINARY_DIRECTION_OPEN = 'our payloads are binary; which way the data flows is not decided yet';
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/** The panel's messages after its root, oldest first. */
const panel = (thread: AssistantThread) => h.slack.thread(thread.channel, thread.threadTs).slice(1);
const fromApp = (thread: AssistantThread) => panel(thread).filter((m) => m.user === h.slack.botUserId);
const state = (thread: AssistantThread, user = HUMAN) =>
  h.slack.assistantThreads(user).find((t) => t.threadTs === thread.threadTs);
/** What the person sees privately in the panel thread (notices the app sends through the replier). */
const privately = (thread: AssistantThread, user = HUMAN) =>
  h.slack.ephemerals(user, thread.channel).filter((e) => e.thread_ts === thread.threadTs);
/** The latest private notice in the panel thread, once there is one. */
const told = (thread: AssistantThread, user = HUMAN) =>
  eventually(() => {
    const notice = privately(thread, user).at(-1);
    if (!notice) throw new Error('nothing told in the panel yet');
    return notice;
  });
/** The thread context Bolt's store keeps in the greeting's metadata. */
const keptChannel = (thread: AssistantThread) =>
  (fromApp(thread)[0]?.metadata?.event_payload as { channel_id?: string } | undefined)?.channel_id;
/** The app's messages at the top of the person's DM posted after the thread began: none, in the panel. */
const topLevelAfter = (thread: AssistantThread) =>
  h.slack
    .channelHistory(thread.channel)
    .filter((m) => Number(m.ts) > Number(thread.threadTs) && m.user === h.slack.botUserId);

/** Opens the panel beside `channel` (none: no channel in view). */
async function open(channel: string | null = GENERAL, user = HUMAN): Promise<AssistantThread> {
  const { thread, event } = await h.slack.openAssistant({ user, ...(channel ? { channel } : {}) });
  expectAcked(event);
  await eventually(() => expect(fromApp(thread)).toHaveLength(1));
  return thread;
}

/** Writes in the panel and returns the app's answer, once it is there. */
async function ask(thread: AssistantThread, text: string): Promise<StoredMessage> {
  const before = fromApp(thread).length;
  const { event } = await h.slack.askAssistant({ thread, text });
  expectAcked(event);
  return eventually(() => {
    const answers = fromApp(thread);
    if (answers.length <= before) throw new Error(`no answer yet to "${text}"`);
    return answers.at(-1) as StoredMessage;
  });
}

/** The app's message as it is now (clicks replace it in place). */
const now = (thread: AssistantThread, ts: string) => panel(thread).find((m) => m.ts === ts) as StoredMessage;
const at = (thread: AssistantThread, m: StoredMessage) => ({ channel: thread.channel, ts: m.ts });

async function clickAndWait(thread: AssistantThread, message: StoredMessage, text: string): Promise<StoredMessage> {
  const before = JSON.stringify(now(thread, message.ts).blocks);
  expectAcked(await h.slack.clickButtonByText({ text, message: at(thread, message) }));
  return eventually(() => {
    const after = now(thread, message.ts);
    if (JSON.stringify(after.blocks) === before) throw new Error('not replaced yet');
    return after;
  });
}

describe('opening the panel', () => {
  it('greets in one line, sets prompts from the data, and keeps the channel in view with Bolt’s store', async () => {
    const thread = await open(GENERAL);
    const [greeting] = fromApp(thread);
    expect(greeting?.text).toMatch(/in your own words/);
    expect(greeting?.text).not.toContain('\n');
    expect(greeting?.blocks).toHaveLength(1);
    // Bolt's store keeps the context in the greeting's metadata.
    expect(greeting?.metadata).toEqual({
      event_type: 'assistant_thread_context',
      event_payload: expect.objectContaining({ channel_id: GENERAL }),
    });
    // The prompts follow the greeting.
    const prompts = await eventually(() => {
      const set = state(thread)?.prompts;
      if (!set) throw new Error('no prompts yet');
      return set;
    });
    expect(prompts).toEqual(suggestedPrompts(createAdvisor(loadComparisons()).comparison()));
    const titles = prompts?.prompts.map((p) => p.title) ?? [];
    expect(titles).toContain('Streaming LLM responses to a web client');
    expect(titles).toContain('A chat app, game, or collaborative editor');
    expect(titles.at(-1)).toBe('Compare WebSocket and SSE');
  });

  it('greets once however often Slack delivers the event', async () => {
    const { thread } = await h.slack.openAssistant({ channel: GENERAL, retryNum: 2 });
    await eventually(() => expect(h.slack.callsTo('assistant.threads.setSuggestedPrompts')).toHaveLength(1));
    await settle();
    expect(fromApp(thread)).toHaveLength(1);
    expect(h.slack.callsTo('assistant.threads.setSuggestedPrompts')).toHaveLength(1);
  });

  it('refuses an assistant event without its thread at the edge, and goes on answering', async () => {
    const malformed = await h.slack.deliverEvent({ type: 'assistant_thread_started', event_ts: '1.000001' });
    expect(malformed.status).toBe(400);
    const thread = await open();
    expect(fromApp(thread)).toHaveLength(1);
  });
});

describe('asking in the panel', () => {
  it('answers as /realtime does, says it is working meanwhile, and titles the thread from the situation', async () => {
    const thread = await open();
    const answer = await ask(thread, TOKENS);
    expect(answer.text).toMatch(/^Verdict: SSE/);
    expect(visibleText(answer)).toContain(TOKENS);
    // The same words after /realtime give the same verdict.
    const command = await h.slack.slashCommand({ text: TOKENS });
    expect((command.json as { text: string }).text).toBe(answer.text);

    const calls = h.slack.calls.map((c) => c.method);
    const status = calls.indexOf('assistant.threads.setStatus');
    expect(h.slack.callsTo('assistant.threads.setStatus')[0]?.args.status).toBe(WORKING_STATUS);
    expect(status).toBeGreaterThanOrEqual(0);
    expect(status).toBeLessThan(calls.lastIndexOf('chat.postMessage'));
    expect(state(thread)?.status).toBeUndefined(); // cleared by the answer, as Slack does
    await eventually(() => expect(state(thread)?.title).toBe(TOKENS)); // titled once the answer is there
  });

  it('asks only the questions the words leave open, as buttons, and a click carries on to the verdict', async () => {
    const thread = await open();
    const question = await ask(thread, BINARY_DIRECTION_OPEN);
    expect(question.text).toMatch(/Which direction does data flow\?/);
    const buttons = h.slack.findButtons({ message: at(thread, question) }).map((b) => b.text);
    expect(buttons).toContain('Both ways: the client also sends often, with low latency');
    const verdict = await clickAndWait(thread, question, 'Both ways: the client also sends often, with low latency');
    expect(verdict.text).toMatch(/^Verdict: WebSocket/);
  });

  it('answers a keyword as /realtime does: a suggested prompt for the comparison shows the scorecard', async () => {
    const thread = await open();
    const before = fromApp(thread).length;
    expectAcked((await h.slack.clickSuggestedPrompt({ thread, title: 'Compare WebSocket and SSE' })).event);
    const scorecard = await eventually(() => {
      const answer = fromApp(thread)[before];
      if (!answer) throw new Error('no answer yet');
      return answer;
    });
    const command = await h.slack.slashCommand({ text: 'compare' });
    expect(scorecard.text).toBe((command.json as { text: string }).text);
  });

  it('answers a message once however often Slack delivers it', async () => {
    const thread = await open();
    const { event } = await h.slack.askAssistant({ thread, text: TOKENS, retryNum: 2 });
    expectAcked(event);
    await eventually(() => expect(fromApp(thread)).toHaveLength(2));
    await settle();
    expect(fromApp(thread)).toHaveLength(2);
  });
});

describe('follow-ups in the same panel thread', () => {
  it('refine the case: "actually the client also sends cursor positions" turns SSE into WebSocket', async () => {
    const thread = await open();
    expect((await ask(thread, TOKENS)).text).toMatch(/^Verdict: SSE/);
    await eventually(() => expect(state(thread)?.title).toBe(TOKENS));
    const refined = await ask(thread, CURSORS);
    expect(refined.text).toMatch(/^Verdict: WebSocket/);
    // Not a conflict asked about: the later statement outweighs the earlier one.
    expect(refined.text).not.toMatch(/Which direction/);
    await settle();
    expect(h.slack.callsTo('assistant.threads.setTitle')).toHaveLength(1); // titled once, by the first situation
    expect(state(thread)?.title).toBe(TOKENS);
  });

  it('keep the answers given by button, and add what the new message says', async () => {
    const thread = await open();
    const question = await ask(thread, BINARY_DIRECTION_OPEN);
    const verdict = await clickAndWait(thread, question, 'Server → client only');
    const picked = verdict.text.match(/^Verdict: (\w+)/)?.[1];
    expect(picked).toBeDefined();
    // Nothing in this follow-up is about the direction: the answer given by button stands.
    const refined = await ask(thread, 'it also has to get through corporate proxies');
    expect(refined.text).not.toMatch(/Which direction/);
    const expanded = await clickAndWait(thread, refined, 'Why?');
    expect(visibleText(expanded)).toMatch(/Server → client only/);
  });

  it('leave the case as it stands when they say nothing new, and say so', async () => {
    const thread = await open();
    await ask(thread, TOKENS);
    const same = await ask(thread, 'thanks, that is really helpful');
    expect(same.text).toMatch(/^Nothing in that changes what I understood/);
    expect(same.text).toMatch(/Verdict: SSE/);
  });

  it('"start over" starts over: what was said before no longer counts', async () => {
    const thread = await open();
    expect((await ask(thread, 'raw jpeg bytes to the browser, nothing goes back')).text).toMatch(/^Verdict: WebSocket/);
    const fresh = await ask(thread, 'start over');
    expect(fresh.text).toMatch(/Question 1 of 3/);
    // Read alone, a dashboard is SSE; read onto the jpeg case it would stay WebSocket.
    expect((await ask(thread, 'a live dashboard of order status')).text).toMatch(/^Verdict: SSE/);
  });

  it('read the conversation from Slack, and answer from the message alone when it cannot be read', async () => {
    const thread = await open();
    await ask(thread, TOKENS);
    h.slack.injectFault('conversations.replies', { status: 500 });
    const alone = await ask(thread, CURSORS);
    expect(alone.text).toMatch(/^I could not read our earlier messages just now/);
    expect(alone.text).toMatch(/Verdict: WebSocket/);
  });
});

describe('when Slack refuses a part of it', () => {
  it('answers although the status, the title or the prompts are refused', async () => {
    h.slack.injectFault('assistant.threads.setSuggestedPrompts', { error: 'invalid_arguments' });
    const thread = await open();
    h.slack.injectFault('assistant.threads.setStatus', { status: 500 });
    h.slack.injectFault('assistant.threads.setTitle', { error: 'channel_not_found' });
    expect((await ask(thread, TOKENS)).text).toMatch(/^Verdict: SSE/);
    expect(privately(thread)).toEqual([]); // nothing the person needs to act on
  });

  it('tells the person when the answer itself cannot be posted, and clears the status', async () => {
    const thread = await open();
    h.slack.injectFault('chat.postMessage', { error: 'is_archived' });
    await h.slack.askAssistant({ thread, text: TOKENS });
    expect((await told(thread)).text).toMatch(/^I could not answer your message/);
    await eventually(() =>
      expect(h.slack.callsTo('assistant.threads.setStatus').map((c) => c.args.status)).toEqual([WORKING_STATUS, '']),
    );
    expect(state(thread)?.status).toBeUndefined();
  });
});

describe('sharing from the panel', () => {
  async function sseVerdictIn(thread: AssistantThread): Promise<StoredMessage> {
    const verdict = await ask(thread, TOKENS);
    expect(verdict.text).toMatch(/^Verdict: SSE/);
    return verdict;
  }

  it('shares the verdict in the channel being viewed, with the reasoning in its thread, and says where', async () => {
    const thread = await open(GENERAL);
    const verdict = await sseVerdictIn(thread);
    const before = h.slack.channelHistory(GENERAL).length;
    expectAcked(await h.slack.clickButtonByText({ text: 'Share in channel', message: at(thread, verdict) }));
    const post = await eventually(() => {
      const history = h.slack.channelHistory(GENERAL);
      expect(history).toHaveLength(before + 1);
      return history.at(-1) as StoredMessage;
    });
    expect(post.text).toMatch(new RegExp(`^<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE`));
    const [, reasoning] = await eventually(() => {
      const replies = h.slack.thread(GENERAL, post.ts);
      expect(replies).toHaveLength(2);
      return replies;
    });
    expect(visibleText(reasoning)).toContain('What decided it');
    // In the panel: the verdict's Share button is now the link to the post, and a line says where it went.
    const shared = await eventually(() => {
      const button = h.slack.findButtons({ message: at(thread, verdict) }).find((b) => b.text.startsWith('✓'));
      expect(button).toBeDefined();
      return button;
    });
    expect(shared?.text).toBe('✓ Shared: see the post');
    expect(shared?.url).toContain(`/archives/${GENERAL}/p${post.ts.replace('.', '')}`);
    expect((await told(thread)).text).toBe(`Shared in <#${GENERAL}>, with the reasoning in the thread.`);
    // Nothing went to the DM itself.
    expect(topLevelAfter(thread)).toEqual([]);
  });

  it('shares where the person moved to with the panel open, once however often they click', async () => {
    const dev = h.slack.addChannel({ name: 'dev' });
    const thread = await open(GENERAL);
    const verdict = await sseVerdictIn(thread);
    expectAcked(await h.slack.viewChannelBesideAssistant({ thread, channel: dev.id }));
    await eventually(() => expect(keptChannel(thread)).toBe(dev.id));
    const generalBefore = h.slack.channelHistory(GENERAL).length;
    await Promise.all([
      h.slack.clickButtonByText({ text: 'Share in channel', message: at(thread, verdict) }),
      h.slack.clickButtonByText({ text: 'Share in channel', message: at(thread, verdict) }),
    ]);
    await eventually(() => expect(h.slack.channelHistory(dev.id)).toHaveLength(1));
    await settle();
    expect(h.slack.channelHistory(dev.id)).toHaveLength(1);
    expect(h.slack.channelHistory(GENERAL)).toHaveLength(generalBefore);
  });

  it('where the app is not in the channel being viewed, posts nothing and says to invite it', async () => {
    const random = h.slack.addChannel({ name: 'elsewhere', botIsMember: false });
    const thread = await open(random.id);
    const verdict = await sseVerdictIn(thread);
    expectAcked(await h.slack.clickButtonByText({ text: 'Share in channel', message: at(thread, verdict) }));
    expect((await told(thread)).text).toBe(
      `I could not share this in <#${random.id}>: I am not a member of this channel. Invite me with \`/invite @Realtime Advisor\`, then try again.`,
    );
    expect(h.slack.channelHistory(random.id)).toEqual([]);
    expect(topLevelAfter(thread)).toEqual([]); // no fallback into the DM
    expect(h.slack.findButtons({ message: at(thread, verdict) }).map((b) => b.text)).toContain('Share in channel');
  });

  it('keeps each person’s channel: a panel opened with none in view never shares in another person’s', async () => {
    const grace = h.slack.addUser({ name: 'grace' });
    const dev = h.slack.addChannel({ name: 'dev-two' });
    // Ada's panel moves to #dev-two; Bolt's one default store would then answer that for every thread.
    const adas = await open(GENERAL);
    expectAcked(await h.slack.viewChannelBesideAssistant({ thread: adas, channel: dev.id }));
    await eventually(() => expect(keptChannel(adas)).toBe(dev.id));
    // Grace opens hers where no channel is in view.
    const graces = await open(null, grace.id);
    const verdict = await sseVerdictIn(graces);
    expectAcked(
      await h.slack.clickButtonByText({ user: grace.id, text: 'Share in channel', message: at(graces, verdict) }),
    );
    expect((await told(graces, grace.id)).text).toMatch(/^I do not know which channel you are viewing/);
    expect(h.slack.channelHistory(dev.id)).toEqual([]);
  });
});
