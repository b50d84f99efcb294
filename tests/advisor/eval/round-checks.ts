/**
 * The checks every evaluation round from round 2 on makes of its own files, written once: a round's
 * held-out.test.ts calls describeRound with what differs (its folder, id letter, seed, pinned hash, the rounds
 * before it). A round's held-out half is never tuned against or edited: its bytes are pinned, so a changed hash means
 * an edit or a re-split, and every later figure would no longer compare with the first one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EvalSituation, KINDS } from './kinds.js';
import { splitStratified } from './seeded-split.js';
import { expectWellFormed, normalised } from './situation-checks.js';

export interface Round {
  /** How the round is named in test titles: 'round 3'. */
  name: string;
  /** The folder holding its situations.json, development.json and held-out.json. */
  dir: string;
  /** The letter its ids start with: ids run `${idLetter}001`, `${idLetter}002`, … in order. */
  idLetter: string;
  minimum: number;
  seed: number;
  heldOutSha256: string;
  /** The situations.json files of the rounds before it; no text or source may repeat from them. */
  earlier: readonly string[];
  /** Where its sources may come from, when the round was restricted to some hosts. */
  sourceHosts?: RegExp;
}

const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as EvalSituation[];

export function describeRound(round: Round): void {
  const situations = load(join(round.dir, 'situations.json'));
  const development = load(join(round.dir, 'development.json'));
  const heldOut = load(join(round.dir, 'held-out.json'));
  const earlier = round.earlier.flatMap(load);

  describe(`${round.name} of the free-text evaluation set`, () => {
    it('pins the held-out half by its SHA-256', () => {
      const bytes = readFileSync(join(round.dir, 'held-out.json'));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(round.heldOutSha256);
    });

    it(`has at least ${round.minimum} situations with unique, sequential ${round.idLetter}-ids`, () => {
      expect(situations.length).toBeGreaterThanOrEqual(round.minimum);
      expect(situations.map((s) => s.id)).toEqual(
        situations.map((_, i) => `${round.idLetter}${String(i + 1).padStart(3, '0')}`),
      );
    });

    it.each(situations.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => {
      expectWellFormed(s);
      if (round.sourceHosts) expect(new URL(s.source).hostname).toMatch(round.sourceHosts);
    });

    it('has about ten ambiguous situations', () => {
      const ambiguous = situations.filter((s) => s.ambiguous).length;
      expect(ambiguous).toBeGreaterThanOrEqual(8);
      expect(ambiguous).toBeLessThanOrEqual(14);
    });

    it('covers every answer kind', () => {
      for (const kind of KINDS) expect(situations.some((s) => s.expected === kind)).toBe(true);
    });

    it('repeats no situation or source, within the round or from the rounds before it', () => {
      const texts = situations.map((s) => normalised(s.situation));
      expect(new Set(texts).size).toBe(texts.length);
      const sources = situations.map((s) => s.source);
      expect(new Set(sources).size).toBe(sources.length);
      const earlierTexts = new Set(earlier.map((s) => normalised(s.situation)));
      const earlierSources = new Set(earlier.map((s) => s.source));
      expect(texts.filter((t) => earlierTexts.has(t))).toEqual([]);
      expect(sources.filter((source) => earlierSources.has(source))).toEqual([]);
    });

    it('splits into two disjoint halves that together are the whole set, stratified by kind', () => {
      const dev = development.map((s) => s.id);
      const held = heldOut.map((s) => s.id);
      expect(dev.filter((id) => held.includes(id))).toEqual([]);
      expect([...dev, ...held].sort()).toEqual(situations.map((s) => s.id).sort());
      expect(Math.abs(dev.length - held.length)).toBeLessThanOrEqual(1);
      for (const kind of KINDS) {
        const inDev = development.filter((s) => s.expected === kind).length;
        const inHeld = heldOut.filter((s) => s.expected === kind).length;
        expect(Math.abs(inDev - inHeld)).toBeLessThanOrEqual(1);
      }
      const byId = new Map(situations.map((s) => [s.id, s]));
      for (const s of [...development, ...heldOut]) expect(s).toEqual(byId.get(s.id));
    });

    it('is the seeded split of the set, and the same every time', () => {
      const again = splitStratified(situations, round.seed);
      expect(again.development).toEqual(development);
      expect(again.heldOut).toEqual(heldOut);
      expect(splitStratified(situations, round.seed)).toEqual(again);
    });
  });
}
