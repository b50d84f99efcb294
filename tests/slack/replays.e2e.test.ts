/**
 * Replays post once (issue 10). A replay here is the very request Slack sent, byte for byte, with its original
 * signature and timestamp: within Slack's five minutes the signature still holds, so the app must recognise the
 * repeat by what it is (the share's claim, the event's event_id), not by refusing it. (A replay after five
 * minutes is refused by its timestamp: tests/slack/security.e2e.test.ts and edge.e2e.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../sandbox/standin/index.js';
import { eventually, expectAcked, GENERAL, HUMAN, useHarness } from './harness.js';

const h = useHarness();
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a delivery again exactly as Slack sent it: the same body, the same timestamp, the same signature. */
function replay(delivery: Delivery) {
  const form = delivery.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  return h.slack.sendRaw({
    contentType: delivery.headers['content-type'] ?? 'application/json',
    body: form ? `payload=${encodeURIComponent(JSON.stringify(delivery.payload))}` : JSON.stringify(delivery.payload),
    timestamp: Number(delivery.headers['x-slack-request-timestamp']),
    signature: delivery.headers['x-slack-signature'] ?? null,
    headers: Object.fromEntries(Object.entries(delivery.headers).filter(([k]) => k.startsWith('x-slack-retry'))),
  });
}

const shares = () => h.slack.channelHistory(GENERAL).filter((m) => m.bot_id && m.text.includes('ran the Realtime'));

describe('a replayed Share click', () => {
  it('posts once when the same signed block_actions arrives again, after the share and five times at once', async () => {
    await h.slack.slashCommand({ text: 'we stream LLM tokens to the browser, nothing goes back' });
    const verdict = h.lastEphemeral();
    const before = shares().length;
    expectAcked(await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } }));
    const click = h.slack.deliveries.at(-1) as Delivery;
    expect(click.kind).toBe('block_actions');
    await eventually(() => expect(shares()).toHaveLength(before + 1));
    const parent = shares().at(-1);
    await eventually(() => expect(h.slack.thread(GENERAL, parent?.ts ?? '')).toHaveLength(2));

    expectAcked(await replay(click));
    const burst = await Promise.all(Array.from({ length: 5 }, () => replay(click)));
    for (const answer of burst) expectAcked(answer);
    await wait(300);
    expect(shares()).toHaveLength(before + 1);
    expect(h.slack.thread(GENERAL, parent?.ts ?? '')).toHaveLength(2); // the reasoning once, too
  });

  it('posts once when replays arrive while the first share is still being posted', async () => {
    await h.slack.slashCommand({ text: 'both ways' });
    const verdict = h.lastEphemeral();
    const before = shares().length;
    h.slack.injectFault('chat.postMessage', { delayMs: 500 }); // the first share is in flight when replays land
    expectAcked(await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } }));
    const click = h.slack.deliveries.at(-1) as Delivery;
    expect(shares()).toHaveLength(before);
    for (const answer of await Promise.all(Array.from({ length: 4 }, () => replay(click)))) expectAcked(answer);
    await eventually(() => expect(shares()).toHaveLength(before + 1));
    await wait(700);
    expect(shares()).toHaveLength(before + 1);
  });
});

describe('a replayed @mention', () => {
  it('answers once when the same signed app_mention (same event_id) arrives again, without retry headers', async () => {
    const root = h.slack.postAsUser({ text: 'a question for the thread' });
    const { event } = await h.slack.mention({ text: 'live sports scores', threadTs: root.ts });
    expect(event?.status).toBe(200);
    const delivery = h.slack.deliveries.findLast((d) => d.kind === 'event_callback') as Delivery;
    await eventually(() => expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1));
    for (const answer of await Promise.all(Array.from({ length: 5 }, () => replay(delivery)))) expectAcked(answer);
    await wait(300);
    expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1);
  });

  it('answers once when the first delivery is marked as a retry (X-Slack-Retry-Num: 1, http_timeout) and retries follow', async () => {
    const root = h.slack.postAsUser({ text: 'another question' });
    const { event } = await h.slack.mention({ text: 'a stock ticker', threadTs: root.ts, firstMarkedAsRetry: 1 });
    const first = h.slack.deliveries.findLast((d) => d.kind === 'event_callback') as Delivery;
    expect(first.headers['x-slack-retry-num']).toBe('1');
    expect(first.headers['x-slack-retry-reason']).toBe('http_timeout');
    await eventually(() => expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1));
    await h.slack.redeliver(event?.eventId ?? '', 2, 'http_timeout');
    await h.slack.redeliver(event?.eventId ?? '', 3, 'http_error');
    await wait(300);
    expect(h.slack.thread(GENERAL, root.ts).filter((m) => m.bot_id)).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === root.ts)).toHaveLength(1);
  });
});

describe('a replayed message in the Messages tab', () => {
  it('answers once', async () => {
    const im = h.slack.workspace.imChannelFor(HUMAN).id;
    const before = h.slack.channelHistory(im).filter((m) => m.bot_id).length;
    await h.slack.directMessage({ text: 'server push for notifications' });
    const delivery = h.slack.deliveries.findLast((d) => d.kind === 'event_callback') as Delivery;
    await eventually(() => expect(h.slack.channelHistory(im).filter((m) => m.bot_id)).toHaveLength(before + 1));
    for (const answer of await Promise.all(Array.from({ length: 3 }, () => replay(delivery)))) expectAcked(answer);
    await wait(300);
    expect(h.slack.channelHistory(im).filter((m) => m.bot_id)).toHaveLength(before + 1);
  });
});
