/**
 * The wizard's rules applied to partial answers, as free text leaves them: which questions still matter, which
 * one to ask next, and the verdict once nothing that matters is open. One recommendation logic: the outcomes,
 * their order and the conditions all come from the data; a question is skipped only when every way of answering
 * it leads to the same pick.
 */
import type { Comparison, Condition, Outcome, Question } from './schema.js';
import { type Alternative, recommend, type Verdict, verdictPick, withConditions } from './verdict.js';
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

/** The pick a condition leads to, by id (a technology or a 'neither' entry), or undefined for a caveat. */
export function conditionPickId(condition: Condition): string | undefined {
  if (!condition.pick) return undefined;
  return 'technology' in condition.pick ? condition.pick.technology : condition.pick.neither;
}

/**
 * The conditions that decide whatever the verdict because the person left open the questions they name
 * (`decidesWhenOpen`): "the firewall drops websockets" with no word of which way the data flows.
 */
export function decidingWhenOpen(comparison: Comparison, given: Answers, conditions: readonly string[]): Set<string> {
  const deciding = (comparison.understanding?.conditions ?? []).filter(
    (c) => c.decidesWhenOpen && conditions.includes(c.id) && c.decidesWhenOpen.every((q) => given[q] === undefined),
  );
  return new Set(deciding.map((c) => c.id));
}

/**
 * What a complete set of answers picks once the conditions apply: a technology or a 'neither' entry id. `deciding`
 * conditions apply whatever the wizard's own verdict (see decidingWhenOpen).
 */
export function pickOf(
  comparison: Comparison,
  complete: Answers,
  conditions: readonly string[],
  deciding: ReadonlySet<string> = new Set(),
): string {
  const outcome = matchOutcome(comparison, complete) as Outcome; // the loader proves every path has an outcome
  const base = outcome.pick ?? outcome.neither ?? '';
  const applying = (comparison.understanding?.conditions ?? []).filter(
    (c) => c.pick && applies(c, complete, conditions),
  );
  // A deciding condition comes after every condition that applies in its own right: "without head of line blocking"
  // still picks WebTransport beside a WebSocket the person is done with.
  const chosen =
    applying.find((c) => !c.overrides || c.overrides.includes(base)) ?? applying.find((c) => deciding.has(c.id));
  return (chosen && conditionPickId(chosen)) ?? base;
}

/** Every pick these answers can still reach, however the open questions are answered. */
export function reachablePicks(comparison: Comparison, answers: Answers, conditions: readonly string[]): Set<string> {
  const deciding = decidingWhenOpen(comparison, answers, conditions);
  return new Set(
    completions(comparison, answers).map((complete) => pickOf(comparison, complete, conditions, deciding)),
  );
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
  const deciding = decidingWhenOpen(comparison, answers, conditions);
  const all = completions(comparison, answers).map((complete) => ({
    complete,
    pick: pickOf(comparison, complete, conditions, deciding),
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
  // A deciding condition explains its verdict from a way of answering that it overrides in its own right (a
  // WebSocket the network will not carry), not from one where it applies only because the question was left open.
  const natural = all.find((a) => pickOf(comparison, a.complete, conditions) === a.pick);
  const complete = (natural ?? (all[0] as { complete: Answers })).complete;
  const outcome = matchOutcome(comparison, complete) as Outcome;
  const base = recommend(comparison, answers, { outcome }) as Verdict;
  const verdict = withConditions(comparison, base, applicableConditions(comparison, complete, conditions));
  if (deciding.size === 0 || !natural) return { kind: 'verdict', verdict, outcome, complete };
  return {
    kind: 'verdict',
    verdict: {
      ...verdict,
      alternatives: openAlternatives(comparison, answers, conditions, verdict, { verdict: base, complete }),
    },
    outcome,
    complete,
  };
}

/**
 * A verdict a condition decided with questions left open offers, for each answer the person did not give, what
 * the wizard gives for it: "WebSocket if both ways: …" would read as if the person had said so, and one-way data
 * may need no WebSocket at all.
 */
function openAlternatives(
  comparison: Comparison,
  given: Answers,
  conditions: readonly string[],
  verdict: Verdict,
  overridden: { verdict: Verdict; complete: Answers },
): Alternative[] {
  const open = applicableQuestions(comparison, given).filter((q) => given[q.id] === undefined);
  const byAnswer: Alternative[] = [];
  for (const question of open)
    for (const option of question.options) {
      const answered = { ...given, [question.id]: option.id };
      const complete = completions(comparison, answered)[0] ?? answered;
      const outcome = matchOutcome(comparison, complete);
      // What that answer would pick with the conditions still holding: both ways, the WebSocket stays blocked.
      const pick = pickOf(comparison, complete, conditions);
      if (!outcome || pick !== (outcome.pick ?? outcome.neither)) continue;
      if (pick === verdict.pick.id || byAnswer.some((a) => a.id === pick)) continue;
      byAnswer.push({
        id: pick,
        name: verdictPick(comparison, outcome).pick.name,
        when: `if ${question.topic?.toLowerCase() ?? question.id}: ${option.label}`,
        reason: `For that answer the wizard gives ${outcome.headline}.`,
      });
    }
  // The wizard's own pick for the answers the condition overrode was never the person's answer: it is said as one.
  const assumed = open
    .map((q) => q.options.find((o) => o.id === overridden.complete[q.id])?.label)
    .filter((label) => label !== undefined);
  const others = verdict.alternatives
    .filter((a) => !byAnswer.some((b) => b.id === a.id))
    .map((a) =>
      a.id === overridden.verdict.pick.id
        ? {
            ...a,
            reason: `Were the answer "${assumed.join('", "')}", the wizard gives ${overridden.verdict.headline}.`,
          }
        : a,
    );
  return [...byAnswer, ...others];
}
