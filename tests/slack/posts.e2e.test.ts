/**
 * Posts: at most once, and the person always told (issue 10, items 1 to 5). The app runs with a retrying client
 * policy and a short client timeout (1 s, standing for Slack's 5 s), against the stand-in's faults where Slack
 * acts and its answer is late or lost.
 */
import { describe, expect, it } from 'vitest';
import { eventually, expectAcked, GENERAL, type Harness, HUMAN, useHarness, visibleText } from './harness.js';

const TIMEOUT_MS = 1000;
const h = useHarness({ retries: 4, timeoutMs: TIMEOUT_MS });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The verdict's "Shared in #channel" link, once the share is done. */
const sharedButton = (ephemeralId: string) =>
  h.slack.findButtons({ message: { ephemeralId } }).find((b) => b.text.includes('Shared in'))?.text;

/** `/realtime both ways`: advice with a Share button, in an ephemeral message. */
async function advice(harness: Harness = h, channel = GENERAL) {
  await harness.slack.slashCommand({ channel, text: 'both ways' });
  return harness.lastEphemeral(channel);
}

const parents = (channel = GENERAL) =>
  h.slack.channelHistory(channel).filter((m) => m.bot_id && m.text.includes('ran the Realtime Advisor'));

const openModal = (user = HUMAN) =>
  eventually(() => {
    const view = h.slack.openViews(user).at(-1);
    if (!view) throw new Error('no modal open');
    return view;
  });

describe('1. a post is never sent again after an answer that did not arrive', () => {
  it.each([
    ['answers after the app gave up (Slack completed it)', { answerLateMs: TIMEOUT_MS * 1.5 }],
    ['resets the connection after posting', { afterActing: 'reset' }],
    ['answers with a 502 page after posting', { afterActing: 'bad_gateway' }],
    ['answers with a body that is not JSON after posting', { afterActing: 'invalid_json' }],
  ] as const)('shares once when chat.postMessage %s, and says it may be there', async (_name, fault) => {
    const message = await advice();
    const before = parents().length;
    h.slack.injectFault('chat.postMessage', fault, 5);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    const told = await eventually(() => {
      const text = h.lastEphemeral().text;
      expect(text).toMatch(/^I am not sure the share reached <#C0GENERAL>.*may be there\. Look in the channel/);
      return text;
    }, 8000);
    expect(told).not.toMatch(/Try again/);
    // A second click, before looking, does not post a second copy either.
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    await wait(TIMEOUT_MS * 2);
    expect(parents().length).toBe(before + 1);
    expect(h.lastEphemeral().text).toMatch(/^I am not sure the share reached/);
  });

  it('shares anyway, once, when the person looked and it was not there', async () => {
    const message = await advice();
    const before = parents().length;
    // A server error where Slack did NOT post: the app cannot tell it from one where it did.
    h.slack.injectFault('chat.postMessage', { status: 500 });
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    const unsure = await eventually(() => {
      const last = h.lastEphemeral();
      expect(last.text).toMatch(/^I am not sure the share reached/);
      return last;
    });
    expect(parents().length).toBe(before);
    await h.slack.clickButtonByText({ text: 'Share anyway', message: { ephemeralId: unsure.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/^Shared in <#C0GENERAL>, with the reasoning/));
    expect(parents().length).toBe(before + 1);
  });

  it('replies to a mention once when chat.postMessage answers after the app gave up', async () => {
    h.slack.injectFault('chat.postMessage', { answerLateMs: TIMEOUT_MS * 1.5 }, 5);
    const { message } = await h.slack.mention({ text: 'streaming LLM tokens to a browser' });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/^I am not sure I could reply in the thread/), 8000);
    await wait(TIMEOUT_MS * 2);
    expect(h.slack.thread(GENERAL, message.ts)).toHaveLength(2); // the mention and one reply
  });
});

describe('2. a rate limit on one call does not delay anyone else', () => {
  it("opens another person's modal at once while a share waits out a 429 with Retry-After: 10", async () => {
    const colleague = h.slack.addUser({ name: 'grace' });
    const message = await advice();
    const root = h.slack.postAsUser({ user: colleague.id, text: 'live dashboard for ops' });
    h.slack.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 10 });
    const share = h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    await wait(100);
    const started = performance.now();
    expectAcked(
      await h.slack.messageShortcut({
        user: colleague.id,
        channel: GENERAL,
        ts: root.ts,
        callbackId: 'realtime_advice',
      }),
    );
    await openModal(colleague.id);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(h.slack.callsTo('views.open').map((c) => c.ok)).toEqual([true]);
    await share;
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/rate-limiting me right now\. .* in 10 s/));
    h.slack.workspace.closeModal(colleague.id, true);
  });
});

