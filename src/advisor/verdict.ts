/**
 * Turns complete wizard answers into a verdict that explains itself: the pick, how decisive it is, one sentence
 * per answer, the scorecard rows that decided it, the caveats that apply and the alternatives worth a look.
 * Every piece of text comes from the data, so the verdict can only say what the sources say.
 */
import type {
  Caveat,
  Comparison,
  Condition,
  Dimension,
  NeitherEntry,
  Outcome,
  Strength,
  Technology,
} from './schema.js';
import { type Answers, applicableQuestions, matchOutcome } from './wizard.js';

export interface AnswerReason {
  questionId: string;
  question: string;
  /** What the question is about ("Direction"), for a line that names it beside the answer. */
  topic: string;
  answer: string;
  /** How this answer moved the verdict. */
  because: string;
}

export interface Alternative {
  id: string;
  name: string;
  /** When it is worth a look, as a condition: "if a fallback must work on the most restrictive networks". */
  when: string;
  reason: string;
}

export interface Source {
  id: string;
  title: string;
  url: string;
}

/** What a verdict recommends: one of the compared technologies, or a 'neither' entry when the answers call for it. */
export interface VerdictPick {
  kind: 'technology' | 'neither';
  /** A technology id, or a 'neither' entry id. */
  id: string;
  name: string;
  shortName: string;
  /** One or two sentences on what the pick is. */
  summary: string;
}

/** Something the person said beyond the wizard's questions that shaped the verdict (from free text). */
export interface ConditionReason {
  conditionId: string;
  says: string;
  /** Why it changes the verdict, when it does. */
  because?: string;
}

export interface Verdict {
  comparisonId: string;
  outcomeId: string;
  pick: VerdictPick;
  /** Conditions from free text: one that overrides the pick comes first; the others make caveats pressing. */
  conditions: ConditionReason[];
  /** What the pick is best combined with, e.g. "SSE for the stream, plus ordinary POSTs…". */
  pairing?: string;
  headline: string;
  strength: Strength;
  /** The one reason that decided it: the line of the answer the outcome turns on, or the overriding condition's. */
  decisive: string;
  reasons: AnswerReason[];
  decidingRows: Dimension[];
  caveats: Caveat[];
  alternatives: Alternative[];
  /** The two or three sources that support this verdict: the outcome's, then the deciding rows'. */
  sources: Source[];
}

/** How many sources a verdict cites; every source is listed in the scorecard. */
export const VERDICT_SOURCES_MAX = 3;

