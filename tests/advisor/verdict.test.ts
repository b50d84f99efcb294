import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/advisor/index.js';
import { recommend } from '../../src/advisor/verdict.js';
import { allAnswerPaths } from '../../src/advisor/wizard.js';
import { websocketVsSse } from './helpers.js';

const verdictFor = (answers: Answers) => {
  const verdict = recommend(websocketVsSse, answers);
  if (!verdict) throw new Error('expected a verdict');
  return verdict;
};

const S2C_TEXT = { direction: 'server-to-client', binary: 'no' };
const MOSTLY_TEXT = { direction: 'mostly-server', binary: 'no' };

/** Each seed quick take and situational pick, as wizard answers a person in that situation would give. */
const seedAgreement: [string, Answers, string][] = [
  ['server-to-client-only', { ...S2C_TEXT, simplicity: 'somewhat' }, 'sse'],
  ['client-sends-low-latency', { direction: 'both-ways' }, 'websocket'],
  ['llm-tokens-or-logs', { ...S2C_TEXT, simplicity: 'a-lot' }, 'sse'],
  ['binary-frames', { direction: 'server-to-client', binary: 'yes', simplicity: 'somewhat' }, 'websocket'],
  ['proxies-and-reconnect', { ...S2C_TEXT, simplicity: 'a-lot' }, 'sse'],
  ['chat-multiplayer-collab', { direction: 'both-ways' }, 'websocket'],
  ['dashboard-feed-ticker', { ...S2C_TEXT, simplicity: 'a-lot' }, 'sse'],
  ['llm-responses', { ...S2C_TEXT, simplicity: 'somewhat' }, 'sse'],
  ['chat-game-editor', { direction: 'both-ways' }, 'websocket'],
  ['rare-client-events', { ...MOSTLY_TEXT, simplicity: 'somewhat' }, 'sse'],
];

describe('verdicts', () => {
  it('has a row for every quick take and situational pick in the seed', () => {
    const ids = [...websocketVsSse.quickTakes, ...websocketVsSse.situationalPicks].map((e) => e.id);
    expect(seedAgreement.map(([id]) => id).sort()).toEqual(ids.sort());
  });

  it.each(seedAgreement)('agrees with the seed entry %s: the wizard picks the same technology', (id, answers, pick) => {
    const entry = [...websocketVsSse.quickTakes, ...websocketVsSse.situationalPicks].find((e) => e.id === id);
    expect(entry?.pick).toBe(pick);
    expect(verdictFor(answers).pick.id).toBe(pick);
  });

  it('pairs SSE with ordinary POSTs for rare client events, and says how to send them', () => {
    const verdict = verdictFor({ ...MOSTLY_TEXT, simplicity: 'a-lot' });
    expect(verdict.headline).toBe('SSE, plus ordinary POSTs for the rare client events');
    expect(verdict.pairing).toMatch(/POST/);
    expect(verdict.caveats.map((c) => c.id)).toContain('sse-client-messages-are-requests');
  });

  it('gives one sentence per answer saying how it moved the verdict', () => {
    const verdict = verdictFor({ direction: 'server-to-client', binary: 'yes', simplicity: 'a-lot' });
    expect(verdict.reasons.map((r) => r.answer)).toEqual(['Server → client only', 'Yes, binary frames', 'A lot']);
    expect(verdict.reasons[1]?.because).toMatch(/binary frames/);
    expect(verdict.reasons[2]?.because).toMatch(/base64/);
  });

  it('warns SSE users about the HTTP/1.1 connection cap and that HTTP/2 lifts it', () => {
    const caveat = verdictFor({ ...S2C_TEXT, simplicity: 'a-lot' }).caveats.find(
      (c) => c.id === 'sse-http1-connection-cap',
    );
    expect(caveat?.text).toMatch(/HTTP\/1\.1.*about 6.*HTTP\/2/);
    expect(caveat?.sources).toContain('mdn-eventsource');
  });

  it('warns WebSocket users that reconnect is theirs to write, and never shows SSE caveats with a WebSocket pick', () => {
    const ids = verdictFor({ direction: 'both-ways' }).caveats.map((c) => c.id);
    expect(ids).toContain('websocket-diy-reconnect');
    expect(ids.some((id) => id.startsWith('sse-'))).toBe(false);
  });

  it('shows the scorecard rows that decided it', () => {
    expect(
      verdictFor({ direction: 'mostly-server', binary: 'yes', simplicity: 'not-much' }).decidingRows.map((d) => d.name),
    ).toEqual(['Payload types']);
    expect(verdictFor({ direction: 'both-ways' }).decidingRows.map((d) => d.name)).toEqual(['Direction']);
  });

  it('offers WebTransport from "neither" when binary matters and simplicity does not', () => {
    const [alternative] = verdictFor({
      direction: 'server-to-client',
      binary: 'yes',
      simplicity: 'not-much',
    }).alternatives;
    expect(alternative?.name).toBe('WebTransport');
    expect(alternative?.when).toMatch(/^if QUIC/);
  });

  it('cites the two or three sources that support this verdict, not the whole list', () => {
    const { sources } = verdictFor({ ...S2C_TEXT, simplicity: 'a-lot' });
    expect(sources.map((s) => s.id)).toEqual(['whatwg-sse', 'mdn-eventsource', 'rfc9113']);
    const binary = verdictFor({ direction: 'server-to-client', binary: 'yes', simplicity: 'not-much' });
    expect(binary.sources.map((s) => s.id)).toEqual(['rfc6455', 'whatwg-sse', 'mdn-websocket']);
    for (const answers of allAnswerPaths(websocketVsSse))
      expect(verdictFor(answers).sources.length).toBeLessThanOrEqual(3);
  });

  it('has no verdict until every question that applies is answered', () => {
    expect(recommend(websocketVsSse, { direction: 'server-to-client' })).toBeUndefined();
  });
});

