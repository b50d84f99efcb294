import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvalSituation, KINDS } from '../kinds.js';
import { expectWellFormed, overusedSources, repeatedTexts, sequentialIds } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const load = (...path: string[]) => JSON.parse(readFileSync(join(here, ...path), 'utf8')) as EvalSituation[];

/**
 * A training pool for the learned classifier: free text as people type it (drawn from issues and pull requests of
 * Go, Rust, Java/Kotlin, .NET, PHP, Python, Elixir, Ruby and embedded C/C++ projects), labelled from the seed's rules
 * and the wizard alone, with the words that settle each question (`settles`), by a labeller who never read the
 * reader. It has no held-out half; it is training data only.
 */
const pool = load('situations.json');
/** The ten sets before it: no text or source of theirs may come back here. */
const earlierSets = [
  ...load('..', 'situations.json'),
  ...load('..', 'round2', 'situations.json'),
  ...load('..', 'round3', 'situations.json'),
  ...load('..', 'pool', 'situations.json'),
  ...load('..', 'round4', 'situations.json'),
  ...load('..', 'round5', 'situations.json'),
  ...load('..', 'round6', 'situations.json'),
  ...load('..', 'round7', 'situations.json'),
  ...load('..', 'pool2', 'situations.json'),
  ...load('..', 'pool3', 'situations.json'),
  // Written in parallel with pool 4: eleven rows that cited pool 4's pages were dropped before training on both.
  ...load('..', 'pool4', 'situations.json'),
];

/** The 'neither' kinds, each of which needs enough rows to be learnt rather than guessed. */
const NEITHER_KINDS = ['long-polling', 'webtransport', 'service-to-service', 'webrtc', 'hls', 'client-to-server'];

const countOf = (kind: string) => pool.filter((s) => s.expected === kind).length;
const settling = (question: string) => pool.filter((s) => s.settles && question in s.settles).length;

describe('the fifth training pool of free-text situations', () => {
  it('has at least 100 situations with sequential h-ids', () => {
    expect(pool.length).toBeGreaterThanOrEqual(100);
    expect(pool.map((s) => s.id)).toEqual(sequentialIds('h', pool.length));
  });

  it.each(pool.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => expectWellFormed(s));

  it('asks a wizard question in 8% to 15% of situations', () => {
    const ambiguous = pool.filter((s) => s.ambiguous).length;
    expect(ambiguous).toBeGreaterThanOrEqual(Math.ceil(pool.length * 0.08));
    expect(ambiguous).toBeLessThanOrEqual(Math.floor(pool.length * 0.15));
  });

  it('covers every kind: WebSocket and SSE most, at least 8 of each kind of neither', () => {
    for (const kind of KINDS) expect(countOf(kind)).toBeGreaterThan(0);
    for (const kind of NEITHER_KINDS) {
      expect(countOf(kind)).toBeGreaterThanOrEqual(8);
      expect(countOf(kind)).toBeLessThan(Math.min(countOf('websocket'), countOf('sse')));
    }
  });

  it('labels most situations with the direction their own words settle, and a quarter with the payloads', () => {
    expect(settling('direction')).toBeGreaterThan(pool.length / 2);
    expect(settling('binary')).toBeGreaterThanOrEqual(Math.ceil(pool.length * 0.25));
  });

  it('never settles the question a situation is labelled to ask', () => {
    const settledAsks = pool.filter((s) => s.ask && s.settles && s.ask in s.settles).map((s) => s.id);
    expect(settledAsks).toEqual([]);
  });

  it('repeats no situation or source, and takes nothing from the ten earlier sets', () => {
    expect(repeatedTexts(pool, earlierSets)).toEqual([]);
    expect(overusedSources(pool, earlierSets)).toEqual([]);
  });
});
