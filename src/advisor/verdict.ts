/**
 * Turns complete wizard answers into a verdict that explains itself: the pick, how decisive it is, one sentence
 * per answer, the scorecard rows that decided it, the caveats that apply and the alternatives worth a look.
 * Every piece of text comes from the data, so the verdict can only say what the sources say.
 */
import type { Caveat, Comparison, Dimension, Strength, Technology } from './schema.js';
import { type Answers, applicableQuestions, matchOutcome } from './wizard.js';

export interface AnswerReason {
  questionId: string;
  question: string;
  answer: string;
  /** How this answer moved the verdict. */
  because: string;
}

export interface Alternative {
  id: string;
  name: string;
  reason: string;
}

export interface Source {
  id: string;
  title: string;
  url: string;
}

export interface Verdict {
  comparisonId: string;
  outcomeId: string;
  pick: Technology;
  /** What the pick is best combined with, e.g. "SSE for the stream, plus ordinary POSTs…". */
  pairing?: string;
  headline: string;
  strength: Strength;
  reasons: AnswerReason[];
  decidingRows: Dimension[];
  caveats: Caveat[];
  alternatives: Alternative[];
  sources: Source[];
}

export function technology(comparison: Comparison, id: string): Technology {
  const found = comparison.technologies.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown technology ${id}`); // the schema checks every reference
  return found;
}

export function dimensionsById(comparison: Comparison, ids: readonly string[]): Dimension[] {
  return ids.flatMap((id) => comparison.dimensions.filter((d) => d.id === id));
}

export function sourcesById(comparison: Comparison, ids: Iterable<string>): Source[] {
  const wanted = new Set(ids);
  return comparison.sources.filter((s) => wanted.has(s.id));
}

function alternativeById(comparison: Comparison, id: string): Alternative {
  const entry = comparison.wizard.alternatives.find((a) => a.id === id);
  if (entry && 'neither' in entry) {
    const neither = comparison.neither.find((n) => n.id === entry.neither);
    if (neither) return { id, name: neither.name, reason: `${neither.when}. ${neither.reason}` };
  } else if (entry) {
    return { id, name: entry.name, reason: entry.reason };
  }
  throw new Error(`Unknown alternative ${id}`);
}

/** Undefined while the answers are incomplete. */
export function recommend(comparison: Comparison, answers: Answers): Verdict | undefined {
  const questions = applicableQuestions(comparison, answers);
  if (questions.some((q) => answers[q.id] === undefined)) return undefined;
  const outcome = matchOutcome(comparison, answers);
  if (!outcome) return undefined;

  const tuningAnswer = outcome.tunedBy ? answers[outcome.tunedBy] : undefined;
  const tuning = tuningAnswer ? outcome.byAnswer?.[tuningAnswer] : undefined;

  const reasons = questions.map((question): AnswerReason => {
    const option = question.options.find((o) => o.id === answers[question.id]);
    if (!option) throw new Error(`Unknown option for ${question.id}`);
    const because = question.id === outcome.tunedBy && tuning?.note ? tuning.note : option.because;
    return { questionId: question.id, question: question.prompt, answer: option.label, because };
  });

  const caveats = comparison.caveats.filter(
    (c) =>
      c.showWhen.pick.includes(outcome.pick) &&
      Object.entries(c.showWhen.answers ?? {}).every(([q, options]) => options.includes(answers[q] ?? '')),
  );
  const alternatives = (tuning?.alternatives ?? []).map((id) => alternativeById(comparison, id));
  const decidingRows = dimensionsById(comparison, outcome.decidedBy);
  const pick = technology(comparison, outcome.pick);
  const sourceIds = [...pick.sources, ...decidingRows.flatMap((d) => d.sources), ...caveats.flatMap((c) => c.sources)];

  return {
    comparisonId: comparison.id,
    outcomeId: outcome.id,
    pick,
    ...(outcome.pairing ? { pairing: outcome.pairing } : {}),
    headline: outcome.headline,
    strength: tuning?.strength ?? outcome.strength,
    reasons,
    decidingRows,
    caveats,
    alternatives,
    sources: sourcesById(comparison, sourceIds),
  };
}
