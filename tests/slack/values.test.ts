import { describe, expect, it } from 'vitest';
import {
  modalMetadata,
  PRIVATE_METADATA_MAX,
  scorecardValue,
  shareValue,
  wizardValue,
} from '../../src/slack/values.js';
import { advisor, websocketVsSse as comparison } from '../advisor/helpers.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where each grapheme cluster (what a person sees as one character) starts. */
const clusterStarts = (text: string) =>
  new Set(Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.index));

const verdictState = (() => {
  let view = advisor.start();
  while (view.kind === 'question') {
    const next = wizardValue.decode(advisor, view.options[0]?.next);
    if (!next.ok) throw new Error(next.error.message);
    view = next.value;
  }
  return view.state;
})();

describe('wizard navigation values', () => {
  it('read back as the view they lead to', () => {
    const first = advisor.start();
    const next = first.kind === 'question' ? first.options[0]?.next : undefined;
    const decoded = wizardValue.decode(advisor, next);
    expect(decoded.ok && decoded.value.kind === 'question' && decoded.value.number).toBe(2);
  });

  it.each([
    [undefined, 'malformed'],
    ['', 'malformed'],
    ['x'.repeat(2001), 'malformed'],
    ['9:websocket-vs-sse:000', 'unsupported-version'],
    ['1:no-such-thing:000', 'unknown-comparison'],
  ])('turn a tampered value %j into an error (%s), not a throw', (raw, code) => {
    const decoded = wizardValue.decode(advisor, raw);
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe(code);
  });
});

describe('share values', () => {
  it('round-trip a verdict', () => {
    const decoded = shareValue.decode(advisor, shareValue.encode({ kind: 'verdict', state: verdictState }));
    expect(decoded.ok && decoded.value.kind).toBe('verdict');
  });

  it('round-trip a piece of advice', () => {
    const entry = comparison.quickTakes[0];
    const raw = shareValue.encode({ kind: 'advice', comparisonId: comparison.id, entryId: entry?.id ?? '' });
    expect(raw).toBe(`advice:${comparison.id}:${entry?.id}`);
    const decoded = shareValue.decode(advisor, raw);
    expect(decoded.ok && decoded.value.kind === 'advice' && decoded.value.match.id).toBe(entry?.id);
  });

  // Share buttons already in Slack name every kind of entry; the old phrase matcher is gone, they still decode.
  it.each([
    ...comparison.quickTakes.map((e) => ['quick-take', e.id] as const),
    ...comparison.situationalPicks.map((e) => ['situational-pick', e.id] as const),
    ...comparison.neither.map((e) => ['neither', e.id] as const),
  ])('decode an advice value issued for the %s %s', (source, id) => {
    const decoded = shareValue.decode(advisor, `advice:${comparison.id}:${id}`);
    const match = decoded.ok && decoded.value.kind === 'advice' ? decoded.value.match : undefined;
    expect(match?.source).toBe(source);
    expect(match?.reason.length).toBeGreaterThan(0);
    expect(Boolean(match?.pick) || Boolean(match?.alternative)).toBe(true);
  });

  it.each([
    [advisor.startValue(), 'not-a-verdict'],
    ['advice:', 'malformed'],
    ['advice:websocket-vs-sse', 'malformed'],
    ['advice:websocket-vs-sse:server-to-client-only:extra', 'malformed'],
    ['advice:nope:server-to-client-only', 'unknown-comparison'],
    ['advice:websocket-vs-sse:no-such-entry', 'unknown-entry'],
    [42, 'malformed'],
  ])('turn %j into an error (%s)', (raw, code) => {
    const decoded = shareValue.decode(advisor, raw);
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe(code);
  });
});

describe('scorecard values', () => {
  it('round-trip a comparison, and name an unknown one as an error', () => {
    const decoded = scorecardValue.decode(advisor, scorecardValue.encode(comparison));
    expect(decoded.ok && decoded.value.id).toBe(comparison.id);
    const unknown = scorecardValue.decode(advisor, 'no-such-comparison');
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown-comparison');
  });
});

describe("the modal's private_metadata", () => {
  const where = { channel: 'C0GENERAL', threadTs: '1700000000.000100', wizard: verdictState };

  it('round-trips where to reply and what the modal shows', () => {
    const ctx = { ...where, situation: 'we stream LLM tokens to the browser' };
    expect(modalMetadata.decode(modalMetadata.encode(ctx))).toEqual({ ok: true, value: ctx });
  });

  it.each([
    ['2,000 quotes', '"'.repeat(2000)],
    ['2,000 newlines', '\n'.repeat(2000)],
    ['2,000 control characters', '\u0001'.repeat(2000)],
    ['backslashes and quotes, 10,000 of them', '\\"'.repeat(5000)],
    ['1,500 emoji', '😀'.repeat(1500)],
    ['family emoji (several code points each)', '👨‍👩‍👧‍👦'.repeat(400)],
    ['emoji after a quote, so that the cut lands inside one', `"${'🎉'.repeat(1499)}`],
  ])('stays within 3,000 characters for a message of %s, cut between whole characters', (_name, situation) => {
    const encoded = modalMetadata.encode({ ...where, situation });
    expect(encoded.length).toBeLessThanOrEqual(PRIVATE_METADATA_MAX);
    const decoded = modalMetadata.decode(encoded);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const kept = decoded.value.situation ?? '';
    expect(kept.endsWith('…')).toBe(true);
    expect(kept.length).toBeGreaterThan(100); // as much as fits, not nothing
    expect(LONE_SURROGATE.test(kept)).toBe(false);
    expect(situation.startsWith(kept.slice(0, -1))).toBe(true);
    expect(clusterStarts(situation).has(kept.length - 1)).toBe(true); // the cut falls between clusters
    expect(decoded.value).toMatchObject(where);
  });

  it('keeps an ordinary situation of up to 2,000 characters whole, and clips a longer one as before', () => {
    const whole = 'a'.repeat(2000);
    expect(modalMetadata.decode(modalMetadata.encode({ situation: whole }))).toEqual({
      ok: true,
      value: { situation: whole },
    });
    const long = modalMetadata.decode(modalMetadata.encode({ situation: 'b'.repeat(5000) }));
    expect(long.ok && long.value.situation).toBe(`${'b'.repeat(1999)}…`);
  });

  it('reads missing metadata as an empty context, and drops a field it cannot read', () => {
    expect(modalMetadata.decode(undefined)).toEqual({ ok: true, value: {} });
    expect(modalMetadata.decode('')).toEqual({ ok: true, value: {} });
    expect(modalMetadata.decode(JSON.stringify({ c: 'C1', t: 5 }))).toEqual({ ok: true, value: { channel: 'C1' } });
  });

  it.each(['{', 'null', '"a string"', '[1]'])('turns unreadable metadata %j into an error, not a throw', (raw) => {
    const decoded = modalMetadata.decode(raw);
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe('malformed');
  });
});