describe("a verdict's words", () => {
  const paths = allAnswerPaths(websocketVsSse).map(
    (answers) => [JSON.stringify(answers), verdictFor(answers)] as const,
  );
  const others = (pick: string) => websocketVsSse.technologies.filter((t) => t.id !== pick).map((t) => t.shortName);

  it('says how each answer bears on a binary WebSocket verdict, never that it is what SSE is built for', () => {
    const lines = (answers: Answers) => verdictFor(answers).reasons.map((r) => r.because);
    expect(lines({ direction: 'server-to-client', binary: 'yes', simplicity: 'somewhat' })[0]).toBe(
      'Server → client alone would favour SSE; binary frames decide it for WebSocket.',
    );
    const mostly = lines({ direction: 'mostly-server', binary: 'yes', simplicity: 'somewhat' });
    expect(mostly[0]).toMatch(/would favour SSE plus POSTs; binary frames decide it for WebSocket/);
    expect(mostly.join(' ')).not.toMatch(/can go as ordinary POSTs beside the stream|what SSE is built for/);
  });

  it.each(paths)('%s: a line that names the other side also says how the pick wins', (_path, verdict) => {
    if (verdict.pick.kind !== 'technology') return;
    for (const reason of verdict.reasons)
      if (others(verdict.pick.id).some((name) => reason.because.includes(name)))
        expect(reason.because).toContain(verdict.pick.shortName);
  });

  it.each(paths)('%s: the decisive reason is the line of the answer the outcome turns on', (_path, verdict) => {
    expect(verdict.reasons.map((r) => r.because)).toContain(verdict.decisive);
  });

  it('states alternatives as conditions, never as what the person said', () => {
    for (const [, verdict] of paths)
      for (const a of verdict.alternatives) {
        expect(a.when).toMatch(/^(if|when|where) /);
        expect(`${a.when} ${a.reason}`).not.toMatch(/\byou(r|rs|rself)?\b/i);
      }
  });

  it('has headlines with no colon of their own, so that "Verdict: SSE, one-way…" reads once', () => {
    const headlines = [
      ...websocketVsSse.wizard.outcomes.map((o) => o.headline),
      ...(websocketVsSse.understanding?.conditions ?? []).flatMap((c) => (c.headline ? [c.headline] : [])),
    ];
    for (const headline of headlines) expect(headline).not.toContain(':');
  });
});
