/**
 * A conversation about one case (the assistant panel's follow-ups): each message read onto the case so far, a later
 * statement outweighing an earlier answer, an assumption never overriding one, a raised question open again.
 */
import { describe, expect, it } from 'vitest';
import type { TextView, VerdictView } from '../../src/advisor/index.js';
import { advisor } from './helpers.js';

const TOKENS = 'we stream LLM tokens to the browser, nothing goes back';
const CURSORS = 'actually the client also sends cursor positions';

const pick = ({ view }: TextView) => (view.kind === 'verdict' ? view.verdict.pick.id : `ask:${view.question.id}`);
/** Each understood answer as `question: answer`, the way a person reads them. */
const answers = ({ view }: TextView) => (view.understood?.answers ?? []).map((a) => `${a.questionId}: ${a.answer}`);
/** The words behind one understood answer. */
const wordsFor = ({ view }: TextView, questionId: string) =>
  (view.understood?.answers ?? []).find((a) => a.questionId === questionId)?.quotes.map((q) => q.words) ?? [];
const verdictOf = (view: TextView['view']) => {
  if (view.kind !== 'verdict') throw new Error(`expected a verdict, got the question ${view.question.id}`);
  return view as VerdictView;
};

describe('advisor.refine', () => {
  it('reads one message as understand() does', () => {
    expect(pick(advisor.refine([TOKENS]))).toBe(pick(advisor.understand(TOKENS)));
    expect(advisor.refine([TOKENS]).view.understood).toEqual(advisor.understand(TOKENS).view.understood);
  });

  it('lets a later statement outweigh an earlier one: "actually the client also sends cursor positions"', () => {
    expect(pick(advisor.refine([TOKENS]))).toBe('sse');
    const both = advisor.refine([TOKENS, CURSORS]);
    expect(pick(both)).toBe('websocket');
    expect(answers(both)).toEqual(['direction: Both ways: the client also sends often, with low latency']);
    expect(wordsFor(both, 'direction').join(' ')).toMatch(/client also sends/);
    // Read together as one text, the two statements are a conflict to ask about instead.
    expect(pick(advisor.understand(`${TOKENS}. ${CURSORS}`))).toBe('ask:direction');
  });

  it('keeps what the later message leaves alone, and adds what it says', () => {
    const refined = advisor.refine(['a live dashboard of order status', 'we also send raw jpeg bytes']);
    expect(answers(refined)).toEqual(['direction: Server → client only', 'binary: Yes, binary frames']);
    expect(wordsFor(refined, 'direction').join(' ')).toMatch(/dashboard/);
    expect(wordsFor(refined, 'binary').join(' ')).toMatch(/jpeg/);
    expect(pick(refined)).toBe('websocket');
  });

  it('never lets an assumption override an answer: the earlier one stays', () => {
    // The person said binary; the follow-up is silent on it, so the reader assumes text, which must not win.
    const refined = advisor.refine(['a live dashboard, we push raw jpeg bytes', 'it also has to work through proxies']);
    expect(answers(refined)).toContain('binary: Yes, binary frames');
    expect(wordsFor(refined, 'binary').join(' ')).toMatch(/jpeg/);
  });

  it('starts from the answers a verdict carries, those given by button included', () => {
    // Run the wizard by button: server to client, binary frames, simplicity matters a lot.
    let view = advisor.start();
    for (const option of ['server-to-client', 'yes', 'a-lot']) {
      if (view.kind !== 'question') throw new Error('expected a question');
      const chosen = view.options.find((o) => o.id === option);
      if (!chosen) throw new Error(`no option ${option}`);
      const next = advisor.resume(chosen.next);
      if (!next.ok) throw new Error(next.error.message);
      view = next.view;
    }
    const verdict = verdictOf(view);
    expect(verdict.verdict.pick.id).toBe('websocket');
    // A follow-up about the direction keeps the binary answer given by button.
    const refined = advisor.refine(['it is a live dashboard of order status'], verdict.state);
    expect(refined.reading.findings.length).toBeGreaterThan(0);
    expect(answers(refined)).toEqual(expect.arrayContaining([expect.stringMatching(/^binary: Yes/)]));
    expect(pick(refined)).toBe('websocket');
  });

  it('leaves the case as it was for a message that says nothing it can use', () => {
    const earlier = verdictOf(advisor.refine([TOKENS]).view);
    const after = advisor.refine(['thanks, that helps'], earlier.state);
    expect(after.reading.findings).toEqual([]);
    expect(verdictOf(after.view).state).toBe(earlier.state);
  });

  it('asks again what a later message points both ways on', () => {
    const refined = advisor.refine([TOKENS, `${CURSORS}, but mostly nothing goes back`]);
    expect(pick(refined)).toBe('ask:direction');
    expect(refined.view.kind === 'question' && refined.view.conflict?.sides.length).toBe(2);
  });

  it('ignores an earlier state that does not decode, and reads the messages alone', () => {
    expect(pick(advisor.refine([CURSORS], '9:tampered'))).toBe(pick(advisor.understand(CURSORS)));
  });

  it('with no messages and no earlier case, is the wizard’s first question', () => {
    expect(pick(advisor.refine([]))).toBe('ask:direction');
  });
});

describe('"start over" is a keyword', () => {
  it.each(['start over', 'Start over!', 'start again', 'restart'])('%s starts the wizard afresh', (text) => {
    expect(advisor.reply(text).kind).toBe('wizard');
  });
});
