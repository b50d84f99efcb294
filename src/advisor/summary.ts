/**
 * What free text gave, as plain JSON for scripts and the evaluation: each answer with its words and strength, the
 * conditions found, and the verdict or the one question asked.
 */
import type { Reading } from './understand.js';
import type { Quote } from './wizard.js';

interface ViewLike {
  kind: 'question' | 'verdict';
  question?: { id: string; prompt: string; options: readonly { id: string; label: string }[] };
  verdict?: {
    outcomeId: string;
    pick: { kind: 'technology' | 'neither'; id: string; name: string };
    headline: string;
    strength: string;
    conditions: readonly { conditionId: string }[];
  };
  understood?: {
    answers: readonly { questionId: string; answer: string; quotes: readonly Quote[] }[];
    conditions: readonly { id: string; says: string; words: readonly string[] }[];
    setAside?: readonly { id: string; says: string; words: readonly string[] }[];
    outvoted?: readonly { question: string; answer: string; words: readonly string[] }[];
    outvotedDenials?: readonly { says: string; words: readonly string[] }[];
  };
  conflict?: { sides: readonly { optionId: string; words: readonly string[]; learned?: boolean }[] };
}

export interface TextSummary {
  understood: { question: string; answer: string; words: string[]; strength: Quote['strength'] | 'person' }[];
  conditions: { id: string; says: string; words: string[] }[];
  /** Conditions the person's words seemed to state that the learned classifier set aside. */
  setAside?: { id: string; says: string; words: string[] }[];
  /** Domain words that a direct statement outweighed. */
  outweighed: { question: string; option: string; words: string }[];
  /** Direct statements that contradicted another and that the learned classifier's sure pick outvoted. */
  outvoted?: { question: string; answer: string; words: string[] }[];
  /** Words that denied a condition the text also stated, which the learned classifier's sure pick upheld. */
  outvotedDenials?: { says: string; words: string[] }[];
  asked?: {
    question: string;
    prompt: string;
    options: string[];
    conflict?: { option: string; words: string[]; learned?: boolean }[];
  };
  verdict?: {
    pick: string;
    kind: 'technology' | 'neither';
    name: string;
    headline: string;
    strength: string;
    outcome: string;
    conditions: string[];
  };
}

export function summarise(view: ViewLike, reading?: Reading): TextSummary {
  const understood = (view.understood?.answers ?? []).map((a) => ({
    question: a.questionId,
    answer: a.answer,
    words: a.quotes.map((q) => q.words),
    strength: a.quotes[0]?.strength ?? ('person' as const),
  }));
  const conditions = (view.understood?.conditions ?? []).map((c) => ({ id: c.id, says: c.says, words: [...c.words] }));
  const outweighed = Object.entries(reading?.answers ?? {}).flatMap(([question, a]) =>
    a.outweighed.map((o) => ({ question, option: o.option, words: o.words })),
  );
  const setAside = (view.understood?.setAside ?? []).map((c) => ({ id: c.id, says: c.says, words: [...c.words] }));
  const outvoted = (view.understood?.outvoted ?? []).map((o) => ({ ...o, words: [...o.words] }));
  const outvotedDenials = (view.understood?.outvotedDenials ?? []).map((o) => ({ ...o, words: [...o.words] }));
  const summary: TextSummary = {
    understood,
    conditions,
    ...(setAside.length ? { setAside } : {}),
    outweighed,
    ...(outvoted.length ? { outvoted } : {}),
    ...(outvotedDenials.length ? { outvotedDenials } : {}),
  };
  if (view.kind === 'question' && view.question)
    summary.asked = {
      question: view.question.id,
      prompt: view.question.prompt,
      options: view.question.options.map((o) => o.label),
      ...(view.conflict
        ? {
            conflict: view.conflict.sides.map((s) => ({
              option: s.optionId,
              words: [...s.words],
              ...(s.learned ? { learned: true } : {}),
            })),
          }
        : {}),
    };
  if (view.kind === 'verdict' && view.verdict)
    summary.verdict = {
      pick: view.verdict.pick.id,
      kind: view.verdict.pick.kind,
      name: view.verdict.pick.name,
      headline: view.verdict.headline,
      strength: view.verdict.strength,
      outcome: view.verdict.outcomeId,
      conditions: view.verdict.conditions.map((c) => c.conditionId),
    };
  return summary;
}
