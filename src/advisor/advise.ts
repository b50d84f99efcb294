/**
 * One piece of advice by id: a quick take, situational pick or 'neither' entry, as Share buttons issued before free
 * text answered the wizard name it (`advice:<comparison>:<entry>`). Free text itself goes through the wizard's rules
 * (src/advisor/free-text.ts); this only re-renders what such a button names, and what a verdict cites.
 */
import type { Comparison, Dimension, Technology } from './schema.js';
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
}

/** An entry by id, as advice: what a shared piece of advice re-renders from. */
export function adviceEntry(comparison: Comparison, id: string): AdviceMatch | undefined {
  const take = comparison.quickTakes.find((e) => e.id === id);
  const pick = take ? undefined : comparison.situationalPicks.find((e) => e.id === id);
  const entry = take ?? pick;
  if (entry)
    return {
      source: take ? 'quick-take' : 'situational-pick',
      id: entry.id,
      situation: entry.situation,
      pick: technology(comparison, entry.pick),
      ...(entry.pairing ? { pairing: entry.pairing } : {}),
      reason: entry.reason,
      decidingRows: dimensionsById(comparison, entry.dimensions),
    };
  const neither = comparison.neither.find((e) => e.id === id);
  return (
    neither && {
      source: 'neither',
      id: neither.id,
      situation: neither.when,
      alternative: neither.name,
      reason: neither.reason,
      decidingRows: [],
    }
  );
}
