/**
 * The language library behind free text: wink-nlp with its English lite model, both shipped in the npm packages
 * (no network, no download at run time). It splits a person's text into tokens with their lemma ("sends" →
 * "send") and part of speech, and keeps where each token stands in the text so that findings can quote the
 * person's own words.
 *
 * The model loads once, on first use (about 0.1 s): surfaces that never read free text never pay for it.
 */
import { createRequire } from 'node:module';
import type { Document, ItemSentence, ItemToken, WinkMethods } from 'wink-nlp';

export interface Token {
  /** Lower-case surface form. */
  norm: string;
  lemma: string;
  /** Universal part of speech, e.g. NOUN, VERB, PUNCT. */
  pos: string;
  /** Offsets in the text, for quoting. */
  start: number;
  end: number;
}

const require = createRequire(import.meta.url);
let nlp: WinkMethods | undefined;
let loadMs = 0;

function load(): WinkMethods {
  if (!nlp) {
    const started = performance.now();
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0];
    // Sentence boundaries and parts of speech (which also gives lemmas). No negation: the reader scopes negation
    // itself, by clause (wink's flag runs on to the end of the sentence); no entities, no sentiment.
    nlp = winkNLP(model, ['sbd', 'pos']);
    loadMs = performance.now() - started;
  }
  return nlp;
}

/** How long loading the library and its model took, in ms (0 before the first use): for the benchmark. */
export function libraryLoadMs(): number {
  load();
  return loadMs;
}

/** Texts beyond this many characters are read only up to it: a situation is a few sentences, not a book. */
export const MAX_TEXT = 40_000;

/** No word a person writes is longer than this; longer runs without a space are URLs, ids or noise. */
export const MAX_RUN = 48;

/**
 * The text with a space put in place of every MAX_RUN-th character of a run without spaces: same length, so
 * offsets still point into the person's text. wink-nlp's URL pattern backtracks on long space-free runs (a
 * 16,000-character run of `https://9.afr` took over a minute); bounded runs keep reading linear.
 */
export function boundRuns(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
    run = space ? 0 : run + 1;
    if (run > MAX_RUN) {
      out += ' ';
      run = 0;
    } else out += ch;
  }
  return out;
}

/**
 * A word with a clitic right before punctuation ("everyone else's, plus…"): wink reads it whole there and then keeps
 * it in its process-wide cache of words, so that every later text reads "else's" whole too, where before it read
 * "else" and "'s". The same text must read the same whatever the process read before it, so a space goes before such
 * punctuation, where wink splits the clitic as it does elsewhere.
 */
const CLITIC_BEFORE_PUNCTUATION = /[\p{L}\p{N}]['’]\p{L}+(?=[^\s\p{L}\p{N}'’])/gu;

/** The text wink reads, and for each of its offsets the person's own (the spaces added map to where they were added). */
function prepared(text: string): { text: string; original: (offset: number) => number } {
  const added: number[] = [];
  let out = '';
  let from = 0;
  for (const match of text.matchAll(CLITIC_BEFORE_PUNCTUATION)) {
    const end = (match.index ?? 0) + match[0].length;
    out += `${text.slice(from, end)} `;
    added.push(out.length - 1);
    from = end;
  }
  out += text.slice(from);
  return {
    text: out,
    original: (offset) => offset - added.filter((at) => at < offset).length,
  };
}

export function tokenize(person: string): Token[] {
  const methods = load();
  const its = methods.its;
  const bounded = boundRuns(person.length > MAX_TEXT ? person.slice(0, MAX_TEXT) : person);
  const { text, original } = prepared(bounded);
  const doc: Document = methods.readDoc(text);
  const tokens: Token[] = [];
  let at = 0;
  doc.tokens().each((t: ItemToken) => {
    // wink's typings declare some `its` helpers with a model-specific signature; they are plain readers here.
    const out = t.out as (reader?: unknown) => unknown;
    const value = String(out());
    at += String(out(its.precedingSpaces)).length;
    // wink keeps every character, so offsets follow from the spaces before each token; find() guards the rare
    // token it normalises (a contraction's "n't"), so a quote never points past what is there.
    const found = text.indexOf(value, at);
    const start = found >= 0 && found - at < 4 ? found : at;
    const norm = value.toLowerCase();
    tokens.push({
      norm,
      lemma: String(out(its.lemma)).toLowerCase(),
      pos: String(out(its.pos)),
      start: original(start),
      end: original(start) + value.length,
    });
    at = start + value.length;
  });
  return tokens;
}

/**
 * Each word's lemma as the library reads the word alone ("publishes" → "publish", "unloads" → "unload"), in one
 * pass: words that are not one token alone (none in practice) keep themselves.
 */
export function lemmatise(words: readonly string[]): Map<string, string> {
  const lemmas = new Map<string, string>();
  if (words.length === 0) return lemmas;
  const methods = load();
  // One word a sentence, so that no word's part of speech depends on its neighbour in the list.
  const doc = methods.readDoc(words.join(' . '));
  const read: string[][] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const out: string[] = [];
    sentence.tokens().each((t: ItemToken) => {
      const get = t.out as (reader?: unknown) => unknown;
      if (!['punctuation', 'tabCRLF'].includes(String(get(methods.its.type))))
        out.push(String(get(methods.its.lemma)).toLowerCase());
    });
    read.push(out);
  });
  if (read.length !== words.length) return lemmas;
  for (const [i, word] of words.entries()) {
    const lemma = read[i];
    if (lemma?.length === 1) lemmas.set(word, lemma[0] as string);
  }
  return lemmas;
}
