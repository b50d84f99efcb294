/**
 * Free-text advice: a situation in a person's own words mapped to the quick take, situational pick or 'neither'
 * entry that fits, with the words that matched. Concepts (groups of synonyms) and each entry's signals (concepts
 * that must appear together) live in the data. When nothing fits, or the best fits disagree, it says so honestly
 * instead of guessing.
 */
import type { AdviceEntry, Comparison, Dimension, NeitherEntry, Technology } from './schema.js';
import { compilePhrase, PhraseIndex, words } from './text.js';
import { dimensionsById, technology } from './verdict.js';

export type AdviceSource = 'quick-take' | 'situational-pick' | 'neither';

export interface AdviceMatch {
  source: AdviceSource;
  id: string;
  /** The entry's situation, in the data's words. */
  situation: string;
  /** The technology picked, or undefined for a 'neither' entry. */
  pick?: Technology;
  /** For 'neither': the alternative's name. */
  alternative?: string;
  pairing?: string;
  reason: string;
  decidingRows: Dimension[];
  /** The person's words that matched, grouped by concept. */
  matched: string[];
  score: number;
}

export type Advice =
  | { kind: 'match'; best: AdviceMatch /** Other fits that agree with the best. */; alsoMatched: AdviceMatch[] }
  | { kind: 'unsure' /** Fits that disagree with each other; empty when nothing fit. */; candidates: AdviceMatch[] };

interface CompiledEntry {
  source: AdviceSource;
  entry: AdviceEntry | NeitherEntry;
  signals: readonly (readonly string[])[];
}

export interface Matcher {
  comparison: Comparison;
  /** Every concept's phrases, indexed by first word; the value is the concept id. */
  concepts: PhraseIndex<string>;
  entries: readonly CompiledEntry[];
}

/** Compile once per comparison: phrases are split into words up front so each call only scans. */
export function compileMatcher(comparison: Comparison): Matcher {
  const concepts = new PhraseIndex<string>();
  for (const [id, terms] of Object.entries(comparison.matching.concepts)) {
    for (const term of terms) concepts.add(compilePhrase(term), id);
  }
  const entries: CompiledEntry[] = [
    ...comparison.quickTakes.map((entry) => ({ source: 'quick-take' as const, entry, signals: entry.signals })),
    ...comparison.situationalPicks.map((entry) => ({
      source: 'situational-pick' as const,
      entry,
      signals: entry.signals,
    })),
    ...comparison.neither.map((entry) => ({ source: 'neither' as const, entry, signals: entry.signals })),
  ];
  return { comparison, concepts, entries };
}

/** Concept id → the person's words that first showed it. */
function detectConcepts(matcher: Matcher, text: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const { value: concept, match } of matcher.concepts.scan(text)) {
    if (!found.has(concept)) found.set(concept, match.matched);
  }
  return found;
}

function toMatch(comparison: Comparison, compiled: CompiledEntry, matched: string[], score: number): AdviceMatch {
  const { source, entry } = compiled;
  return {
    source,
    id: entry.id,
    situation: 'situation' in entry ? entry.situation : entry.when,
    ...('pick' in entry ? { pick: technology(comparison, entry.pick) } : {}),
    ...('name' in entry ? { alternative: entry.name } : {}),
    ...('pairing' in entry && entry.pairing ? { pairing: entry.pairing } : {}),
    reason: entry.reason,
    decidingRows: 'dimensions' in entry ? dimensionsById(comparison, entry.dimensions) : [],
    matched,
    score,
  };
}

/** An entry by id, as advice with no matched words: what a shared piece of advice re-renders from. */
export function adviceEntry(matcher: Matcher, id: string): AdviceMatch | undefined {
  const compiled = matcher.entries.find((e) => e.entry.id === id);
  return compiled && toMatch(matcher.comparison, compiled, [], 0);
}

/** What the entry recommends, so that fits recommending the same thing do not count as a disagreement. */
function verdictKey(match: AdviceMatch): string {
  return match.pick ? match.pick.id : `neither:${match.id}`;
}

export function advise(matcher: Matcher, situation: string): Advice {
  const text = words(situation);
  const concepts = detectConcepts(matcher, text);
  const matches: AdviceMatch[] = [];
  for (const compiled of matcher.entries) {
    const fitting = compiled.signals.filter((signal) => signal.every((c) => concepts.has(c)));
    if (fitting.length === 0) continue;
    // The most specific signal wins: more concepts in agreement is stronger evidence.
    const best = fitting.reduce((a, b) => (b.length > a.length ? b : a));
    const matchedWords = [...new Set(fitting.flat())].map((c) => concepts.get(c) ?? c);
    matches.push(toMatch(matcher.comparison, compiled, matchedWords, best.length + matchedWords.length / 100));
  }
  if (matches.length === 0) return { kind: 'unsure', candidates: [] };
  matches.sort((a, b) => b.score - a.score);
  const [best, ...rest] = matches as [AdviceMatch, ...AdviceMatch[]];
  const topLevel = Math.floor(best.score);
  const rivals = rest.filter((m) => Math.floor(m.score) === topLevel && verdictKey(m) !== verdictKey(best));
  if (rivals.length > 0) return { kind: 'unsure', candidates: [best, ...rivals] };
  return { kind: 'match', best, alsoMatched: rest.filter((m) => verdictKey(m) === verdictKey(best)) };
}
