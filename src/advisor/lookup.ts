/**
 * What a short text asks for. One or two words are a look-up (help, compare, neither, a dimension by name or
 * alias), and so is a technology's name or alias however long ("server-sent events"); anything else is a
 * situation for `advise`. A short text that is no keyword still gets a chance as a
 * situation ("chat app"), and failing that, suggestions of the keywords it was closest to.
 */
import type { Comparison, Dimension, Technology } from './schema.js';
import { words } from './text.js';

export type Lookup =
  | { kind: 'wizard' }
  | { kind: 'help' }
  | { kind: 'compare' }
  | { kind: 'neither' }
  | { kind: 'history' }
  | { kind: 'technology'; technology: Technology }
  | { kind: 'dimension'; dimension: Dimension }
  | { kind: 'situation'; text: string };

/** Command words are the app's vocabulary, not the comparison's, so they live here rather than in the data. */
const KEYWORDS: Record<'help' | 'compare' | 'neither' | 'wizard' | 'history', readonly string[]> = {
  help: ['help', 'usage', 'how', '?', 'commands'],
  compare: ['compare', 'comparison', 'scorecard', 'score card', 'table', 'all', 'overview', 'vs', 'versus'],
  neither: ['neither', 'alternatives', 'alternative', 'other', 'others', 'none', 'something else'],
  wizard: ['wizard', 'start', 'ask me', 'questions', 'decide', 'quiz', 'start over', 'start again', 'restart'],
  history: ['history', 'decisions', 'past decisions', 'log', 'decision log'],
};

export const MAX_KEYWORD_WORDS = 2;

export function keyWords(text: string): string {
  return words(text).join(' ');
}

/**
 * Each dimension's and technology's names as key words, worked out once per comparison: the data does not change
 * after loading, and working them out again for every text typed took most of a look-up's time.
 */
interface Names {
  dimensions: { dimension: Dimension; names: Set<string> }[];
  technologies: { technology: Technology; names: Set<string> }[];
}
const namesByComparison = new WeakMap<Comparison, Names>();

function namesOf(comparison: Comparison): Names {
  let names = namesByComparison.get(comparison);
  if (!names) {
    names = {
      dimensions: comparison.dimensions.map((dimension) => ({
        dimension,
        names: new Set([keyWords(dimension.name), ...dimension.aliases.map(keyWords)]),
      })),
      technologies: comparison.technologies.map((technology) => ({
        technology,
        names: new Set([technology.name, technology.shortName, ...technology.aliases].map(keyWords)),
      })),
    };
    namesByComparison.set(comparison, names);
  }
  return names;
}

export function findDimension(comparison: Comparison, text: string): Dimension | undefined {
  const wanted = keyWords(text);
  if (!wanted) return undefined;
  const id = wanted.replace(/ /g, '-');
  return namesOf(comparison).dimensions.find((d) => d.names.has(wanted) || d.dimension.id === id)?.dimension;
}

/** A technology by its id, name, short name or an alias: "websockets", "ws", "server-sent events", "eventsource". */
export function findTechnology(comparison: Comparison, text: string): Technology | undefined {
  const wanted = keyWords(text);
  if (!wanted) return undefined;
  const id = wanted.replace(/ /g, '-');
  return namesOf(comparison).technologies.find((t) => t.technology.id === id || t.names.has(wanted))?.technology;
}

/** The word that looks a technology up: its short name, as typed ("websocket", "sse"). */
export function technologyWord(technology: Technology): string {
  return keyWords(technology.shortName) || technology.id;
}

export function interpret(comparison: Comparison, text: string): Lookup {
  const trimmed = text.trim();
  const wanted = trimmed === '?' ? '?' : keyWords(trimmed);
  if (!wanted) return { kind: 'wizard' };
  if (wanted.split(' ').length <= MAX_KEYWORD_WORDS) {
    for (const [kind, list] of Object.entries(KEYWORDS) as [keyof typeof KEYWORDS, readonly string[]][]) {
      if (list.includes(wanted)) return { kind };
    }
  }
  // A technology's whole name, however many words ("server sent events"), is a look-up, not a situation.
  const technology = findTechnology(comparison, wanted);
  if (technology) return { kind: 'technology', technology };
  if (wanted.split(' ').length <= MAX_KEYWORD_WORDS) {
    const dimension = findDimension(comparison, wanted);
    if (dimension) return { kind: 'dimension', dimension };
  }
  return { kind: 'situation', text: trimmed };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Keywords close to what was typed ("compair" → "compare"), best first, for the help text. */
export function suggestKeywords(comparison: Comparison, text: string, limit = 3): string[] {
  const wanted = keyWords(text);
  const candidates = [
    'help',
    'compare',
    'neither',
    'history',
    ...comparison.technologies.flatMap((t) => [technologyWord(t), ...t.aliases.map(keyWords)]),
    ...comparison.dimensions.flatMap((d) => [keyWords(d.name), ...d.aliases.map(keyWords)]),
  ];
  return [...new Set(candidates)]
    .map((word) => ({ word, distance: editDistance(wanted, word) }))
    .filter(({ word, distance }) => distance <= Math.max(1, Math.floor(word.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map(({ word }) => word);
}
