import { describe, expect, it } from 'vitest';
import { heldOutCases } from './advise.held-out.js';
import { kindOfAdvice, outcomeOf } from './eval/kinds.js';
import { advisor, websocketVsSse } from './helpers.js';

/** The tuning table: paraphrases of our own, used to shape the concepts in the data. */
const tuningCases: [string, string, 'sse' | 'websocket' | 'neither'][] = [
  ['streaming LLM tokens to a browser', 'llm-responses', 'sse'],
  ['Streaming GPT completions into our React frontend', 'llm-responses', 'sse'],
  ['we show the model output token by token', 'llm-responses', 'sse'],
  ['tail the logs of a running container in the browser', 'llm-tokens-or-logs', 'sse'],
  ['live build logs', 'llm-tokens-or-logs', 'sse'],
  ['A stock price ticker on our homepage', 'dashboard-feed-ticker', 'sse'],
  ['a metrics dashboard that refreshes live', 'dashboard-feed-ticker', 'sse'],
  ['in-app notifications', 'dashboard-feed-ticker', 'sse'],
  ['an activity feed', 'dashboard-feed-ticker', 'sse'],
  ['We are building a chat app', 'chat-game-editor', 'websocket'],
  ['group chat with typing indicators', 'chat-multiplayer-collab', 'websocket'],
  ['a multiplayer browser game', 'chat-multiplayer-collab', 'websocket'],
  ['collaborative editing of documents, like Google Docs', 'chat-multiplayer-collab', 'websocket'],
  ['clients send messages to each other in real time', 'client-sends-low-latency', 'websocket'],
  ['bidirectional messaging between browser and server', 'client-sends-low-latency', 'websocket'],
  ['the client must send input with low latency', 'client-sends-low-latency', 'websocket'],
  ['we stream binary audio frames to the browser', 'binary-frames', 'websocket'],
  ['sending protobuf payloads', 'binary-frames', 'websocket'],
  ['data only flows from the server to the client', 'server-to-client-only', 'sse'],
  ['one-way updates, server → client', 'server-to-client-only', 'sse'],
  ['server pushes updates; the browser never sends anything back', 'server-to-client-only', 'sse'],
  ['it has to just work behind corporate proxies', 'proxies-and-reconnect', 'sse'],
  ['auto-reconnect when the wifi drops matters most', 'proxies-and-reconnect', 'sse'],
  ['mostly server push, with the occasional client event', 'rare-client-events', 'sse'],
  ['the server streams updates and users rarely click to acknowledge', 'rare-client-events', 'sse'],
  ['a fallback for very restrictive networks', 'long-polling', 'neither'],
  ['we want QUIC datagrams in the browser', 'webtransport', 'neither'],
  ['streaming between two microservices we own', 'service-to-service', 'neither'],
  ['gRPC streaming between backend services', 'service-to-service', 'neither'],
];

function verdictOf(situation: string) {
  const advice = advisor.advise(situation);
  if (advice.kind !== 'match') return { id: 'unsure', ids: [], pick: 'unsure' };
  return {
    id: advice.best.id,
    /** The best fit and the fits that agree with it. */
    ids: [advice.best.id, ...advice.alsoMatched.map((m) => m.id)],
    pick: advice.best.pick?.id ?? 'neither',
    matched: advice.best.matched,
  };
}

describe('free-text advice', () => {
  it.each(tuningCases)('"%s" gets %s (%s)', (situation, id, pick) => {
    const result = verdictOf(situation);
    expect(result.pick).toBe(pick);
    expect(result.ids).toContain(id);
  });

  it.each([
    ...websocketVsSse.quickTakes.map((e) => [e.situation, e.id, e.pick] as const),
    ...websocketVsSse.situationalPicks.map((e) => [e.situation, e.id, e.pick] as const),
    // Entries beyond the seed (client-to-server traffic, live media) carry no signals yet: the wizard and their
    // names reach them, and the free-text matcher is being replaced.
    ...websocketVsSse.neither.filter((e) => e.signals.length > 0).map((e) => [e.when, e.id, 'neither'] as const),
  ])('places the seed\'s own words "%s" on their entry %s (%s)', (situation, id, pick) => {
    // Quick takes and situational picks overlap (LLM streaming is in both): the entry, or a twin that agrees.
    const result = verdictOf(situation);
    expect(result.pick).toBe(pick);
    expect(result.ids).toContain(id);
  });

  it('ignores case, punctuation and extra words', () => {
    for (const text of [
      'STREAMING LLM TOKENS TO A BROWSER!!!',
      'so, um... we are (basically) streaming llm tokens to a browser?',
    ]) {
      expect(verdictOf(text)).toMatchObject({ id: 'llm-responses', pick: 'sse' });
    }
  });

  it("says which of the person's words matched", () => {
    expect(verdictOf('we stream binary audio frames to the browser').matched).toEqual(['binary']);
    expect(verdictOf('Streaming GPT completions into our React frontend').matched).toContain('gpt');
  });

  it('does not read a negated need as the need itself', () => {
    expect(verdictOf('no binary, just JSON updates from the server to the client')).toMatchObject({ pick: 'sse' });
    expect(verdictOf('we do not need protobuf; only the server sends price updates')).toMatchObject({ pick: 'sse' });
  });

  it.each(['what should we have for lunch', 'refactor the billing module', 'asdf qwerty', ''])(
    'answers "%s" with an honest not sure instead of a guess',
    (situation) => {
      expect(advisor.advise(situation)).toEqual({ kind: 'unsure', candidates: [] });
    },
  );

  it('is not sure when the situation fits picks that disagree, and names both', () => {
    const advice = advisor.advise('a chat app where an LLM streams its answers');
    expect(advice.kind).toBe('unsure');
    if (advice.kind === 'unsure')
      expect(new Set(advice.candidates.map((c) => c.pick?.id))).toEqual(new Set(['sse', 'websocket']));
  });
});

describe('the held-out table (written before the matcher, never tuned against)', () => {
  // A hit is the right verdict: the right technology, or for 'neither' the right alternative, or an honest "not sure".
  const hits = heldOutCases.filter((c) => {
    const result = verdictOf(c.situation);
    if (c.pick === 'unsure') return result.pick === 'unsure';
    return c.entries.includes(result.id) || (c.pick !== 'neither' && result.pick === c.pick);
  });
  const rate = hits.length / heldOutCases.length;

  it(`places at least 70% of situations it never saw (now ${hits.length}/${heldOutCases.length})`, () => {
    expect(rate).toBeGreaterThanOrEqual(0.7);
  });

  // Against the evaluation's answer kinds (a match's pick or 'neither' id; "not sure" counts as a question).
  // Printed, not gated: the matcher does not know the new kinds yet.
  const kindHits = heldOutCases.filter(
    (c) => outcomeOf(c.expected, kindOfAdvice(advisor.advise(c.situation))) === 'right',
  ).length;
  it(`reports its hit rate against the answer kinds (now ${kindHits}/${heldOutCases.length})`, () => {
    const percent = ((100 * kindHits) / heldOutCases.length).toFixed(1);
    console.log(`held-out table against the answer kinds: ${kindHits}/${heldOutCases.length} (${percent}%)`);
    expect(kindHits).toBeLessThanOrEqual(heldOutCases.length);
  });
});
