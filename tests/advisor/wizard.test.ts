import { describe, expect, it } from 'vitest';
import type { VerdictView, WizardView } from '../../src/advisor/index.js';
import { allAnswerPaths, decodeState, encodeState } from '../../src/advisor/wizard.js';
import { advisor, comparisons, websocketVsSse } from './helpers.js';

/** Clicks the option with this label on a question view and returns the next view. */
function choose(view: WizardView, label: string): WizardView {
  if (view.kind !== 'question') throw new Error(`expected a question, got a verdict: ${view.verdict.headline}`);
  const option = view.options.find((o) => o.label.startsWith(label));
  if (!option) throw new Error(`no option "${label}" in ${view.options.map((o) => o.label).join(' | ')}`);
  const next = advisor.resume(option.next);
  if (!next.ok) throw new Error(next.error.message);
  return next.view;
}

function run(...labels: string[]): WizardView {
  return labels.reduce(choose, advisor.start());
}

function verdictOf(view: WizardView): VerdictView {
  if (view.kind !== 'verdict') throw new Error(`expected a verdict, got question ${view.question.prompt}`);
  return view;
}

const S2C = 'Server → client only';
const BOTH = 'Both ways';
const MOSTLY = 'Mostly server → client';
const BINARY = 'Yes, binary frames';
const TEXT = 'No, text';
const UPSTREAM = 'Mostly client → server';
const MEDIA = 'Live audio or video';

// Written by hand from the seed and the issue, not derived from the data file: each row is what a person should get.
const everyPath: [string[], { pick: string; outcome: string; strength: string; alternatives: string[] }][] = [
  [[BOTH], { pick: 'websocket', outcome: 'two-way', strength: 'strong', alternatives: ['webrtc'] }],
  // Beyond the seed: upstream traffic needs no open channel, and live media is WebRTC's job, not a message channel's.
  [
    [UPSTREAM],
    { pick: 'batched-posts', outcome: 'client-upload', strength: 'clear', alternatives: ['websocket-upstream'] },
  ],
  [[S2C, MEDIA], { pick: 'webrtc', outcome: 'live-media', strength: 'clear', alternatives: ['hls'] }],
  [[MOSTLY, MEDIA], { pick: 'webrtc', outcome: 'live-media', strength: 'clear', alternatives: ['hls'] }],
  [
    [S2C, BINARY, 'A lot'],
    { pick: 'websocket', outcome: 'binary-push', strength: 'lean', alternatives: ['sse-base64', 'long-polling'] },
  ],
  [[S2C, BINARY, 'Somewhat'], { pick: 'websocket', outcome: 'binary-push', strength: 'clear', alternatives: [] }],
  [
    [S2C, BINARY, 'Not much'],
    { pick: 'websocket', outcome: 'binary-push', strength: 'strong', alternatives: ['webtransport'] },
  ],
  [[S2C, TEXT, 'A lot'], { pick: 'sse', outcome: 'text-push', strength: 'strong', alternatives: [] }],
  [[S2C, TEXT, 'Somewhat'], { pick: 'sse', outcome: 'text-push', strength: 'clear', alternatives: [] }],
  [[S2C, TEXT, 'Not much'], { pick: 'sse', outcome: 'text-push', strength: 'lean', alternatives: ['websocket'] }],
  [
    [MOSTLY, BINARY, 'A lot'],
    { pick: 'websocket', outcome: 'binary-push', strength: 'lean', alternatives: ['sse-base64', 'long-polling'] },
  ],
  [[MOSTLY, BINARY, 'Somewhat'], { pick: 'websocket', outcome: 'binary-push', strength: 'clear', alternatives: [] }],
  [
    [MOSTLY, BINARY, 'Not much'],
    { pick: 'websocket', outcome: 'binary-push', strength: 'strong', alternatives: ['webtransport'] },
  ],
  [[MOSTLY, TEXT, 'A lot'], { pick: 'sse', outcome: 'push-with-rare-posts', strength: 'strong', alternatives: [] }],
  [[MOSTLY, TEXT, 'Somewhat'], { pick: 'sse', outcome: 'push-with-rare-posts', strength: 'clear', alternatives: [] }],
  [
    [MOSTLY, TEXT, 'Not much'],
    { pick: 'sse', outcome: 'push-with-rare-posts', strength: 'lean', alternatives: ['websocket'] },
  ],
];