export function technology(comparison: Comparison, id: string): Technology {
  const found = comparison.technologies.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown technology ${id}`); // the schema checks every reference
  return found;
}

/** Who has the edge on a scorecard row, in the one wording every surface uses: "edge: SSE", "edge: it depends". */
export function edgeLabel(comparison: Comparison, dimension: Dimension): string {
  if (dimension.edge === 'depends') return 'edge: it depends';
  return `edge: ${comparison.technologies.find((t) => t.id === dimension.edge)?.shortName ?? dimension.edge}`;
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
    if (neither) return { id, name: neither.name, when: neither.when, reason: neither.reason };
  } else if (entry) {
    return { id, name: entry.name, when: entry.when, reason: entry.reason };
  }
  throw new Error(`Unknown alternative ${id}`);
}

export function verdictPick(comparison: Comparison, outcome: Outcome): { pick: VerdictPick; sources: string[] } {
  if (outcome.pick !== undefined) {
    const t = technology(comparison, outcome.pick);
    return {
      pick: { kind: 'technology', id: t.id, name: t.name, shortName: t.shortName, summary: t.summary },
      sources: t.sources,
    };
  }
  const n = neitherEntry(comparison, outcome.neither ?? '');
  return {
    pick: { kind: 'neither', id: n.id, name: n.name, shortName: n.name, summary: n.reason },
    sources: n.sources,
  };
}

export function neitherEntry(comparison: Comparison, id: string): NeitherEntry {
  const found = comparison.neither.find((n) => n.id === id);
  if (!found) throw new Error(`Unknown neither entry ${id}`); // the schema checks every reference
  return found;
}

/** The first few sources of these ids, in the order given, each once. */
function citedSources(comparison: Comparison, ids: readonly string[]): Source[] {
  return [...new Set(ids)].slice(0, VERDICT_SOURCES_MAX).flatMap((id) => comparison.sources.filter((s) => s.id === id));
}

/**
 * Undefined while the answers are incomplete. With `settled`, questions may stay open when every way of answering
 * them reaches the same outcome (free text settles what matters and leaves the rest): the open ones give no
 * reason and tune nothing.
 */
export function recommend(
  comparison: Comparison,
  answers: Answers,
  settled?: { outcome: Outcome },
): Verdict | undefined {
  const questions = applicableQuestions(comparison, answers).filter((q) => !settled || answers[q.id] !== undefined);
  if (questions.some((q) => answers[q.id] === undefined)) return undefined;
  const outcome = settled?.outcome ?? matchOutcome(comparison, answers);
  if (!outcome) return undefined;

  const tuningAnswer = outcome.tunedBy ? answers[outcome.tunedBy] : undefined;
  const tuning = tuningAnswer ? outcome.byAnswer?.[tuningAnswer] : undefined;

  const reasons = questions.map((question): AnswerReason => {
    const option = question.options.find((o) => o.id === answers[question.id]);
    if (!option) throw new Error(`Unknown option for ${question.id}`);
    const because =
      question.id === outcome.tunedBy && tuning?.note
        ? tuning.note
        : (outcome.because?.[question.id]?.[option.id] ?? option.because);
    return {
      questionId: question.id,
      question: question.prompt,
      topic: question.topic ?? question.prompt,
      answer: option.label,
      because,
    };
  });
  // The outcome turns on the answers its condition names: the first of them is the reason that decided it.
  const turnsOn = Object.keys(outcome.when);
  const decisive = (reasons.find((r) => turnsOn.includes(r.questionId)) ?? reasons[0])?.because ?? outcome.headline;

  const pickId = outcome.pick ?? outcome.neither ?? '';
  const caveats = comparison.caveats.filter(
    (c) =>
      c.showWhen.pick.includes(pickId) &&
      Object.entries(c.showWhen.answers ?? {}).every(([q, options]) => options.includes(answers[q] ?? '')),
  );
  const alternatives = [...new Set([...(outcome.alternatives ?? []), ...(tuning?.alternatives ?? [])])].map((id) =>
    alternativeById(comparison, id),
  );
  const decidingRows = dimensionsById(comparison, outcome.decidedBy);
  const { pick, sources: pickSources } = verdictPick(comparison, outcome);
  const sourceIds = [...(outcome.sources ?? []), ...decidingRows.flatMap((d) => d.sources), ...pickSources];

  return {
    comparisonId: comparison.id,
    outcomeId: outcome.id,
    pick,
    conditions: [],
    ...(outcome.pairing ? { pairing: outcome.pairing } : {}),
    headline: outcome.headline,
    strength: tuning?.strength ?? outcome.strength,
    decisive,
    reasons,
    decidingRows,
    caveats,
    alternatives,
    sources: citedSources(comparison, sourceIds),
  };
}

/** The pick a condition leads to, or undefined when it leaves the pick as it is. */
export function conditionPick(comparison: Comparison, condition: Condition): VerdictPick | undefined {
  if (!condition.pick) return undefined;
  if ('technology' in condition.pick) {
    const t = technology(comparison, condition.pick.technology);
    return { kind: 'technology', id: t.id, name: t.name, shortName: t.shortName, summary: t.summary };
  }
  const n = neitherEntry(comparison, condition.pick.neither);
  return { kind: 'neither', id: n.id, name: n.name, shortName: n.name, summary: n.reason };
}

/**
 * The verdict once the conditions found in free text are applied, in the data's order: the first one that changes
 * the pick (as the seed's "when to pick neither" says) replaces it, and the wizard's own pick is kept as an
 * alternative; the others only bring their caveats forward.
 */
export function withConditions(comparison: Comparison, verdict: Verdict, conditionIds: readonly string[]): Verdict {
  const held = (comparison.understanding?.conditions ?? []).filter((c) => conditionIds.includes(c.id));
  if (held.length === 0) return verdict;
  const overriding = held.find((c) => overrides(c, verdict.pick.id));
  const notes = held.filter((c) => c !== overriding);
  const notesReasons = notes.map((c): ConditionReason => ({ conditionId: c.id, says: c.says }));
  const pressing = new Set(notes.flatMap((c) => c.caveats ?? []));
  if (!overriding) {
    const caveats = [
      ...verdict.caveats.filter((c) => pressing.has(c.id)),
      ...verdict.caveats.filter((c) => !pressing.has(c.id)),
    ];
    return { ...verdict, conditions: notesReasons, caveats };
  }
  const pick = conditionPick(comparison, overriding) as VerdictPick;
  const caveats = comparison.caveats.filter((c) => c.showWhen.pick.includes(pick.id));
  const alternatives: Alternative[] = [
    {
      id: verdict.pick.id,
      name: verdict.pick.name,
      when: 'if that does not hold',
      reason: `The answers alone give ${verdict.headline}.`,
    },
    ...verdict.alternatives.filter((a) => a.id !== pick.id && a.name !== pick.name),
  ];
  const sourceIds = [...(overriding.sources ?? []), ...verdict.sources.map((s) => s.id)];
  const { pairing: _pairing, ...rest } = verdict;
  return {
    ...rest,
    pick,
    headline: overriding.headline ?? pick.name,
    strength: 'clear',
    decisive: overriding.because ?? overriding.says,
    conditions: [
      {
        conditionId: overriding.id,
        says: overriding.says,
        ...(overriding.because ? { because: overriding.because } : {}),
      },
      ...notesReasons,
    ],
    decidingRows: [],
    caveats,
    alternatives,
    sources: citedSources(comparison, sourceIds),
  };
}

function overrides(condition: Condition, pickId: string): boolean {
  return Boolean(condition.pick) && (!condition.overrides || condition.overrides.includes(pickId));
}
