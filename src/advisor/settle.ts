/**
 * The wizard's rules applied to partial answers, as free text leaves them: which questions still matter, which
 * one to ask next, and the verdict once nothing that matters is open. One recommendation logic: the outcomes,
 * their order and the conditions all come from the data; a question is skipped only when every way of answering
 * it leads to the same pick.
 */
import type { Comparison, Condition, Outcome, Question } from './schema.js';
import { recommend, type Verdict, withConditions } from './verdict.js';
import { type Answers, applicableQuestions, matchOutcome } from './wizard.js';

function holds(condition: Readonly<Record<string, readonly string[]>> | undefined, answers: Answers): boolean {
  return Object.entries(condition ?? {}).every(([q, options]) => options.includes(answers[q] ?? ''));
}

/** Every complete set of answers that extends these (answers to questions that stop applying are dropped). */
export function completions(comparison: Comparison, answers: Answers): Answers[] {
  const out: Answers[] = [];
  const walk = (current: Answers) => {
    const open = applicableQuestions(comparison, current).find((q) => current[q.id] === undefined);
    if (!open) {
      const applicable = applicableQuestions(comparison, current);
      out.push(Object.fromEntries(applicable.map((q) => [q.id, current[q.id] as string])));
      return;
    }
    for (const option of open.options) walk({ ...current, [open.id]: option.id });
  };
  walk(answers);
  return out;
}

/** The conditions that apply with these answers, in the data's order. */
export function applicableConditions(
  comparison: Comparison,
  answers: Answers,
  conditions: readonly string[],
): string[] {
  return (comparison.understanding?.conditions ?? []).filter((c) => applies(c, answers, conditions)).map((c) => c.id);
}

function applies(condition: Condition, answers: Answers, conditions: readonly string[]): boolean {
  return (
    conditions.includes(condition.id) &&
    holds(condition.when, answers) &&
    (condition.requires ?? []).every((id) => conditions.includes(id))
  );
}

/** What a complete set of answers picks once the conditions apply: a technology or a 'neither' entry id. */
export function pickOf(comparison: Comparison, complete: Answers, conditions: readonly string[]): string {
  const outcome = matchOutcome(comparison, complete) as Outcome; // the loader proves every path has an outcome
  const base = outcome.pick ?? outcome.neither ?? '';
  for (const c of comparison.understanding?.conditions ?? []) {
    if (!c.pick || !applies(c, complete, conditions)) continue;
    if (c.overrides && !c.overrides.includes(base)) continue;
    return 'technology' in c.pick ? c.pick.technology : c.pick.neither;
  }
  return base;
}

/** Every pick these answers can still reach, however the open questions are answered. */
export function reachablePicks(comparison: Comparison, answers: Answers, conditions: readonly string[]): Set<string> {
  return new Set(completions(comparison, answers).map((complete) => pickOf(comparison, complete, conditions)));
}

export type Settled =
  | { kind: 'ask'; question: Question }
  | { kind: 'verdict'; verdict: Verdict; outcome: Outcome; complete: Answers };

/**
 * The next question that matters (in the wizard's order), or the verdict. `raised` questions are asked even when
 * moot, because the person said they hinge on them; `open` questions (a conflict) are asked before their answer
 * is taken.
 */
export function settle(
  comparison: Comparison,
  answers: Answers,
  conditions: readonly string[],
  raised: readonly string[] = [],
): Settled {
  const all = completions(comparison, answers).map((complete) => ({
    complete,
    pick: pickOf(comparison, complete, conditions),
  }));
  const picks = (list: readonly { pick: string }[]) => new Set(list.map((a) => a.pick));
  const decided = picks(all).size === 1;
  for (const question of applicableQuestions(comparison, answers)) {
    if (answers[question.id] !== undefined) continue;
    if (raised.includes(question.id)) return { kind: 'ask', question };
    if (decided) continue;
    // It matters when its options lead to different picks among the ways the other open questions may go.
    const byOption = question.options.map((o) =>
      [...picks(all.filter((a) => a.complete[question.id] === o.id))].join(),
    );
    if (new Set(byOption).size > 1 || all.some((a) => a.complete[question.id] === undefined))
      return { kind: 'ask', question };
  }
  const complete = (all[0] as { complete: Answers }).complete;
  const outcome = matchOutcome(comparison, complete) as Outcome;
  const base = recommend(comparison, answers, { outcome }) as Verdict;
  const verdict = withConditions(comparison, base, applicableConditions(comparison, complete, conditions));
  return { kind: 'verdict', verdict, outcome, complete };
}
