/**
 * The checks every training pool from pool 2 on makes of its rows, written once: a pool's situations.test.ts calls
 * describePool with what differs (its folder, id letter, the sets before it, and what it was asked to cover). A pool
 * is training data only, with no held-out half; its rows carry per-question labels (`settles`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EvalSituation, KINDS } from './kinds.js';
import { expectWellFormed, overusedSources, repeatedTexts, sequentialIds } from './situation-checks.js';

export interface Pool {
  /** How the pool is named in test titles: 'the third training pool'. */
  name: string;
  /** The folder holding its situations.json. */
  dir: string;
  /** The letter its ids start with: ids run `${idLetter}001`, `${idLetter}002`, … in order. */
  idLetter: string;
  /** The situations.json files of the sets before it; no text or source may repeat from them. */
  earlier: readonly string[];
  /** The fewest rows of each 'neither' kind (8 unless rows were dropped for citing another set's pages). */
  neitherMinimum?: number;
  /** The least share of rows that settle the payload question, for a pool asked to cover it. */
  payloadShare?: number;
}

/** The 'neither' kinds, each of which needs enough rows to be learnt rather than guessed. */
const NEITHER_KINDS = ['long-polling', 'webtransport', 'service-to-service', 'webrtc', 'hls', 'client-to-server'];

const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as EvalSituation[];

export function describePool(pool: Pool): void {
  const rows = load(join(pool.dir, 'situations.json'));
  const earlier = pool.earlier.flatMap(load);
  const countOf = (kind: string) => rows.filter((s) => s.expected === kind).length;
  const settling = (question: 'direction' | 'binary') => rows.filter((s) => s.settles?.[question]).length;

  describe(`${pool.name} of free-text situations`, () => {
    it(`has at least 100 situations with sequential ${pool.idLetter}-ids`, () => {
      expect(rows.length).toBeGreaterThanOrEqual(100);
      expect(rows.map((s) => s.id)).toEqual(sequentialIds(pool.idLetter, rows.length));
    });

    it.each(rows.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => expectWellFormed(s));

    it('asks a wizard question in 8% to 15% of situations', () => {
      const ambiguous = rows.filter((s) => s.ambiguous).length;
      expect(ambiguous).toBeGreaterThanOrEqual(Math.ceil(rows.length * 0.08));
      expect(ambiguous).toBeLessThanOrEqual(Math.floor(rows.length * 0.15));
    });

    it('covers every kind: WebSocket and SSE most, enough of each kind of neither to learn it', () => {
      for (const kind of KINDS) expect(countOf(kind)).toBeGreaterThan(0);
      for (const kind of NEITHER_KINDS) {
        expect(countOf(kind)).toBeGreaterThanOrEqual(pool.neitherMinimum ?? 8);
        expect(countOf(kind)).toBeLessThan(Math.min(countOf('websocket'), countOf('sse')));
      }
    });

    it('labels most situations with the direction their own words settle', () => {
      expect(settling('direction')).toBeGreaterThan(rows.length / 2);
      expect(settling('binary')).toBeGreaterThanOrEqual(Math.ceil(rows.length * (pool.payloadShare ?? 0)));
    });

    it('never settles the question a situation is labelled to ask', () => {
      expect(rows.filter((s) => s.ask && s.settles && s.ask in s.settles).map((s) => s.id)).toEqual([]);
    });

    it('repeats no situation or source, and takes nothing from the sets before it', () => {
      expect(repeatedTexts(rows, earlier)).toEqual([]);
      expect(overusedSources(rows, earlier)).toEqual([]);
    });
  });
}