describe('the decision wizard', () => {
  it('covers every path through the data in the table below', () => {
    expect(allAnswerPaths(websocketVsSse)).toHaveLength(everyPath.length);
  });

  it.each(everyPath)('answers %j lead to the expected verdict', (labels, expected) => {
    const { verdict } = verdictOf(run(...labels));
    expect(verdict.pick.id).toBe(expected.pick);
    expect(verdict.outcomeId).toBe(expected.outcome);
    expect(verdict.strength).toBe(expected.strength);
    expect(verdict.alternatives.map((a) => a.id)).toEqual(expected.alternatives);
    expect(verdict.reasons).toHaveLength(labels.length);
  });

  it('asks three questions with progress, and skips binary and simplicity when data flows both ways', () => {
    const first = advisor.start();
    expect(first).toMatchObject({
      kind: 'question',
      number: 1,
      total: 3,
      question: { prompt: 'Which direction does data flow?' },
    });
    const second = choose(first, S2C);
    expect(second).toMatchObject({ kind: 'question', number: 2, total: 3, question: { id: 'binary' } });
    expect(verdictOf(run(BOTH)).verdict.reasons.map((r) => r.questionId)).toEqual(['direction']);
  });

  it('goes back one question at a time and starts over from anywhere', () => {
    const third = run(S2C, TEXT);
    expect(third).toMatchObject({ number: 3 });
    const back = advisor.resume(third.back);
    expect(back.ok && back.view).toMatchObject({ kind: 'question', number: 2, question: { id: 'binary' } });
    const fromVerdict = advisor.resume(run(S2C, TEXT, 'A lot').back);
    expect(fromVerdict.ok && fromVerdict.view).toMatchObject({ kind: 'question', question: { id: 'simplicity' } });
    expect(advisor.start().back).toBeUndefined();
    const restarted = advisor.resume(run(MOSTLY, BINARY).startOver);
    expect(restarted.ok && restarted.view).toMatchObject({ kind: 'question', number: 1 });
  });

  it('changes one answer while keeping the others, and shows whether the verdict flips', () => {
    const sse = verdictOf(run(S2C, TEXT, 'A lot'));
    const changeBinary = sse.change.find((c) => c.questionId === 'binary');
    const reasked = advisor.resume(changeBinary?.state);
    if (!reasked.ok || reasked.view.kind !== 'question') throw new Error('expected the binary question again');
    expect(reasked.view.options.find((o) => o.current)?.label).toMatch(/^No, text/);
    const flipped = verdictOf(choose(reasked.view, BINARY));
    expect(flipped.verdict.pick.id).toBe('websocket');
    expect(flipped.verdict.reasons.map((r) => r.answer)).toEqual([S2C, 'Yes, binary frames', 'A lot']);
  });

  it('goes back from a changed answer to the verdict it came from', () => {
    const verdict = verdictOf(run(S2C, TEXT, 'Somewhat'));
    const reasked = advisor.resume(verdict.change[0]?.state);
    const back = reasked.ok ? advisor.resume(reasked.view.back) : undefined;
    expect(back?.ok && back.view.kind === 'verdict' && back.view.state).toBe(verdict.state);
  });

  it('changing direction to both ways drops the questions that no longer apply', () => {
    const verdict = verdictOf(run(S2C, BINARY, 'A lot'));
    const reasked = advisor.resume(verdict.change[0]?.state);
    if (!reasked.ok) throw new Error('decodes');
    expect(verdictOf(choose(reasked.view, BOTH)).verdict.reasons).toHaveLength(1);
  });
});

