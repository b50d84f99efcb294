/**
 * A past decision, looked at again: the pick that was shared, and its reasons re-rendered from the stored answers
 * under today's rules. Where the data has changed since (another data version) and the same answers now lead to
 * another pick, it says so, with what the rules say now. Plain values in, plain values out: the decision log and
 * its views live in src/slack and src/store.
 */
import { createHash } from 'node:crypto';
import type { AdviceMatch } from './advise.js';
import type { Comparison } from './schema.js';
import type { Verdict } from './verdict.js';

/**
 * The version of a comparison's data a verdict is decided under: the date the data says it was updated, and a
 * short hash of the whole comparison, so that an edit that forgot to move the date still counts as a change.
 */
export function dataVersion(comparison: Comparison): string {
  const hash = createHash('sha256').update(JSON.stringify(comparison)).digest('hex').slice(0, 8);
  return `${comparison.updated}+${hash}`;
}

/** What was stored: the answers as shared (a wizard state, or `advice:<comparison>:<entry>`), its pick, its version. */
export interface StoredDecision {
  answers: string;
  pick: string;
  dataVersion: string;
}

export interface PickName {
  id: string;
  name: string;
}

export interface RevisitReason {
  /** The question and the answer given, for a wizard's reason; absent for a piece of advice. */
  question?: string;
  answer?: string;
  because: string;
}

export interface Revisited {
  /** The pick that was shared, by today's name (its stored id where the data no longer has it). */
  shared: PickName;
  /** The reasons, re-rendered from the stored answers under today's rules; none when they cannot be read. */
  reasons: RevisitReason[];
  /** The rules have changed since, and the same answers now lead elsewhere: what they say now. */
  now?: { pick: PickName; headline: string };
  /** Why the answers could not be read under today's rules (a question or an entry removed since). */
  unreadable?: string;
}

/** What the advisor offers revisit: reading a state or an advice entry back, as a share button would. */
export interface RevisitSource {
  comparisons: readonly Comparison[];
  resume(
    encoded: unknown,
  ): { ok: true; view: { kind: string; verdict?: Verdict } } | { ok: false; error: { message: string } };
  entry(id: string, comparisonId?: string): AdviceMatch | undefined;
}

const ADVICE = /^advice:([a-z0-9][a-z0-9-]{0,63}):([a-z0-9][a-z0-9-]{0,63})$/;

/** A pick's name in any comparison: a technology, or a 'neither' entry. */
function nameOf(comparisons: readonly Comparison[], id: string): string {
  for (const c of comparisons) {
    const found = c.technologies.find((t) => t.id === id) ?? c.neither.find((n) => n.id === id);
    if (found) return 'shortName' in found ? found.shortName : found.name;
  }
  return id;
}

export function revisit(source: RevisitSource, decision: StoredDecision): Revisited {
  const { comparisons } = source;
  const shared = { id: decision.pick, name: nameOf(comparisons, decision.pick) };
  const unreadable = (why: string): Revisited => ({ shared, reasons: [], unreadable: why });
  const versionOf = (comparisonId: string) => {
    const c = comparisons.find((x) => x.id === comparisonId);
    return c ? dataVersion(c) : undefined;
  };

  const advice = ADVICE.exec(decision.answers);
  if (advice) {
    const [, comparisonId = '', entryId = ''] = advice;
    if (!comparisons.some((c) => c.id === comparisonId)) return unreadable('its comparison is no longer in the data');
    const match = source.entry(entryId, comparisonId);
    if (!match) return unreadable('its piece of advice is no longer in the data');
    const pickNow = match.pick?.id ?? match.id;
    const changed = versionOf(comparisonId) !== decision.dataVersion && pickNow !== decision.pick;
    return {
      shared,
      reasons: [{ because: match.reason }],
      ...(changed
        ? {
            now: {
              pick: { id: pickNow, name: match.pick?.shortName ?? match.alternative ?? pickNow },
              headline: match.situation,
            },
          }
        : {}),
    };
  }

  const resumed = source.resume(decision.answers);
  if (!resumed.ok) return unreadable(`its answers no longer fit the wizard (${resumed.error.message})`);
  const { verdict } = resumed.view;
  if (resumed.view.kind !== 'verdict' || !verdict) return unreadable('its answers no longer reach a verdict');
  const changed = versionOf(verdict.comparisonId) !== decision.dataVersion && verdict.pick.id !== decision.pick;
  return {
    shared,
    reasons: [
      ...verdict.conditions.flatMap((c) => (c.because ? [{ because: c.because }] : [])),
      ...verdict.reasons.map((r) => ({ question: r.question, answer: r.answer, because: r.because })),
    ],
    ...(changed
      ? { now: { pick: { id: verdict.pick.id, name: verdict.pick.shortName }, headline: verdict.headline } }
      : {}),
  };
}
