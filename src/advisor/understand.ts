/**
 * Free text as answers to the wizard. A person's text is read into findings: what it says about each wizard
 * question and about the conditions a verdict depends on, each with the words that support it and a strength.
 * The findings are then settled question by question: the strongest wins; a direct statement outweighs any number
 * of domain words; two findings of the same strength that disagree are a conflict, which is asked, never guessed.
 *
 * Everything about the topic (vocabularies, strengths, negating words, word classes) is in the data's
 * `understanding` section; this module knows only how to read text.
 */
import { lemmatise, type Token, tokenize } from './nlp.js';
import type { Comparison, Cue, CueTarget, FindingStrength, Understanding } from './schema.js';

export type Strength = FindingStrength | 'assumed';
const RANK: Record<Strength, number> = { assumed: 0, hint: 1, direct: 2 };

export interface Finding {
  cue: string;
  target: CueTarget;
  /** The person's words, as typed. */
  words: string;
  /** Where the words start in the text. */
  at: number;
  negated: boolean;
  /** Said of the present ("today we poll"), not of what is asked for: shown, never used. */
  current: boolean;
  /** Said as undecided ("we might let people reply later"): the question it would answer is asked instead. */
  undecided: boolean;
  cites?: string;
  /** Options this finding gives way to when the text also says them (from the cue). */
  yields?: readonly string[];
  /** It gave way to another option the text says: it supports that option, but is no evidence of its own. */
  gaveWay?: boolean;
}

export interface Evidence {
  words: string;
  strength: Strength;
}

export interface Answered {
  option: string;
  strength: Strength;
  /** The words that set it (the strongest findings); for an assumed answer, why it was assumed. */
  evidence: Evidence[];
  /** Weaker findings for other options: shown, not asked about. */
  outweighed: { option: string; words: string }[];
  /**
   * Set by domain words alone that no seed take covers ("push", "viewers"): shown, but the question is asked, as a
   * wrong pick costs a person far more than a question.
   */
  weak: boolean;
}

export interface Conflict {
  /**
   * Each option with the words that support it, all of the same (top) strength; `learned` marks the side of the
   * learned classifier (second-opinion.ts), whose words are the ones it weighed most.
   */
  sides: { option: string; words: string[]; learned?: boolean }[];
  strength: Strength;
}

export interface HeldCondition {
  id: string;
  strength: Strength;
  words: string[];
}

/** A condition that direct statements both state and deny, with the words on each side. */
export interface ContestedCondition {
  id: string;
  words: string[];
  against: string[];
}

export interface Reading {
  findings: Finding[];
  answers: Record<string, Answered>;
  conflicts: Record<string, Conflict>;
  /** Questions the text itself says are open. */
  raised: string[];
  conditions: HeldCondition[];
  /** Conditions the text directly says do not hold ("browsers" against "backend services" alone). */
  denied?: string[];
  /**
   * Denied conditions that the text also states directly ("both our services", "forward to users"): two statements
   * that contradict each other, which the learned second opinion may decide between as it does on a question.
   */
  contested?: ContestedCondition[];
  /** Advice entries cited by the cues that set answers. */
  cites: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Compiling the data's vocabulary

/**
 * One word of a phrase. A word matches a token whose form or lemma is the word or the word's own lemma ("unloads"
 * matches "unloading": both are "unload"); `a|b` and `@class` match any of several words; `word*` any ending;
 * `...` stands for up to WIDE_GAP other words of the same clause ("we push … to connected clients").
 */
type Pattern =
  | {
      kind: 'words';
      /** The same word of the vocabulary is one pattern wherever a phrase names it: its hits are found once a text. */
      id: number;
      words: Set<string>;
      prefixes: readonly string[];
      pos?: ReadonlySet<string>;
      /** Stands right after the word before it, nothing between (`live_stream`). */
      adjacent?: boolean;
    }
  | { kind: 'gap' };

/** `word:verb` or `word:noun` matches the word only in that part of speech ("blocks:verb streaming"). */
const PARTS_OF_SPEECH: Readonly<Record<string, ReadonlySet<string>>> = {
  verb: new Set(['VERB', 'AUX']),
  noun: new Set(['NOUN', 'PROPN']),
};

interface CompiledPhrase {
  cue: Cue;
  patterns: Pattern[];
  /** How many words the phrase names (gaps not counted): longer phrases are taken first. */
  length: number;
}

export interface Reader {
  comparison: Comparison;
  cues: Map<string, Cue>;
  /** Every phrase of every cue, in the data's order. */
  phrases: CompiledPhrase[];
  negators: Pattern[][];
  breaks: Pattern[][];
  current: Pattern[][];
  undecided: Pattern[][];
  hedges: Pattern[][];
  choices: Pattern[][];
  notBefore: Map<string, Pattern[][]>;
  notAfter: Map<string, Pattern[][]>;
  /** Word (form or lemma) → the ids of the patterns that name it. */
  patternsByWord: Map<string, number[]>;
  /** The patterns that name a prefix (`word*`), by the prefix's first letter. */
  prefixed: Map<string, { id: number; prefixes: readonly string[] }[]>;
  /** A pattern's part of speech, by id (`word:verb`). */
  partOfSpeech: (ReadonlySet<string> | undefined)[];
}

/** Only letters and digits count as words; punctuation tokens bound clauses and are skipped by phrases. */
const WORDLIKE = /[\p{L}\p{N}]/u;
const SENTENCE_END = new Set(['.', ';', '!', '?', '…']);
/** Punctuation that ends a clause; hyphens, slashes and apostrophes inside words do not. */
const CLAUSE_END = new Set([...SENTENCE_END, ',', ':', '—', '–', '(', ')', '[', ']']);
/**
 * Arrows people type between the two ends of a flow ("node -> page"), read as the words they stand for. wink
 * splits "->" into "-" and ">", so each arrow is the run of punctuation tokens it is made of.
 */
const ARROWS: readonly [parts: readonly string[], word: string][] = [
  [['<', '-', '>'], 'bidirectional'],
  [['<', '=', '>'], 'bidirectional'],
  [['↔'], 'bidirectional'],
  [['-', '>'], 'to'],
  [['=', '>'], 'to'],
  [['→'], 'to'],
  [['<', '-'], 'from'],
  [['←'], 'from'],
];
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'our', 'your', 'their', 'my', 'its', 'every', 'each']);
const MAX_GAP = 2;
/** How far, in words, the answers on either side of a choice word ("json or protobuf") may stand. */
const CHOICE_REACH = 6;
/** How many words `...` in a phrase may stand for, inside one clause. */
const WIDE_GAP = 8;
/** How far a negating phrase reaches, in words, within its clause. */
const NEGATION_REACH = 4;
const STOPS_NEGATION = new Set(['ADP', 'CCONJ', 'SCONJ']);
/** Words that open a clause of their own, which a negation before them does not reach ("can't agree what's worth"). */
const OPENS_CLAUSE = new Set(['what', 'which', 'who', 'whom', 'whose', 'whether', 'how', 'when', 'where', 'why', 'if']);