describe('the wizard state in a button value', () => {
  it('round-trips every state the wizard can reach, in under 100 characters', () => {
    const seen: string[] = [];
    const visit = (view: WizardView) => {
      const encoded = view.kind === 'verdict' ? view.state : undefined;
      if (encoded) seen.push(encoded);
      if (view.kind === 'question')
        for (const option of view.options) {
          seen.push(option.next);
          const next = advisor.resume(option.next);
          if (next.ok) visit(next.view);
        }
      else for (const change of view.change) seen.push(change.state);
    };
    visit(advisor.start());
    expect(seen.length).toBeGreaterThan(30);
    for (const value of seen) {
      expect(value.length).toBeLessThan(100);
      const decoded = decodeState(value, comparisons);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(encodeState(websocketVsSse, decoded.state)).toBe(value);
    }
  });

  it.each([
    ['', 'malformed'],
    [42, 'malformed'],
    [null, 'malformed'],
    ['hello', 'malformed'],
    ['1:websocket-vs-sse:0', 'invalid-answers'], // truncated
    ['1:websocket-vs-sse:01', 'invalid-answers'], // truncated
    ['1:websocket-vs-sse:011x', 'invalid-answers'], // one answer too many
    ['1:websocket-vs-sse:0111', 'invalid-answers'], // one answer too many
    ['1:websocket-vs-sse:09-', 'invalid-answers'], // no option 9
    ['1:websocket-vs-sse:4--', 'invalid-answers'], // direction has options 0 to 3
    ['1:websocket-vs-sse:030', 'invalid-answers'], // binary has options 0 to 2
    ['1:websocket-vs-sse:013', 'invalid-answers'], // simplicity has options 0 to 2
    ['1:websocket-vs-sse:020', 'invalid-answers'], // live media skips the simplicity question
    ['1:websocket-vs-sse:3-0', 'invalid-answers'], // client → server skips the other questions
    ['1:websocket-vs-sse:11-', 'invalid-answers'], // both ways skips the binary question
    ['1:websocket-vs-sse:0-1', 'invalid-answers'], // a gap before an answer
    ['1:websocket-vs-sse:011:7', 'invalid-answers'], // re-asks a question that does not exist
    ['1:websocket-vs-sse:0--:1', 'invalid-answers'], // re-asks an unanswered question
    ['2:websocket-vs-sse:011', 'unsupported-version'],
    ['0:websocket-vs-sse:011', 'unsupported-version'],
    ['1:grpc-vs-rest:011', 'unknown-comparison'],
    ['1:websocket-vs-sse:011 ', 'malformed'],
    [`1:websocket-vs-sse:${'0'.repeat(3000)}`, 'malformed'],
  ])('rejects %j as %s, without throwing', (value, code) => {
    const decoded = decodeState(value, comparisons);
    expect(decoded).toMatchObject({ ok: false, error: { code } });
    expect(advisor.resume(value).ok).toBe(false);
  });
});

describe('a quote holding a lone surrogate', () => {
  it('is kept as U+FFFD in the button value, which percent-encoding it whole would have refused', () => {
    const state = {
      comparisonId: websocketVsSse.id,
      answers: { direction: 'server-to-client' },
      text: {
        quotes: { direction: [{ words: 'never \ud800 sends', strength: 'direct' as const }] },
        conditions: {},
        raised: [],
      },
    };
    const decoded = decodeState(encodeState(websocketVsSse, state), comparisons);
    expect(decoded.ok && decoded.state.text?.quotes.direction?.[0]?.words).toBe('never \ufffd sends');
  });
});

describe('a condition the learned classifier supplied', () => {
  const state = {
    comparisonId: websocketVsSse.id,
    answers: { binary: 'live-media' },
    text: {
      quotes: {},
      conditions: { 'broadcast-many': ['a few seconds late'], 'live-media': ['plays along'] },
      learnedConditions: ['live-media'],
      raised: [],
    },
  };

  it('keeps saying it was a guess through a button value, and a value without the mark still decodes as stated', () => {
    const value = encodeState(websocketVsSse, state);
    const decoded = decodeState(value, comparisons);
    expect(decoded.ok && decoded.state.text?.learnedConditions).toEqual(['live-media']);
    expect(decoded.ok && decoded.state.text?.conditions['live-media']).toEqual(['plays along']);
    const stated = decodeState(value.replace(/~g([0-9a-z]{1,2})=/, '~c$1='), comparisons);
    expect(stated.ok && stated.state.text?.learnedConditions).toBeUndefined();
  });

  it('is shown as a guess, and "Not so" drops it with its mark', () => {
    const resumed = advisor.resume(encodeState(websocketVsSse, state));
    if (!resumed.ok) throw new Error(resumed.error.message);
    const conditions = resumed.view.understood?.conditions ?? [];
    expect(conditions.map((c) => [c.id, c.learned === true])).toEqual([
      ['broadcast-many', false],
      ['live-media', true],
    ]);
    const dropped = decodeState(conditions[1]?.drop, comparisons);
    expect(dropped.ok && dropped.state.text?.learnedConditions).toBeUndefined();
    expect(dropped.ok && Object.keys(dropped.state.text?.conditions ?? {})).toEqual(['broadcast-many']);
  });
});

