import { describe, expect, it } from 'vitest';
import { eventually, expectAcked, GENERAL, HUMAN, useHarness, visibleText } from './harness.js';

const h = useHarness();

const openModal = () =>
  eventually(() => {
    const view = h.slack.openViews(HUMAN).at(-1);
    if (!view) throw new Error('no modal open');
    return view;
  });

describe('the message shortcut', () => {
  it('answers a thread reply in that thread, from free-text advice', async () => {
    const root = h.slack.postAsUser({ text: 'We need to pick a transport for the new feature' });
    const reply = h.slack.postAsUser({
      text: 'we are streaming LLM tokens to the browser, SSE or websockets?',
      threadTs: root.ts,
    });
    expectAcked(await h.slack.messageShortcut({ channel: GENERAL, ts: reply.ts, callbackId: 'realtime_advice' }));

    const modal = await openModal();
    expect(visibleText(modal)).toContain('Verdict: SSE, one-way server push over plain HTTP');
    const submitted = await h.slack.submitView({ viewId: modal.id });
    expectAcked(submitted);

    const answer = await eventually(() => {
      const thread = h.slack.thread(GENERAL, root.ts);
      expect(thread).toHaveLength(3);
      return thread[2];
    });
    expect(answer?.thread_ts).toBe(root.ts); // the thread's root, not the reply's own ts
    expect(answer?.text).toMatch(new RegExp(`^<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE`));
    // The post carries the full reasoning, the rule of thumb the message's words called up included.
    expect(visibleText(answer)).toContain('*Rule of thumb:* _Streaming LLM responses to a web client_');
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toMatch(/Posted in the thread/));
  });

  it("quotes the message as its author's, with its link a link and its mention a mention, not as the person's own question", async () => {
    const colleague = h.slack.addUser({ name: 'grace' });
    const message = h.slack.postAsUser({
      user: colleague.id,
      text: [
        'our Q&A board <',
        { url: 'https://example.com/q?a=1&b=2', label: 'here' },
        '> updates live, cc ',
        { user: HUMAN },
      ],
    });
    await h.slack.messageShortcut({ channel: GENERAL, ts: message.ts, callbackId: 'realtime_advice' });
    const quoteLine = visibleText(await openModal())
      .split('\n')
      .find((line) => line.includes('Q&amp;A'));
    expect(quoteLine).toBe(
      `<@${colleague.id}> wrote: our Q&amp;A board &lt;<https://example.com/q?a=1&amp;b=2|here>&gt; updates live, cc <@${HUMAN}>`,
    );
    expect(quoteLine).not.toMatch(/You asked/);
  });

  it('cuts a long quote between emoji, never inside one', async () => {
    // 16 characters, then emoji: a cut by UTF-16 units at 499 would fall inside one.
    const message = h.slack.postAsUser({ text: `a live dashboard${'🎉'.repeat(400)}` });
    await h.slack.messageShortcut({ channel: GENERAL, ts: message.ts, callbackId: 'realtime_advice' });
    const quoteLine = visibleText(await openModal())
      .split('\n')
      .find((line) => line.includes('wrote:'));
    expect(quoteLine).toMatch(/🎉…$/);
    expect(quoteLine?.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it('shows what the message says, asks what is missing in the modal, and posts the verdict in the thread', async () => {
    const root = h.slack.postAsUser({
      text: 'live stuff for the ops team, raw bytes; who sends what is not decided yet',
    });
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    let modal = await openModal();
    expect(visibleText(modal)).toContain('*Do you need binary payloads?* Yes, binary frames _(from “raw bytes”)_');
    expect(visibleText(modal)).toContain('*Which direction does data flow?*');
    expect(modal.submit).toBeFalsy(); // nothing to post before the verdict
    for (const label of ['Server → client only']) {
      const before = JSON.stringify(modal.blocks);
      await h.slack.clickButtonByText({ text: label, viewId: modal.id });
      modal = await eventually(() => {
        const now = h.slack.openViews(HUMAN).at(-1);
        expect(JSON.stringify(now?.blocks)).not.toBe(before);
        return now as typeof modal;
      });
    }
    expect(visibleText(modal)).toContain('Verdict: WebSocket, for binary frames from the server');
    await h.slack.clickButtonByText({ text: 'Why?', viewId: modal.id });
    modal = await eventually(() => {
      const now = h.slack.openViews(HUMAN).at(-1);
      expect(visibleText(now)).toContain('*Payloads:* Yes, binary frames _(from “raw bytes”)_');
      return now as typeof modal;
    });
    expect(h.slack.findButtons({ viewId: modal.id }).filter((b) => b.text === 'Change').length).toBeGreaterThan(1);
    await h.slack.submitView({ viewId: modal.id });
    const posted = await eventually(() => {
      const thread = h.slack.thread(GENERAL, root.ts);
      expect(thread).toHaveLength(2);
      return thread[1];
    });
    expect(posted?.text).toMatch(/Verdict: WebSocket, for binary frames from the server \(clear pick\)/);
  });

  it('says how to fix it when the app cannot post in the thread', async () => {
    // A text that decides: a verdict to post, whatever the learned weights make of a bare domain word.
    const root = h.slack.postAsUser({
      text: 'a live dashboard for our ops team: the page only listens, small json updates',
    });
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    const modal = await openModal();
    h.slack.injectFault('chat.postMessage', { error: 'not_in_channel' });
    await h.slack.submitView({ viewId: modal.id });
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toMatch(/\/invite @Realtime Advisor/));
  });
});

/** The app's reply in a thread, once it arrives. */
const botReplyIn = (threadTs: string) =>
  eventually(() => {
    const found = h.slack.thread(GENERAL, threadTs).find((m) => m.bot_id);
    if (!found) throw new Error('no reply from the app yet');
    return found;
  });

describe('an @mention', () => {
  it('replies in the thread with the free-text verdict and a button that runs the wizard', async () => {
    const root = h.slack.postAsUser({ text: 'Design review: notifications service' });
    const { event } = await h.slack.mention({
      text: 'we stream LLM tokens to the browser, SSE or websockets?',
      threadTs: root.ts,
    });
    expectAcked(event ?? { status: 0, body: 'no event', ackMs: 0, timedOut: false });
    const reply = await eventually(() => {
      const thread = h.slack.thread(GENERAL, root.ts);
      expect(thread.some((m) => m.bot_id)).toBe(true);
      return thread.find((m) => m.bot_id);
    });
    expect(reply?.text).toMatch(/^Verdict: SSE/);
    expect(reply?.thread_ts).toBe(root.ts);
    expect(h.slack.findButtons({ message: { channel: GENERAL, ts: reply?.ts ?? '' } }).map((b) => b.text)).toContain(
      'Run the wizard',
    );
  });

  it('shows what it understood and asks what is missing; the answer reaches a verdict in place, with quotes', async () => {
    const root = h.slack.postAsUser({ text: 'Design review: the kiosk' });
    await h.slack.mention({
      text: 'we need realtime on the kiosk, text only; not sure yet who sends what',
      threadTs: root.ts,
    });
    const reply = await botReplyIn(root.ts);
    expect(reply.text).toBe('Understood: No, text (JSON) is fine. One question: Which direction does data flow?');
    expect(visibleText(reply)).toContain('*Do you need binary payloads?* No, text (JSON) is fine _(from “text only”)_');
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { channel: GENERAL, ts: reply.ts } });
    const verdict = await eventually(() => {
      const now = h.slack.thread(GENERAL, root.ts).find((m) => m.ts === reply.ts);
      expect(now?.text).toBe('Verdict: SSE, one-way server push over plain HTTP (clear pick)');
      return now;
    });
    await h.slack.clickButtonByText({ text: 'Why?', message: { channel: GENERAL, ts: reply.ts } });
    await eventually(() =>
      expect(visibleText(h.slack.thread(GENERAL, root.ts).find((m) => m.ts === reply.ts))).toContain('*Why*'),
    );
    expect(visibleText(h.slack.thread(GENERAL, root.ts).find((m) => m.ts === reply.ts))).toContain(
      '_(from “text only”)_',
    );
    expect(verdict).toBeDefined();
    expect(
      h.slack.findButtons({ message: { channel: GENERAL, ts: reply.ts } }).filter((b) => b.text === 'Change'),
    ).toHaveLength(2);
  });

  it('answers once when Slack retries the event', async () => {
    const root = h.slack.postAsUser({ text: 'Which transport?' });
    await h.slack.mention({ text: 'a chat app with typing indicators', threadTs: root.ts, retryNum: 2 });
    await eventually(() => expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('opens the wizard privately for whoever clicks, leaving the public reply as it was', async () => {
    const root = h.slack.postAsUser({ text: 'Transport for the ticker?' });
    await h.slack.mention({ text: 'a stock price ticker', threadTs: root.ts });
    const reply = await botReplyIn(root.ts);
    const other = h.slack.addUser({ name: 'grace' });
    await h.slack.clickButtonByText({
      user: other.id,
      text: 'Run the wizard',
      message: { channel: GENERAL, ts: reply.ts },
    });
    const modal = await eventually(() => {
      const view = h.slack.openViews(other.id).at(-1);
      if (!view) throw new Error('no modal for the clicker');
      return view;
    });
    expect(visibleText(modal)).toContain('Which direction does data flow?');
    expect(h.slack.openViews(HUMAN)).toEqual([]);
    expect(h.slack.thread(GENERAL, root.ts).find((m) => m.ts === reply.ts)?.text).toBe(reply.text);
  });

  it('escapes what it echoes once, and quotes a mention in public as a word, so nobody is pinged', async () => {
    const root = h.slack.postAsUser({ text: 'hello' });
    // A pasted "<!channel>" is text; <@U0HUMAN01> is a mention picked in Slack's composer, which Slack sends
    // without a name, so the public quote shows a neutral word.
    await h.slack.mention({ text: 'help me decide <!channel> <@U0HUMAN01> & friends', threadTs: root.ts });
    const reply = await botReplyIn(root.ts);
    const text = JSON.stringify(reply);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0HUMAN01');
    expect(visibleText(reply)).toContain('You asked: help me decide &lt;!channel&gt; @someone &amp; friends');
  });

  it('quotes "our Q&A page, latency < 1s" as typed, not as Q&amp;A or &lt;', async () => {
    const root = h.slack.postAsUser({ text: 'transport question' });
    await h.slack.mention({ text: 'our Q&A page shows live answers, latency < 1s', threadTs: root.ts });
    const reply = await botReplyIn(root.ts);
    // Encoded once for Slack, which shows "&amp;" as "&" and "&lt;" as "<".
    expect(visibleText(reply)).toContain('our Q&amp;A page shows live answers, latency &lt; 1s');
    expect(JSON.stringify(reply)).not.toMatch(/&amp;amp;|&amp;lt;/);
  });

  it('keeps a link a link when it quotes one', async () => {
    const root = h.slack.postAsUser({ text: 'links' });
    await h.slack.mention({
      text: ['a dashboard like ', { url: 'https://example.com/board?x=1&y=2', label: 'this one' }],
      threadTs: root.ts,
    });
    const reply = await botReplyIn(root.ts);
    expect(visibleText(reply)).toContain('<https://example.com/board?x=1&amp;y=2|this one>');
  });

  it('does not answer again when a message that mentions it is edited', async () => {
    const root = h.slack.postAsUser({ text: 'edits' });
    await h.slack.mention({ text: 'a live dashboard, SSE or websockets?', threadTs: root.ts });
    await botReplyIn(root.ts);
    // Slack sends app_mention again, with `edited`, when a message that mentions the app is edited.
    const edit = await h.slack.mention({
      text: 'a live dashboard with charts, SSE or websockets?',
      edited: { before: 'a live dashboard, SSE or websockets? (typo)' },
      threadTs: root.ts,
    });
    expect((edit.event?.envelope.event as { edited?: unknown } | undefined)?.edited).toBeDefined();
    if (edit.event) expectAcked(edit.event);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1);
  });
});

describe('the Home tab', () => {
  it('publishes what the advisor does, the scorecard and a button that starts the wizard', async () => {
    await h.slack.openHome();
    const home = await eventually(() => {
      const view = h.slack.homeView(HUMAN);
      if (!view) throw new Error('no Home view');
      return view;
    });
    const text = visibleText(home);
    expect(text).toContain('WebSocket vs SSE: the scorecard');
    expect(text).toContain('Automatic + resume');
    await h.slack.clickButtonByText({ text: 'Start the wizard', viewId: home.id });
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toContain('Question 1 of 3'));
  });
});
