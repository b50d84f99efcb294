/**
 * Words that restate the data: how many questions the wizard asks, a situation to try, the word that looks up
 * a dimension. Drawn from the comparison, so that they stay true when the data changes.
 */
import type { Comparison, Dimension } from '../../advisor/index.js';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "three questions": the most the wizard can ask (an answer can skip a later question). */
export function questionCount(comparison: Comparison): string {
  const n = comparison.wizard.questions.length;
  return `${NUMBER_WORDS[n] ?? n} question${n === 1 ? '' : 's'}`;
}

export function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A situation from the data, as a person would type it ("a live dashboard…"); undefined if the data has none. */
export function exampleSituation(comparison: Comparison): string | undefined {
  const situation = (comparison.situationalPicks[0] ?? comparison.quickTakes[0])?.situation;
  if (!situation) return undefined;
  // Lower-case the first letter of a sentence, not of an acronym ("LLM tokens").
  return /^.[^A-Z]/.test(situation) ? `${situation.charAt(0).toLowerCase()}${situation.slice(1)}` : situation;
}

/** The word that looks a dimension up after the command: its first alias. */
export function lookupWord(dimension: Dimension): string {
  return dimension.aliases[0] ?? dimension.id;
}
