/**
 * The checks every labelled set of free-text situations makes on its rows (round 2 and the development pool), in one
 * place, so a new set is held to the same shape as the ones before it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ASK_QUESTIONS, type EvalSituation, isKind, SETTLEABLE, type Settleable } from './kinds.js';
import { TRAINING_SETS } from './training-sets.js';

const FIELDS = ['id', 'situation', 'source', 'expected', 'ask', 'reason', 'ambiguous', 'settles'];

export const wordCount = (text: string) => text.trim().split(/\s+/).length;

/** Case, punctuation and spacing do not make a situation new. */
export const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** `p001`, `p002`, … for `count` rows. */
export const sequentialIds = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

/** One row: known fields only, 5 to 40 words, a public address, a known kind, and `ask` exactly on questions. */
export function expectWellFormed(s: EvalSituation): void {
  expect(Object.keys(s).every((key) => FIELDS.includes(key))).toBe(true);
  expect(wordCount(s.situation)).toBeGreaterThanOrEqual(5);
  expect(wordCount(s.situation)).toBeLessThanOrEqual(40);
  expect(s.source).toMatch(/^https?:\/\//);
  expect(() => new URL(s.source)).not.toThrow();
  expect(isKind(s.expected)).toBe(true);
  expect(s.reason.trim().length).toBeGreaterThan(0);
  if (s.expected === 'ask') expect(ASK_QUESTIONS).toContain(s.ask);
  else expect(s).not.toHaveProperty('ask');
  // Ambiguous marks exactly the situations whose right answer is a wizard question.
  expect(s.ambiguous === true).toBe(s.expected === 'ask');
  for (const [question, settled] of Object.entries(s.settles ?? {})) {
    expect(Object.keys(SETTLEABLE)).toContain(question);
    expect(SETTLEABLE[question as Settleable] as readonly string[]).toContain(settled.answer);
    expect(settled.words.trim().length).toBeGreaterThan(0);
    expect(s.situation).toContain(settled.words);
  }
}

/** Situations whose text appears twice in `situations`, or already appears in an earlier set. */
export function repeatedTexts(situations: readonly EvalSituation[], earlier: readonly EvalSituation[]): string[] {
  const seenBefore = new Set(earlier.map((s) => normalised(s.situation)));
  const seen = new Set<string>();
  return situations
    .filter((s) => {
      const text = normalised(s.situation);
      const repeated = seen.has(text) || seenBefore.has(text);
      seen.add(text);
      return repeated;
    })
    .map((s) => s.id);
}

/** Sources cited more than `maxUses` times in `situations`, or already cited by an earlier set. */
export function overusedSources(
  situations: readonly EvalSituation[],
  earlier: readonly EvalSituation[],
  maxUses = 1,
): string[] {
  const citedBefore = new Set(earlier.map((s) => s.source));
  const uses = new Map<string, number>();
  for (const { source } of situations) uses.set(source, (uses.get(source) ?? 0) + 1);
  return [...uses].filter(([source, count]) => count > maxUses || citedBefore.has(source)).map(([source]) => source);
}

const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

/** The situations.json of each named set, by folder under tests/advisor/eval: '' for set 1, 'round2', 'pool3', … */
export const situationsOf = (...folders: readonly string[]) =>
  folders.map((folder) => join(EVAL_DIR, folder, 'situations.json'));

/**
 * Every set's folder in the order the sets were written, which is the order training lists them in ('' for set 1):
 * a set checks its texts and sources against all the sets before it. Sets written side by side (pools 2, 3 and 6,
 * round 7) keep the lists they were written with.
 */
const WRITTEN = TRAINING_SETS.map((set) => {
  const folder = dirname(set.files[0] ?? '');
  return folder === '.' ? '' : folder;
});

/** The situations.json of every set written before this one (a folder under tests/advisor/eval). */
export function situationsBefore(folder: string): string[] {
  const at = WRITTEN.indexOf(folder);
  if (at < 0) throw new Error(`${folder} is not among the sets in the order they were written`);
  return situationsOf(...WRITTEN.slice(0, at));
}
