/**
 * One piece of advice by id: a quick take, situational pick or 'neither' entry, as Share buttons issued before free
 * text answered the wizard name it (`advice:<comparison>:<entry>`). Free text itself goes through the wizard's rules
 * (src/advisor/free-text.ts); this only re-renders what such a button names.
 */
import type { AdviceEntry, Comparison, Dimension, NeitherEntry, Technology } from './schema.js';
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

interface CompiledEntry {
  source: AdviceSource;
  entry: AdviceEntry | NeitherEntry;
  signals: readonly (readonly string[])[];
}

export interface Matcher {
  comparison: Comparison;
  entries: readonly CompiledEntry[];
}

export function compileMatcher(comparison: Comparison): Matcher {
  const entries: CompiledEntry[] = [
    ...comparison.quickTakes.map((entry) => ({ source: 'quick-take' as const, entry, signals: entry.signals })),
    ...comparison.situationalPicks.map((entry) => ({
      source: 'situational-pick' as const,
      entry,
      signals: entry.signals,
    })),
    ...comparison.neither.map((entry) => ({ source: 'neither' as const, entry, signals: entry.signals })),
  ];
  return { comparison, entries };
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
