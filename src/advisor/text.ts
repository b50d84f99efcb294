/**
 * Word-level matching for situations typed by people: case, punctuation, arrows and extra words must not matter,
 * and a negated phrase ("no binary", "the client doesn't send") must not count as its opposite.
 */

/** Lower-case words with punctuation removed; arrows read as "to", hyphens split words, apostrophes vanish. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/→|->|=>/g, ' to ')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}/*+]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'dont',
  'doesnt',
  'isnt',
  'arent',
  'never',
  'nothing',
  'none',
  'neither',
  'nor',
  'wont',
  'cant',
]);
/** Words allowed between two words of a phrase: "client sends" also matches "client then sends". */
const MAX_GAP = 2;

export interface PhraseMatch {
  /** The person's words that matched, as they appear (normalised). */
  matched: string;
  start: number;
  end: number;
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** Compiled phrase: its words, each exact or a prefix (trailing *). */
export type Phrase = readonly string[];

export function compilePhrase(term: string): Phrase {
  return words(term);
}

/**
 * Finds the phrase in the words, its own words in order with at most MAX_GAP others between them.
 * A match preceded by, or containing, a negating word is ignored, unless the phrase itself says the negation.
 */
export function findPhrase(phrase: Phrase, text: readonly string[]): PhraseMatch | undefined {
  const phraseNegates = phrase.some((p) => NEGATORS.has(p));
  for (let start = 0; start < text.length; start++) {
    if (!wordMatches(phrase[0] ?? '', text[start] ?? '')) continue;
    let at = start;
    let ok = true;
    for (const pattern of phrase.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= Math.min(at + 1 + MAX_GAP, text.length - 1); j++) {
        if (wordMatches(pattern, text[j] ?? '')) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        ok = false;
        break;
      }
      at = next;
    }
    if (!ok) continue;
    const before = text.slice(Math.max(0, start - 2), at + 1);
    if (!phraseNegates && before.some((w) => NEGATORS.has(w))) continue;
    return { matched: text.slice(start, at + 1).join(' '), start, end: at };
  }
  return undefined;
}