describe('3. nobody is left with silence, and a half-done share can be finished', () => {
  it("tells the person in the app's Messages tab when the response_url has expired in a channel the app is not in", async () => {
    const outside = h.slack.addChannel({ name: 'outside-3', botIsMember: false });
    const message = await advice(h, outside.id);
    h.slack.injectFault('response_url', { error: 'expired_url', status: 404 }, 5);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    const dm = h.slack.workspace.imChannelFor(HUMAN).id;
    const told = await eventually(() => {
      const last = h.slack.channelHistory(dm).at(-1);
      expect(last?.text).toMatch(/^I could not share this in the channel: This message has expired/);
      return last;
    });
    expect(told?.bot_id).toBeTruthy();
    expect(h.slack.channelHistory(outside.id)).toHaveLength(0);
  });

  it('adds the reasoning to the thread when Share is clicked again after the thread reply failed', async () => {
    const message = await advice();
    const before = parents().length;
    h.slack.injectFault('chat.postMessage', { delayMs: 0 }); // the parent goes through
    h.slack.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 30 }); // the thread reply does not
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/^I could not add the reasoning to the thread/));
    const parent = parents().at(-1);
    expect(h.slack.thread(GENERAL, parent?.ts ?? '')).toHaveLength(1);

    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: message.id } });
    await eventually(() => expect(sharedButton(message.id)).toBe('✓ Shared in #general'));
    expect(parents().length).toBe(before + 1);
    const thread = h.slack.thread(GENERAL, parent?.ts ?? '');
    expect(thread).toHaveLength(2);
    expect(visibleText(thread[1])).toMatch(/\S/);
  });
});

describe('4. replays post once; a first delivery marked as a retry is answered', () => {
  it('posts once in the thread when a submitted modal is replayed five times', async () => {
    const root = h.slack.postAsUser({ text: 'we stream LLM tokens to the browser' });
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    const modal = await openModal();
    const submitted = await h.slack.submitView({ viewId: modal.id });
    expectAcked(submitted);
    await eventually(() => expect(h.slack.thread(GENERAL, root.ts)).toHaveLength(2));
    for (let i = 0; i < 5; i += 1) {
      expectAcked(
        await h.slack.sendRaw({
          contentType: 'application/x-www-form-urlencoded',
          body: `payload=${encodeURIComponent(JSON.stringify(submitted.payload))}`,
        }),
      );
    }
    await wait(300);
    expect(h.slack.thread(GENERAL, root.ts)).toHaveLength(2);
  });

  it('answers an app_mention whose first delivery here is marked as a retry (X-Slack-Retry-Num: 1, http_timeout)', async () => {
    const { message, event } = await h.slack.mention({ text: 'live sports scores', firstMarkedAsRetry: 1 });
    expect(event?.attempts).toHaveLength(1);
    await eventually(() => expect(h.slack.thread(GENERAL, message.ts)).toHaveLength(2));
    // Its real retry is not answered again.
    await h.slack.redeliver(event?.eventId ?? '', 2);
    await wait(200);
    expect(h.slack.thread(GENERAL, message.ts)).toHaveLength(2);
  });
});

describe('5. failures are told where the person looks, in words', () => {
  it("explains a failed mention reply beside the person's message, not in a thread that does not exist", async () => {
    h.slack.injectFault('chat.postMessage', { error: 'restricted_action' });
    const { message } = await h.slack.mention({ text: 'chat app for support' });
    const told = await eventually(() => {
      const last = h.lastEphemeral();
      expect(last.text).toMatch(/^I could not reply in the thread/);
      return last;
    });
    expect(told.thread_ts).toBeUndefined();
    expect(h.slack.thread(GENERAL, message.ts)).toHaveLength(1);
  });

  it('still explains a failed reply in the thread when the mention was in one', async () => {
    const root = h.slack.postAsUser({ text: 'transport question' });
    h.slack.injectFault('chat.postMessage', { error: 'restricted_action' });
    await h.slack.mention({ text: 'live cursor positions', threadTs: root.ts });
    await eventually(() => expect(h.lastEphemeral().thread_ts).toBe(root.ts));
  });

  it('never tells a person who ran the shortcut to click a button, when views.open is slow', async () => {
    const root = h.slack.postAsUser({ text: 'notifications for a web app' });
    h.slack.injectFault('views.open', { answerLateMs: TIMEOUT_MS * 1.5 }, 5);
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    const told = await eventually(() => {
      const last = h.lastEphemeral();
      expect(last.text).toMatch(/open the advisor/);
      return last.text;
    }, 8000);
    expect(told).toMatch(/shortcut on the message again/);
    expect(told).not.toMatch(/button/);
    expect(h.slack.openViews(HUMAN)).toHaveLength(1); // it did open: the person is told it may have
  });

  it('retries a response_url answered 429 after its Retry-After, as the Web API client does', async () => {
    await h.slack.slashCommand({ text: '' });
    const first = h.lastEphemeral();
    h.slack.injectFault('response_url', { status: 429, retryAfterSeconds: 0 });
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: first.id } });
    await eventually(() => expect(h.lastEphemeral().blocks).not.toEqual(first.blocks));
    expect(h.slack.callsTo('response_url').map((c) => c.status)).toEqual([429, 200]);
  });

  it('words a response_url server error as one, with the code only in small print', async () => {
    await h.slack.slashCommand({ text: '' });
    const first = h.lastEphemeral();
    h.slack.injectFault('response_url', { status: 500 });
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: first.id } });
    const told = await eventually(() => {
      const last = h.lastEphemeral();
      expect(last.text).toMatch(/server error/);
      return last;
    });
    expect(told.text).not.toMatch(/http_500/);
    expect(visibleText({ blocks: told.blocks?.slice(0, 1) })).not.toMatch(/http_500/);
  });
});
