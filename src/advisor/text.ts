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
 * Matches the phrase starting at `start`: its own words in order with at most MAX_GAP others between them.
 * A match preceded by, or containing, a negating word is ignored, unless the phrase itself says the negation.
 */
export function matchPhraseAt(phrase: Phrase, text: readonly string[], start: number): PhraseMatch | undefined {
  if (!wordMatches(phrase[0] ?? '', text[start] ?? '')) return undefined;
  let at = start;
  for (const pattern of phrase.slice(1)) {
    let next = -1;
    for (let j = at + 1; j <= Math.min(at + 1 + MAX_GAP, text.length - 1); j++) {
      if (wordMatches(pattern, text[j] ?? '')) {
        next = j;
        break;
      }
    }
    if (next < 0) return undefined;
    at = next;
  }
  const negates = (w: string) => NEGATORS.has(w);
  if (!phrase.some(negates) && text.slice(Math.max(0, start - 2), at + 1).some(negates)) return undefined;
  return { matched: text.slice(start, at + 1).join(' '), start, end: at };
}

/** Phrases indexed by their first word, so a scan only tries the phrases that can start at each word. */
export class PhraseIndex<T> {
  private readonly exact = new Map<string, { phrase: Phrase; value: T }[]>();
  private readonly prefixed: { prefix: string; phrase: Phrase; value: T }[] = [];

  add(phrase: Phrase, value: T): void {
    const first = phrase[0];
    if (first === undefined) return;
    if (first.endsWith('*')) this.prefixed.push({ prefix: first.slice(0, -1), phrase, value });
    else this.exact.set(first, [...(this.exact.get(first) ?? []), { phrase, value }]);
  }

  /** Every (value, match) found in the words, in text order. */
  *scan(text: readonly string[]): Generator<{ value: T; match: PhraseMatch }> {
    for (let start = 0; start < text.length; start++) {
      const word = text[start] ?? '';
      const candidates = [...(this.exact.get(word) ?? []), ...this.prefixed.filter((p) => word.startsWith(p.prefix))];
      for (const { phrase, value } of candidates) {
        const match = matchPhraseAt(phrase, text, start);
        if (match) yield { value, match };
      }
    }
  }
}