describe('button values issued before the client → server and live media options', () => {
  // Every verdict value the wizard issued before the options were appended (computed from the data at d39c940),
  // with the verdict it showed then. Appending options keeps each index, so each still decodes to the same answers.
  it.each([
    ['000', 'binary-push', 'lean'],
    ['001', 'binary-push', 'clear'],
    ['002', 'binary-push', 'strong'],
    ['010', 'text-push', 'strong'],
    ['011', 'text-push', 'clear'],
    ['012', 'text-push', 'lean'],
    ['1--', 'two-way', 'strong'],
    ['200', 'binary-push', 'lean'],
    ['201', 'binary-push', 'clear'],
    ['202', 'binary-push', 'strong'],
    ['210', 'push-with-rare-posts', 'strong'],
    ['211', 'push-with-rare-posts', 'clear'],
    ['212', 'push-with-rare-posts', 'lean'],
  ])('1:websocket-vs-sse:%s still shows the %s verdict (%s)', (answers, outcome, strength) => {
    const resumed = advisor.resume(`1:websocket-vs-sse:${answers}`);
    if (!resumed.ok) throw new Error(resumed.error.message);
    const { verdict } = verdictOf(resumed.view);
    expect(verdict.outcomeId).toBe(outcome);
    expect(verdict.strength).toBe(strength);
  });

  it('decodes an old value to the same answers, and an old question to the same question and progress', () => {
    expect(decodeState('1:websocket-vs-sse:011', comparisons)).toEqual({
      ok: true,
      state: {
        comparisonId: 'websocket-vs-sse',
        answers: { direction: 'server-to-client', binary: 'no', simplicity: 'somewhat' },
      },
    });
    expect(decodeState('1:websocket-vs-sse:1--', comparisons)).toEqual({
      ok: true,
      state: { comparisonId: 'websocket-vs-sse', answers: { direction: 'both-ways' } },
    });
    const second = advisor.resume('1:websocket-vs-sse:0--');
    expect(second.ok && second.view).toMatchObject({
      kind: 'question',
      number: 2,
      total: 3,
      question: { id: 'binary' },
    });
    const changing = advisor.resume('1:websocket-vs-sse:011:1');
    expect(changing.ok && changing.view).toMatchObject({ kind: 'question', question: { id: 'binary' } });
  });

  it('reaches the new verdicts with the new last options', () => {
    const upstream = advisor.start();
    expect(upstream.kind === 'question' && upstream.options.at(-1)?.id).toBe('client-to-server');
    expect(verdictOf(run(UPSTREAM)).state).toBe('1:websocket-vs-sse:3--');
    const media = run(S2C);
    expect(media.kind === 'question' && media.options.at(-1)?.id).toBe('live-media');
    // Live media needs no simplicity question: progress drops from "of 3" to a verdict after two answers.
    expect(verdictOf(run(S2C, MEDIA)).state).toBe('1:websocket-vs-sse:02-');
  });

  it('says what fits instead of a technology, and keeps the signalling question apart from the media', () => {
    const upstream = verdictOf(run(UPSTREAM)).verdict;
    expect(upstream.pick).toMatchObject({ kind: 'neither', name: 'Batched HTTP POSTs' });
    // Shown as "Verdict: <headline>": it names what fits, not a bare "Neither".
    expect(upstream.headline).toBe(
      'Batched HTTP POSTs, neither a socket nor a stream, for data that flows client → server',
    );
    expect(upstream.pairing).toMatch(/keepalive or navigator\.sendBeacon\(\)/);
    expect(upstream.alternatives[0]?.when).toMatch(/^if the client sends many messages a second/);
    expect(upstream.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['mdn-sendbeacon', 'mdn-fetch-keepalive']),
    );
    const media = verdictOf(run(MOSTLY, MEDIA)).verdict;
    expect(media.pick).toMatchObject({ kind: 'neither', name: 'WebRTC' });
    expect(media.headline).toBe('WebRTC for live audio and video, not a socket (HLS to broadcast to many)');
    expect(media.pairing).toMatch(/a WebSocket, or SSE plus POSTs, for the signalling/);
    expect(media.decidingRows).toEqual([]);
    expect(media.alternatives.map((a) => a.name)).toEqual(['HLS (HTTP Live Streaming)']);
    expect(media.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['mdn-webrtc', 'rfc8216']));
  });
});
