/**
 * A conversation about one case: each new message is read onto what the case already holds, rather than starting
 * over ("we stream LLM tokens to the browser" … "actually the client also sends cursor positions"). What a later
 * message states outweighs an earlier answer where they disagree; an answer it only assumes ("nothing in the text
 * mentions binary data") fills a gap and never overrides one; a question it raises, or points both ways on, is open
 * again; the conditions and quick takes it calls up add to the earlier ones. The wizard's rules then decide, as
 * for any free text.
 */
import type { TextReading } from './free-text.js';
import type { Comparison } from './schema.js';
import { applicableQuestions, type Quote, type WizardState } from './wizard.js';

/** The case `earlier` (a state from the conversation so far) with the reading of one more message folded in. */
export function followUp(comparison: Comparison, earlier: WizardState, next: TextReading): TextReading {
  const { focus: _focus, ...base } = earlier;
  // A message that says nothing the advisor can use leaves the case as it was.
  if (next.reading.findings.length === 0) return { reading: next.reading, conflicts: {}, state: base };
  const said = next.state.text;
  const stated = (questionId: string) => (said?.quotes[questionId] ?? []).some((q) => q.strength !== 'assumed');

  const answers: Record<string, string> = { ...base.answers };
  const quotes: Record<string, readonly Quote[]> = { ...(base.text?.quotes ?? {}) };
  for (const [questionId, option] of Object.entries(next.state.answers)) {
    if (!stated(questionId) && answers[questionId] !== undefined) continue;
    answers[questionId] = option;
    quotes[questionId] = said?.quotes[questionId] ?? [];
  }
  for (const questionId of [...next.reading.raised, ...Object.keys(next.reading.conflicts)]) {
    delete answers[questionId];
    delete quotes[questionId];
  }

  // Only answers to questions that still apply: "both ways" leaves nothing for the binary question.
  const applicable = new Set(applicableQuestions(comparison, answers).map((q) => q.id));
  const kept = Object.fromEntries(Object.entries(answers).filter(([q]) => applicable.has(q)));
  const keptQuotes = Object.fromEntries(Object.entries(quotes).filter(([q]) => kept[q] !== undefined));
  const raised = [...new Set([...(base.text?.raised ?? []), ...(said?.raised ?? [])])].filter(
    (q) => applicable.has(q) && kept[q] === undefined,
  );
  const cites = [...new Set([...(base.text?.cites ?? []), ...(said?.cites ?? [])])];
  return {
    reading: next.reading,
    conflicts: Object.fromEntries(Object.entries(next.conflicts).filter(([q]) => applicable.has(q))),
    state: {
      comparisonId: base.comparisonId,
      answers: kept,
      text: {
        quotes: keptQuotes,
        conditions: { ...(base.text?.conditions ?? {}), ...(said?.conditions ?? {}) },
        raised,
        ...(cites.length ? { cites } : {}),
      },
    },
  };
}
