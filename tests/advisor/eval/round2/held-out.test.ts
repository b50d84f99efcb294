import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvalSituation, KINDS } from '../kinds.js';
import { expectWellFormed, overusedSources, repeatedTexts, sequentialIds } from '../situation-checks.js';
import { SEED, splitRound2 } from './split.js';

const here = dirname(fileURLToPath(import.meta.url));
const bytes = (name: string) => readFileSync(join(here, name));
const load = (name: string) => JSON.parse(bytes(name).toString('utf8')) as EvalSituation[];
const situations = load('situations.json');
const development = load('development.json');
const heldOut = load('held-out.json');
const roundOne = JSON.parse(readFileSync(join(here, '..', 'situations.json'), 'utf8')) as EvalSituation[];

/**
 * Round 2 replaces round 1's held-out half, which has been reported and read. Nobody tunes against this held-out half
 * or edits it: its bytes are pinned, so a changed hash means an edit or a re-split, and every later figure would no
 * longer compare with the first one. Read the misses of development.json only.
 */
const HELD_OUT_SHA256 = '246707e2f5af9c94e793526262aa340010c268dfb372411e357115d3c9c1fd94';

describe('round 2 of the free-text evaluation set', () => {
  it('pins the held-out half by its SHA-256', () => {
    expect(createHash('sha256').update(bytes('held-out.json')).digest('hex')).toBe(HELD_OUT_SHA256);
  });

  it('has at least 80 situations with unique, sequential r-ids', () => {
    expect(situations.length).toBeGreaterThanOrEqual(80);
    expect(situations.map((s) => s.id)).toEqual(sequentialIds('r', situations.length));
  });

  it.each(situations.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => expectWellFormed(s));

  it('has about ten ambiguous situations', () => {
    const ambiguous = situations.filter((s) => s.ambiguous).length;
    expect(ambiguous).toBeGreaterThanOrEqual(8);
    expect(ambiguous).toBeLessThanOrEqual(14);
  });

  it('covers every answer kind', () => {
    for (const kind of KINDS) expect(situations.some((s) => s.expected === kind)).toBe(true);
  });

  it('repeats no situation or source, within round 2 or from round 1', () => {
    expect(repeatedTexts(situations, roundOne)).toEqual([]);
    expect(overusedSources(situations, roundOne)).toEqual([]);
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
    const again = splitRound2(situations, SEED);
    expect(again.development).toEqual(development);
    expect(again.heldOut).toEqual(heldOut);
    expect(splitRound2(situations, SEED)).toEqual(again);
  });
});