/** How many other words an undecided statement may have around it and still be a sentence of its own ("we haven't decided yet"). */
const ALONE_AROUND_UNDECIDED = 4;
/** What may follow it there: "haven't scoped it yet" is about what came before, "not sure about the encoding" is not. */
const PRONOUNS_AFTER_UNDECIDED = new Set(['it', 'that', 'this', 'yet', 'still', 'either', 'anyway']);

/** Words that open a sentence which asks ("should we …", "do we …", "how much do viewers post vs just read"). */
const ASKS = new Set(['should', 'shall', 'do', 'does', 'can', 'could', 'would', 'which', 'is', 'are', 'how', 'what']);

const VOWEL = /[aeiou]/;

/**
 * A word's regular inflections: "edit" → edits, edited, editing; "type" → typed, typing; "reply" → replies,
 * replied; "drop" → dropped, dropping. The lite model leaves some forms unlemmatised ("people editing" reads
 * "editing" as a noun), so the vocabulary meets them half way; a form that is no word matches nothing.
 */
function inflections(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [word];
  const out = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}ing`];
  const last = word.at(-1) as string;
  const before = word.at(-2) as string;
  if (last === 'e') out.push(`${word}d`, `${word.slice(0, -1)}ing`);
  if (last === 'y' && !VOWEL.test(before)) out.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  // One short syllable ending consonant-vowel-consonant doubles its last letter: drop → dropped, ship → shipping.
  if (
    word.length <= 4 &&
    !VOWEL.test(last) &&
    !'wxy'.includes(last) &&
    VOWEL.test(before) &&
    !VOWEL.test(word.at(-3) ?? 'a')
  )
    out.push(`${word}${last}ed`, `${word}${last}ing`);
  return out;
}

/** The lemma of each vocabulary word, as the language library reads it alone ("publishes" → "publish"). */
type Lemmas = (word: string) => string;

/** Compiled words by their text: a class named in many phrases ("@client") is expanded once. */
type WordPattern = Extract<Pattern, { kind: 'words' }>;
type WordCache = Map<string, WordPattern>;

function compilePatterns(
  phrase: string,
  classes: Readonly<Record<string, readonly string[]>>,
  lemma: Lemmas,
  cache: WordCache,
): Pattern[] {
  const forms = (words: readonly string[]) => new Set(words.flatMap((w) => [w, ...inflections(lemma(w))]));
  const word = (chunk: string, adjacent: boolean): Pattern => {
    const known = cache.get(chunk) ?? compileWord(chunk);
    cache.set(chunk, known);
    return adjacent ? { ...known, adjacent } : known;
  };
  const compileWord = (chunk: string): WordPattern => {
    const [names = '', part] = chunk.split(':');
    // Alternatives may name word classes too ("@send|command*").
    const alternatives = names
      .split('|')
      .filter(Boolean)
      .flatMap((w) => (w.startsWith('@') ? (classes[w.slice(1)] ?? []) : [w]));
    // "=events" is that form only, not "event" ("broadcast match events" are no event broadcast).
    const exact = alternatives.filter((w) => w.startsWith('=')).map((w) => w.slice(1));
    const plain = alternatives.filter((w) => !w.endsWith('*') && !w.startsWith('='));
    return {
      kind: 'words',
      id: cache.size,
      words: new Set([...forms(plain), ...exact]),
      prefixes: alternatives.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)),
      ...(part ? { pos: PARTS_OF_SPEECH[part] } : {}),
    };
  };
  const patterns: Pattern[] = [];
  for (const chunk of phrase.split(/\s+/).filter(Boolean)) {
    if (chunk === '...') {
      patterns.push({ kind: 'gap' });
      continue;
    }
    // "live_stream": the words stand side by side, nothing between them.
    for (const [k, joined] of chunk.split('_').entries())
      for (const [j, piece] of joined
        .split(/[^\p{L}\p{N}*@|:=]+/u)
        .filter((w) => w.replace(/:\w*/, ''))
        .entries())
        patterns.push(word(piece, k > 0 && j === 0));
  }
  return patterns;
}

/**
 * Where each word of the vocabulary stands in one text: for each pattern id, the indices of the tokens it matches,
 * in order. Found in one pass (each token looks up the patterns its form and lemma belong to), so that phrases,
 * negators and senses check a word by a look-up instead of comparing it with every token.
 */
interface Hits {
  lists: (number[] | undefined)[];
}

function findHits(reader: Reader, tokens: readonly Token[]): Hits {
  const lists: (number[] | undefined)[] = [];
  const mark = (id: number, i: number, token: Token) => {
    const pos = reader.partOfSpeech[id];
    if (pos && !pos.has(token.pos)) return;
    const list = lists[id];
    if (!list) lists[id] = [i];
    else if (list.at(-1) !== i) list.push(i);
  };
  for (const [i, token] of tokens.entries()) {
    for (const id of reader.patternsByWord.get(token.norm) ?? []) mark(id, i, token);
    if (token.lemma !== token.norm) for (const id of reader.patternsByWord.get(token.lemma) ?? []) mark(id, i, token);
    for (const { id, prefixes } of reader.prefixed.get(token.norm[0] ?? '') ?? [])
      if (prefixes.some((prefix) => token.norm.startsWith(prefix))) mark(id, i, token);
  }
  return { lists };
}

/** The first index in a sorted list greater than `after`, or the list's length. */
function firstAfter(list: readonly number[], after: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

function hitAt(hits: Hits, pattern: Pattern, i: number): boolean {
  if (pattern.kind === 'gap') return true;
  const list = hits.lists[pattern.id];
  return list !== undefined && list[firstAfter(list, i - 1)] === i;
}

/** Every word of the vocabulary, for lemmatising in one pass. */
function vocabulary(u: Understanding): string[] {
  const phrases = [
    ...u.cues.flatMap((c) => [...c.phrases, ...(c.notBefore ?? []), ...(c.notAfter ?? [])]),
    ...u.negators,
    ...u.clauseBreaks,
    ...u.current,
    ...u.undecided,
    ...u.hedges,
    ...u.choices,
    ...Object.values(u.wordClasses).flat(),
  ];
  return [...new Set(phrases.flatMap((p) => p.split(/[^\p{L}\p{N}]+/u)).filter((w) => w && !w.endsWith('*')))];
}

/**
 * The reader for a comparison's vocabulary, or undefined when it has none. Compiling lemmatises the vocabulary, so
 * it loads the language library: call it on first use of free text.
 */
export function compileReader(comparison: Comparison): Reader | undefined {
  const u = comparison.understanding;
  if (!u) return undefined;
  const table = lemmatise(vocabulary(u));
  const lemma: Lemmas = (word) => table.get(word) ?? word;
  const classes = u.wordClasses;
  const phrases: CompiledPhrase[] = [];
  const notBefore = new Map<string, Pattern[][]>();
  const notAfter = new Map<string, Pattern[][]>();
  const cache: WordCache = new Map();
  const compile = (p: string) => compilePatterns(p, classes, lemma, cache);
  for (const cue of u.cues) {
    for (const phrase of cue.phrases) {
      const patterns = compile(phrase);
      const first = patterns[0];
      if (!first || first.kind === 'gap') continue;
      phrases.push({ cue, patterns, length: patterns.filter((p) => p.kind !== 'gap').length });
    }
    if (cue.notBefore) notBefore.set(cue.id, cue.notBefore.map(compile));
    if (cue.notAfter) notAfter.set(cue.id, cue.notAfter.map(compile));
  }
  const list = (phrases: readonly string[]) => phrases.map(compile);
  const lists = {
    negators: list(u.negators),
    breaks: list(u.clauseBreaks),
    current: list(u.current),
    undecided: list(u.undecided),
    hedges: list(u.hedges),
    choices: list(u.choices),
  };
  // Every pattern is in the cache by now, the lists' too.
  const patternsByWord = new Map<string, number[]>();
  const prefixed = new Map<string, { id: number; prefixes: readonly string[] }[]>();
  const partOfSpeech: (ReadonlySet<string> | undefined)[] = [];
  for (const pattern of cache.values()) {
    for (const word of pattern.words) {
      const ids = patternsByWord.get(word);
      if (ids) ids.push(pattern.id);
      else patternsByWord.set(word, [pattern.id]);
    }
    for (const letter of new Set(pattern.prefixes.map((prefix) => prefix[0] ?? ''))) {
      const entry = { id: pattern.id, prefixes: pattern.prefixes.filter((prefix) => prefix.startsWith(letter)) };
      prefixed.set(letter, [...(prefixed.get(letter) ?? []), entry]);
    }
    partOfSpeech[pattern.id] = pattern.pos;
  }
  return {
    comparison,
    cues: new Map(u.cues.map((cue) => [cue.id, cue])),
    phrases,
    ...lists,
    notBefore,
    notAfter,
    patternsByWord,
    prefixed,
    partOfSpeech,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a text

interface Words {
  /** The word tokens (punctuation dropped), each with its sentence-part and clause index. */
  tokens: Token[];
  /** Sentence parts: split at . ; ! ? and at clause-break words ("but"). */
  part: number[];
  /** Clauses: sentence parts split further at commas, colons and dashes; negation stays inside one. */
  clause: number[];
  /** Sentences: split at . ; ! ? only. */
  sentence: number[];
  hits: Hits;
}

/** Exact run of patterns at `start`, no gaps: for negators, clause breaks, senses. */
function runAt(patterns: readonly Pattern[], words: Words, start: number): number {
  if (start < 0 || start + patterns.length > words.tokens.length) return 0;
  for (const [k, p] of patterns.entries()) if (!hitAt(words.hits, p, start + k)) return 0;
  return patterns.length;
}

function anyRunAt(list: readonly Pattern[][], words: Words, start: number): number {
  for (const patterns of list) {
    const length = runAt(patterns, words, start);
    if (length) return length;
  }
  return 0;
}

/** The arrow that starts at `i` ("-" then ">" with nothing between), as a word token, and how many tokens it spans. */
function arrowAt(all: readonly Token[], i: number): [Token, number] | undefined {
  for (const [parts, word] of ARROWS) {
    const run = all.slice(i, i + parts.length);
    if (run.length !== parts.length || run.some((t, k) => t.norm !== parts[k])) continue;
    if (run.some((t, k) => k > 0 && t.start !== (run[k - 1] as Token).end)) continue;
    const first = run[0] as Token;
    const last = run.at(-1) as Token;
    return [{ norm: word, lemma: word, pos: 'ADP', start: first.start, end: last.end }, parts.length];
  }
  return undefined;
}

function segment(reader: Reader, all: readonly Token[]): Words {
  const tokens: Token[] = [];
  const part: number[] = [];
  const clause: number[] = [];
  let p = 0;
  let c = 0;
  let fresh = true;
  for (let i = 0; i < all.length; i++) {
    let token = all[i] as Token;
    if (!WORDLIKE.test(token.norm)) {
      const arrow = arrowAt(all, i);
      if (arrow) {
        token = arrow[0];
        i += arrow[1] - 1;
      } else {
        if (!fresh && CLAUSE_END.has(token.norm)) {
          c++;
          if (SENTENCE_END.has(token.norm)) p++;
          fresh = true;
        }
        continue;
      }
    }
    // A number of a thousand or more reads as "thousand" or "million" too: "3000 viewers" is a crowd.
    const amount = /^\d[\d,]*$/.test(token.norm) ? Number(token.norm.replaceAll(',', '')) : 0;
    if (amount >= 1000) token = { ...token, lemma: amount >= 1_000_000 ? 'million' : 'thousand' };
    // The lite model tags a noun after a determiner as a verb at times ("after the upload"); a determiner says noun.
    const before = tokens.at(-1);
    if (token.pos === 'VERB' && !fresh && before && DETERMINERS.has(before.norm)) token = { ...token, pos: 'NOUN' };
    tokens.push(token);
    part.push(p);
    clause.push(c);
    fresh = false;
  }
  const words: Words = { tokens, part, clause, sentence: [...part], hits: findHits(reader, tokens) };
  // Clause-break words ("but", "however") start a new part and clause from where they stand.
  let breaks = 0;
  for (let i = 0; i < tokens.length; i++) {
    const length = anyRunAt(reader.breaks, words, i);
    if (length) breaks++;
    for (let j = i; j < i + Math.max(length, 1) && j < tokens.length; j++) {
      part[j] = (part[j] ?? 0) + breaks / 2;
      clause[j] = (clause[j] ?? 0) + breaks / 2;
    }
    i += Math.max(length, 1) - 1;
  }
  return words;
}

/**
 * For each word: the index of the negating word that governs it, or -1. A negation reaches the next few words of
 * its clause, not past a preposition or a conjunction: "the websocket can't connect on locked-down vpns" says
 * nothing against "locked-down", and "instead of websockets for the notifications" nothing against notifications.
 */
function negationOf(reader: Reader, words: Words): { governed: number[]; negators: Set<number> } {
  const { tokens, clause } = words;
  const governed = new Array<number>(tokens.length).fill(-1);
  const negators = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.norm === "n't") negators.add(i);
    const length = anyRunAt(reader.negators, words, i);
    if (!length) continue;
    negators.add(i);
    for (let j = i + length; j < Math.min(tokens.length, i + length + NEGATION_REACH); j++) {
      const token = tokens[j];
      if (clause[j] !== clause[i] || OPENS_CLAUSE.has(token?.norm ?? '')) break;
      if (j > i + length && STOPS_NEGATION.has(token?.pos ?? '')) break;
      governed[j] = i;
    }
    i += length - 1;
  }
  return { governed, negators };
}

function currentClauses(reader: Reader, words: Words): Set<number> {
  const clauses = new Set<number>();
  for (let i = 0; i < words.tokens.length; i++)
    if (anyRunAt(reader.current, words, i)) clauses.add(words.clause[i] ?? 0);
  return clauses;
}

/**
 * The phrase's words from `start`, in order, with at most MAX_GAP others between them, or up to WIDE_GAP where the
 * phrase says `...`, all inside one clause: a comma or a parenthesis between two words says they belong to different
 * things ("the video, chat is its own thing" is no video chat; "audience (the voting kind" no audience that votes).
 */
function matchPhrase(phrase: CompiledPhrase, words: Words, start: number): number[] | undefined {
  const { part, clause } = words;
  const at = [start];
  let last = start;
  let wide = false;
  for (const pattern of phrase.patterns.slice(1)) {
    if (pattern.kind === 'gap') {
      wide = true;
      continue;
    }
    const reach = wide ? WIDE_GAP : pattern.adjacent ? 0 : MAX_GAP;
    // The first place the word stands after the last one; the parts and clauses only grow, so a farther place
    // would not be in the same part either.
    const list = words.hits.lists[pattern.id];
    const found = list?.[firstAfter(list, last)];
    if (found === undefined || found > last + 1 + reach) return undefined;
    if (part[found] !== part[start] || clause[found] !== clause[last]) return undefined;
    at.push(found);
    last = found;
    wide = false;
  }
  return at;
}

function wrongSense(reader: Reader, phrase: CompiledPhrase, words: Words, at: readonly number[]): boolean {
  const cue = phrase.cue;
  const first = at[0] as number;
  const last = at.at(-1) as number;
  // Another sense shows in the words a phrase skips or the next few words of the clause ("users rarely send",
  // "sends a message once a day", "game studio").
  const before = reader.notBefore.get(cue.id);
  if (before) {
    const own = new Set(at);
    for (let k = first + 1; k <= last + 3 && words.clause[k] === words.clause[last]; k++)
      if (!own.has(k) && before.some((patterns) => runAt(patterns, words, k))) return true;
  }
  // …or just before it, a determiner or possessive allowed between ("instead of the websocket provider").
  const after = reader.notAfter.get(cue.id);
  const skip = DETERMINERS.has(words.tokens[first - 1]?.norm ?? '') ? 1 : 0;
  return (
    after?.some((patterns) => [0, skip].some((s) => runAt(patterns, words, first - s - patterns.length) > 0)) ?? false
  );
}

/** A finding with the first and last word it was read from. */
type Placed = Finding & { first: number; last: number };

interface Candidate {
  phrase: CompiledPhrase;
  at: number[];
}

export function findings(reader: Reader, text: string, given: readonly Token[] = tokenize(text)): Finding[] {
  const words = segment(reader, given);
  const { tokens } = words;
  const { governed: negation, negators } = negationOf(reader, words);
  const current = currentClauses(reader, words);
  const candidates: Candidate[] = [];
  // Each phrase is tried where its first word stands.
  for (const phrase of reader.phrases) {
    const first = phrase.patterns[0] as WordPattern;
    for (const i of words.hits.lists[first.id] ?? []) {
      const at = matchPhrase(phrase, words, i);
      if (at && !wrongSense(reader, phrase, words, at)) candidates.push({ phrase, at });
    }
  }
  // The longest phrases first, then the statements before the hints (of one length, "the worker … tell the ui" is
  // read before the hint "to … the ui" inside it), then the tightest (fewest words skipped): words that one phrase
  // used ("mostly just receives") say nothing more in another ("page … just receives"), whichever cue that belongs to.
  const rankOf = (c: Candidate) => RANK[strengthOf(c.phrase.cue.means)];
  const gaps = (c: Candidate) => (c.at.at(-1) as number) - (c.at[0] as number) + 1 - c.at.length;
  candidates.sort(
    (a, b) =>
      b.phrase.length - a.phrase.length ||
      rankOf(b) - rankOf(a) ||
      gaps(a) - gaps(b) ||
      (a.at[0] as number) - (b.at[0] as number),
  );
  // Each question and each condition are read apart: "the browser editor" says who edits and that a browser is
  // involved; "status" says what the payload is and suggests which way it flows.
  const covered = new Map<string, Set<number>>();
  const found: Placed[] = [];
  for (const { phrase, at } of candidates) {
    const means = phrase.cue.means;
    const key =
      'question' in means ? means.question : 'raises' in means ? means.raises : `condition:${means.condition}`;
    const used = covered.get(key) ?? new Set<number>();
    covered.set(key, used);
    if (at.some((k) => used.has(k))) continue;
    for (const k of at) used.add(k);
    const first = at[0] as number;
    const last = at.at(-1) as number;
    // Negated: a negation governs the phrase's first word, or a negating word stands in a gap inside it ("users
    // can't reply"). A phrase that holds its own negating word ("nothing goes back") says what it says.
    const own = new Set(at);
    let negator = -1;
    for (let k = first + 1; k < last; k++) if (!own.has(k) && negators.has(k)) negator = k;
    const governing = negation[first] ?? -1;
    if (negator < 0 && governing >= 0 && governing < first) negator = governing;
    const negated = negator >= 0;
    const targets = negated ? [phrase.cue.negated] : [phrase.cue.means, ...(phrase.cue.also ?? [])];
    const from = negated ? Math.min(negator, first) : first;
    for (const target of targets) {
      if (!target) continue;
      found.push({
        cue: phrase.cue.id,
        target,
        words: text.slice((tokens[from] as Token).start, (tokens[last] as Token).end),
        at: (tokens[from] as Token).start,
        negated,
        current: current.has(words.clause[first] ?? -1),
        undecided: false,
        ...(phrase.cue.cites && !negated ? { cites: phrase.cue.cites } : {}),
        ...('yields' in target && target.yields ? { yields: target.yields } : {}),
        first,
        last,
      });
    }
  }
  markUndecided(reader, words, found);
  const outweighed = new Set(found.flatMap((f) => (f.negated ? [] : (reader.cues.get(f.cue)?.outweighs ?? []))));
  return found
    .filter((f) => !outweighed.has(f.cue))
    .sort((a, b) => a.at - b.at)
    .map(({ first: _, last: __, ...f }) => f);
}

/**
 * An `undecided` phrase or a hedge leaves undecided what follows it in its clause ("maybe json, maybe binary"). An
 * undecided phrase followed by nothing that answers a question ("…, haven't decided", "not sure yet which ones we
 * expose") reaches back to the nearest statement before it in the sentence, and the others on its question; a
 * hedge does not: "a banner maybe every few minutes" is a rough rate.
 */
function markUndecided(reader: Reader, words: Words, found: Placed[]): void {
  const answers = found.filter((f) => 'question' in f.target);
  for (let i = 0; i < words.tokens.length; i++) {
    const statement = anyRunAt(reader.undecided, words, i);
    const length = statement || anyRunAt(reader.hedges, words, i);
    if (!length) continue;
    const clause = words.clause[i];
    const last = i + length - 1;
    // A hedge before a number is a rough figure ("maybe 3000 viewers"), not a choice left open.
    if (!statement && /^\d/.test(words.tokens[last + 1]?.norm ?? '')) {
      i = last;
      continue;
    }
    // A statement read from the undecided words on ("haven't settled whether clients ever send anything besides
    // joining") is as undecided as one that follows them.
    const mine = answers.filter(
      (f) => words.clause[f.first] === clause && (f.first > last || (statement && f.first >= i)),
    );
    // It reaches back when it ends its clause or asks which of them or how ("not sure yet which ones we expose", "no
    // idea yet how often they trade"); "not sure if sse or ws" is about something else.
    const next = words.clause[last + 1] === clause ? words.tokens[last + 1]?.norm : undefined;
    // An undecided sentence of its own ("nobody knows.", "we haven't scoped it yet.") is about the sentence before
    // it that said something.
    const sentence = words.sentence[i];
    const alone =
      (next === undefined || PRONOUNS_AFTER_UNDECIDED.has(next)) &&
      words.sentence.filter((s) => s === sentence).length - length <= ALONE_AROUND_UNDECIDED &&
      !answers.some((f) => words.sentence[f.first] === sentence);
    if (
      statement &&
      mine.length === 0 &&
      (next === undefined || next === 'which' || next === 'what' || next === 'how' || alone)
    ) {
      let earlier = answers.filter((f) => f.first < i && words.sentence[f.first] === sentence);
      if (alone) {
        const before = answers.filter((f) => f.first < i);
        const latest = Math.max(-1, ...before.map((f) => words.sentence[f.first] ?? -1));
        earlier = before.filter((f) => words.sentence[f.first] === latest);
      }
      const nearest = earlier.sort((a, b) => b.first - a.first)[0];
      const question = nearest && 'question' in nearest.target ? nearest.target.question : undefined;
      // "the frame encoding is tbd" is about the question its own clause raises, not the statement before it.
      const raisedHere = found.flatMap((f) => ('raises' in f.target && words.clause[f.first] === clause ? [f] : []));
      if (raisedHere.length > 0 && !raisedHere.some((f) => 'raises' in f.target && f.target.raises === question)) {
        i = last;
        continue;
      }
      mine.push(...earlier.filter((f) => 'question' in f.target && f.target.question === question));
    }
    for (const f of mine) f.undecided = true;
    i = last;
  }
  // A statement with a choice inside it, in a sentence that asks, is a question, not an answer: "should i place
  // orders over that same connection or stick with rest calls" asks which ("tokens or live logs to a browser" is a
  // list).
  const asking = new Set<number>();
  for (const [k, sentence] of words.sentence.entries())
    if (k === 0 || words.sentence[k - 1] !== sentence) if (ASKS.has(words.tokens[k]?.norm ?? '')) asking.add(sentence);
  for (const f of answers) {
    if (!asking.has(words.sentence[f.first] as number)) continue;
    for (let k = f.first + 1; k < f.last && !f.undecided; k++)
      if (anyRunAt(reader.choices, words, k)) f.undecided = true;
  }
  // Two answers to one question offered as a choice ("msgpack or cbor … or plain text", "json vs protobuf") are
  // both undecided.
  for (let i = 0; i < words.tokens.length; i++) {
    if (!anyRunAt(reader.choices, words, i)) continue;
    const sentence = words.sentence[i];
    const near = (f: Placed) => words.sentence[f.first] === sentence && Math.abs(f.first - i) <= CHOICE_REACH;
    const before = answers.filter((f) => near(f) && f.last < i);
    const after = answers.filter((f) => near(f) && f.first > i);
    const options = (list: Placed[], question: string) =>
      new Set(list.flatMap((f) => ('option' in f.target && f.target.question === question ? [f.target.option] : [])));
    for (const question of new Set(before.map((f) => ('question' in f.target ? f.target.question : '')))) {
      const left = options(before, question);
      const right = options(after, question);
      if (right.size === 0 || [...right].every((o) => left.has(o))) continue;
      for (const f of [...before, ...after])
        if ('question' in f.target && f.target.question === question) f.undecided = true;
    }
  }
}

/**
 * A finding that yields to an option the text also says, at least as strongly, supports that option instead (the
 * first one found): "the server streams to the browser" gives way to "users also send edits", not to the word
 * "crdt".
 */
function giveWay(list: readonly Finding[]): Finding[] {
  return list.map((f) => {
    const target = f.target;
    if (!('option' in target)) return f;
    // A flow down and a flow up, each saying it pairs with the other, are both ways.
    const pairs = target.pairs;
    const partner =
      pairs &&
      list.find(
        (g) =>
          g !== f &&
          'option' in g.target &&
          g.target.question === target.question &&
          g.target.option === pairs.with &&
          g.target.pairs?.with === target.option &&
          g.target.strength === target.strength,
      );
    if (pairs && partner) return { ...f, target: { ...target, option: pairs.gives } };
    if (!f.yields) return f;
    const other = list.find(
      (g) =>
        g !== f &&
        'option' in g.target &&
        g.target.question === target.question &&
        f.yields?.includes(g.target.option) &&
        RANK[strengthOf(g.target)] >= RANK[target.strength],
    );
    return other && 'option' in other.target
      ? { ...f, target: { ...target, option: other.target.option }, gaveWay: true }
      : f;
  });
}

/**
 * The text leaves a question open though a direct finding answers it when that finding would give way to an option
 * the text leaves undecided: "the backend reaches web clients" says nothing against "some are bidi streams, not sure
 * yet which".
 */
function yieldsToUndecided(stated: readonly Finding[], question: string): boolean {
  const mine = stated.filter((f) => 'option' in f.target && f.target.question === question);
  const undecided = mine.filter((f) => f.undecided).map((f) => ('option' in f.target ? f.target.option : ''));
  const decided = mine.filter((f) => !f.undecided && strengthOf(f.target) === 'direct');
  return decided.length > 0 && decided.every((f) => f.yields?.some((o) => undecided.includes(o)));
}

function strengthOf(target: CueTarget): Strength {
  return 'strength' in target ? target.strength : 'direct';
}

/** Reads a text into settled answers, conflicts, raised questions and the conditions that hold. */
/** `tokens` are the text's, when the caller has them already (the learned reader reads the same tokens). */
export function read(reader: Reader, text: string, tokens: readonly Token[] = tokenize(text)): Reading {
  const all = findings(reader, text, tokens);
  // What the text says of the present ("today we poll", "the video is already peer to peer") gives way to anything
  // it says of what is wanted on the same question; alone, it still describes the system ("players are already
  // sending moves").
  const wanted = new Set(all.flatMap((f) => (!f.current && 'question' in f.target ? [f.target.question] : [])));
  const stated = all.filter((f) => !(f.current && 'question' in f.target && wanted.has(f.target.question)));
  const usable = giveWay(stated.filter((f) => !f.undecided));
  const answers: Record<string, Answered> = {};
  const conflicts: Record<string, Conflict> = {};
  const cites = new Set<string>();

  for (const question of reader.comparison.wizard.questions) {
    const mine = usable.filter((f) => 'question' in f.target && f.target.question === question.id);
    if (mine.length === 0) continue;
    const top = Math.max(...mine.map((f) => RANK[strengthOf(f.target)]));
    const atTop = mine.filter((f) => RANK[strengthOf(f.target)] === top);
    // Among domain words, those the seed's takes name ("multiplayer", "dashboard") outweigh the ones they do not
    // ("to the browser", "push"), which are shown, not asked about.
    const cited = top === RANK.hint ? atTop.filter((f) => f.cites) : [];
    const strongest = cited.length > 0 ? cited : atTop;
    const options = [...new Set(strongest.map((f) => ('option' in f.target ? f.target.option : '')))];
    const strength = strengthOf((strongest[0] as Finding).target);
    const wordsFor = (option: string, list: readonly Finding[]) => [
      ...new Set(list.filter((f) => 'option' in f.target && f.target.option === option).map((f) => f.words)),
    ];
    // One direct statement alone, against domain words from several cues that agree on another option, is a doubt
    // worth a question, asked naming both sides: the statement may be a phrase read out of its sense.
    const doubt = reader.comparison.understanding?.calibration?.hintsAgainstOneStatement ?? 0;
    if (options.length === 1 && top === RANK.direct && doubt > 0) {
      const cuesFor = (option: string, list: readonly Finding[]) =>
        new Set(list.filter((f) => 'option' in f.target && f.target.option === option && !f.gaveWay).map((f) => f.cue));
      const against = mine.filter((f) => 'option' in f.target && f.target.option !== options[0]);
      const rival = [...new Set(against.map((f) => ('option' in f.target ? f.target.option : '')))].find(
        (o) => cuesFor(o, against).size >= doubt,
      );
      // …with nothing else, of any strength, supporting the statement.
      if (rival && cuesFor(options[0] as string, mine).size === 1) {
        conflicts[question.id] = {
          strength,
          sides: [options[0] as string, rival].map((option) => ({
            option,
            words: wordsFor(option, option === rival ? against : strongest),
          })),
        };
        continue;
      }
    }
    if (options.length > 1) {
      conflicts[question.id] = {
        strength,
        sides: options.map((option) => ({ option, words: wordsFor(option, strongest) })),
      };
      continue;
    }
    const option = options[0] as string;
    // The seed's take a domain word called up is cited when it agrees with the answer, however it was set.
    for (const f of mine) if (f.cites && 'option' in f.target && f.target.option === option) cites.add(f.cites);
    answers[question.id] = {
      option,
      strength,
      evidence: wordsFor(option, strongest).map((words) => ({ words, strength })),
      outweighed: mine
        .filter((f) => 'option' in f.target && f.target.option !== option)
        .map((f) => ({ option: 'option' in f.target ? f.target.option : '', words: f.words })),
      weak: strength !== 'direct' && !strongest.some((f) => f.cites),
    };
  }

  const conditions: HeldCondition[] = [];
  const denied: string[] = [];
  const contested: ContestedCondition[] = [];
  for (const condition of reader.comparison.understanding?.conditions ?? []) {
    // What they have today is no constraint on what they want: "replies come back via long polling today" is how it
    // works now, not a network that lets only plain requests through. A standing fact ("the vpn blocks websockets")
    // holds whatever its tense, and the present still describes the system for a caveat.
    const mine = all.filter(
      (f) =>
        'condition' in f.target &&
        f.target.condition === condition.id &&
        !(f.current && condition.pick && (f.target.holds ?? true) && !reader.cues.get(f.cue)?.standing),
    );
    // The findings on one side (for the condition, or against it) at one strength.
    const saying = (holds: boolean, strength?: number) =>
      mine.filter(
        (f) =>
          'condition' in f.target &&
          (f.target.holds ?? true) === holds &&
          (strength === undefined || RANK[strengthOf(f.target)] === strength),
      );
    const wordsOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.words))];
    const rank = (holds: boolean) => Math.max(-1, ...saying(holds).map((f) => RANK[strengthOf(f.target)]));
    const forIt = rank(true);
    const against = rank(false);
    if (against === RANK.direct && forIt <= against) denied.push(condition.id);
    if (against === RANK.direct && forIt === RANK.direct)
      contested.push({
        id: condition.id,
        words: wordsOf(saying(true, RANK.direct)),
        against: wordsOf(saying(false, RANK.direct)),
      });
    // A condition holds when what speaks for it is stronger than what speaks against it.
    if (forIt < 0 || forIt <= against) continue;
    const supporting = saying(true, forIt);
    conditions.push({
      id: condition.id,
      strength: strengthOf((supporting[0] as Finding).target),
      words: wordsOf(supporting),
    });
  }
  // A question a "which one?" raises is moot where a condition said directly picks whatever its answer ("between
  // two services of ours, ws or sse?"): that condition answers what was asked. One the person left undecided stays.
  const picksWhatever = new Set(
    (reader.comparison.understanding?.conditions ?? [])
      .filter((c) => c.pick && !c.overrides && !c.when && !c.requires)
      .map((c) => c.id),
  );
  const answeredByCondition = conditions.some((c) => c.strength === 'direct' && picksWhatever.has(c.id));
  const raised = [
    ...new Set([
      ...(answeredByCondition ? [] : usable.flatMap((f) => ('raises' in f.target ? [f.target.raises] : []))),
      ...stated.flatMap((f) => (f.undecided && 'question' in f.target ? [f.target.question] : [])),
    ]),
  ].filter((q) => answers[q]?.strength !== 'direct' || yieldsToUndecided(stated, q));

  return {
    findings: all,
    answers,
    conflicts,
    raised,
    conditions,
    ...(denied.length ? { denied } : {}),
    ...(contested.length ? { contested } : {}),
    cites: [...cites],
  };
}
