/**
 * Every call the app makes, under every fault Slack produces: slow (4 s, which completes in time, and 10 s, which
 * Slack completes after the app gave up), 500, 429 with Retry-After, reset after acting, a 502 page after acting,
 * a body that is not JSON after acting. Scaled: the client timeout is 1 s (for Slack's 5 s). For each: the ack
 * under 3 s, nothing posted twice, and the person told what happened (or shown it). The client retries as
 * production would have before (4 retries), to prove that nothing repeats a call.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../sandbox/standin/index.js';
import { eventually, GENERAL, HUMAN, useHarness, visibleText } from './harness.js';

const TIMEOUT_MS = 1000;
const h = useHarness({ retries: 4, timeoutMs: TIMEOUT_MS });

const FAULTS: [string, Fault][] = [
  ['slow, answered in time (4 s of 5)', { answerLateMs: TIMEOUT_MS * 0.8 }],
  ['slow, completed after the app gave up (10 s of 5)', { answerLateMs: TIMEOUT_MS * 2 }],
  ['500', { status: 500 }],
  ['429 with Retry-After', { status: 429, retryAfterSeconds: 3 }],
  ['reset after acting', { afterActing: 'reset' }],
  ['a 502 page after acting', { afterActing: 'bad_gateway' }],
  ['invalid JSON after acting', { afterActing: 'invalid_json' }],
];

const tally = { injected: 0, duplicated: 0 };
afterAll(() => {
  console.log(`fault matrix: ${tally.injected} faults injected, ${tally.duplicated} posts duplicated`);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2.5));
const dm = () => h.slack.channelHistory(h.slack.workspace.imChannelFor(HUMAN).id);
const ephemeralCount = (channel = GENERAL) => h.slack.ephemerals(HUMAN, channel).length;
/** The newest private word to the person: an ephemeral in the channel or a message in the app's Messages tab. */
const lastWord = () => {
  const e = h.slack.ephemerals(HUMAN, GENERAL).at(-1);
  const d = dm().at(-1);
  return Number(d?.ts ?? 0) > Number(e?.ts ?? 0) ? d?.text : e?.text;
};

function inject(method: string, fault: Fault) {
  tally.injected += 1;
  h.slack.injectFault(method, fault, 5); // 5: an SDK retry would meet the fault again, and post again
}

function acked(result: { status: number; ms?: number }, started: number) {
  expect(result.status).toBe(200);
  expect(performance.now() - started).toBeLessThan(3000);
}

describe.each(FAULTS)('under %s', (name, fault) => {
  it('chat.postMessage (Share): posted at most once, and the person told', async () => {
    await h.slack.slashCommand({ text: 'both ways' });
    const advice = h.lastEphemeral();
    const posts = () => h.slack.channelHistory(GENERAL).filter((m) => m.text.includes('ran the Realtime Advisor'));
    const before = posts().length;
    const notices = ephemeralCount();
    inject('chat.postMessage', fault);
    const started = performance.now();
    acked(await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: advice.id } }), started);
    // Told in a new private message, or shown on the verdict itself: its Share button became "Shared in #general".
    const shared = () =>
      h.slack.findButtons({ message: { ephemeralId: advice.id } }).some((b) => b.text === '✓ Shared in #general');
    await eventually(() => expect(ephemeralCount() > notices || shared()).toBe(true), 5000);
    await settle();
    const added = posts().length - before;
    if (added > 1) tally.duplicated += added - 1;
    expect(added).toBeLessThanOrEqual(1);
    if ('afterActing' in fault || 'answerLateMs' in fault) expect(added).toBe(1);
    expect(shared() || /^(Shared in|I am not sure the share|I could not share)/.test(lastWord() ?? '')).toBe(true);
  });

  it('response_url (a wizard click): replaced at most once, and the person shown or told', async () => {
    await h.slack.slashCommand({ text: '' });
    const first = h.lastEphemeral();
    const count = ephemeralCount();
    inject('response_url', fault);
    const started = performance.now();
    acked(
      await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: first.id } }),
      started,
    );
    await settle();
    const replaced = h.slack.callsTo('response_url').filter((c) => c.ok).length;
    if (replaced > 1) tally.duplicated += replaced - 1;
    expect(replaced).toBeLessThanOrEqual(1);
    const now = h.slack.ephemerals(HUMAN, GENERAL).find((e) => e.id === first.id);
    const moved = now?.text.startsWith('Question 2');
    const told = ephemeralCount() > count || dm().some((m) => /wizard/.test(m.text));
    expect(moved || told).toBe(true);
  });

  it('views.open (the message shortcut): opened at most once, and the person shown or told, never to click a button', async () => {
    const root = h.slack.postAsUser({ text: 'live dashboard for ops' });
    const count = ephemeralCount();
    inject('views.open', fault);
    const started = performance.now();
    acked(await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' }), started);
    await settle();
    const opened = h.slack.openViews(HUMAN).length;
    expect(opened).toBeLessThanOrEqual(1);
    if (ephemeralCount() > count) expect(lastWord()).not.toMatch(/button/);
    expect(opened === 1 || ephemeralCount() > count).toBe(true);
    if (name.startsWith('slow, completed')) expect(lastWord()).toMatch(/^I am not sure I could open the advisor/);
  });

  it('views.update (a wizard step in the modal): updated at most once, and the person shown or told', async () => {
    const root = h.slack.postAsUser({
      text: 'what should the game lobby use? players send moves and get the other moves back constantly',
    });
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    const modal = await eventually(() => {
      const view = h.slack.openViews(HUMAN).at(-1);
      if (!view) throw new Error('no modal');
      return view;
    });
    inject('views.update', fault);
    const started = performance.now();
    // "Why?" expands the verdict in the modal: a wizard step, replaced in place with views.update.
    acked(await h.slack.clickButtonByText({ text: 'Why?', viewId: modal.id }), started);
    await settle();
    const shown = visibleText(h.slack.openViews(HUMAN).at(-1));
    // The re-asked question is on screen, or the step on screen says what went wrong (keeping its buttons), or,
    // where Slack keeps refusing the modal, the person is told beside the thread.
    const toldBeside = /move the wizard on/.test(lastWord() ?? '');
    expect(
      /\*What decided it\*|could not move the wizard on|not sure I could move the wizard on/.test(shown) || toldBeside,
    ).toBe(true);
    expect(h.slack.openViews(HUMAN)).toHaveLength(1);
  });

  it('views.publish (the Home tab): published, or the person told in the Messages tab', async () => {
    const before = dm().length;
    inject('views.publish', fault);
    const started = performance.now();
    acked(await h.slack.openHome(), started);
    await settle();
    const published = h.slack.callsTo('views.publish').filter((c) => c.ok).length;
    expect(published).toBeLessThanOrEqual(1);
    expect(published === 1 || dm().length > before).toBe(true);
    if (dm().length > before) expect(dm().at(-1)?.text).toMatch(/show the Home tab/);
  });

  it("chat.postEphemeral (telling about a failed mention reply): told once there, or in the app's Messages tab", async () => {
    const before = dm().length;
    const count = ephemeralCount();
    h.slack.injectFault('chat.postMessage', { error: 'restricted_action' });
    inject('chat.postEphemeral', fault);
    const started = performance.now();
    const { event } = await h.slack.mention({ text: 'chat app for support' });
    acked(event ?? { status: 0 }, started);
    await settle();
    const notices = h.slack.callsTo('chat.postEphemeral').filter((c) => c.ok).length;
    expect(notices).toBeLessThanOrEqual(1);
    expect(ephemeralCount() > count || dm().length > before).toBe(true);
  });
});
