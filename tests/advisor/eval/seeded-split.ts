/**
 * The seeded, stratified split every evaluation round from round 2 on uses: half of each expected kind goes to
 * development.json and half to held-out.json, decided by a seeded generator so a round's split never changes.
 * A round's own split.ts names its seed and calls writeSplit once; its output is committed and its held-out half
 * pinned by hash. Never re-run a round's split to move a situation from one half to the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EvalSituation, KINDS } from './kinds.js';

/** xorshift32 with a splitmix-style scrambled start: a tiny deterministic source of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/** Orders items by a random key drawn per item; ties (vanishingly rare) fall back to id order. */
function randomOrder(items: readonly EvalSituation[], random: () => number): EvalSituation[] {
  return items
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key || a.item.id.localeCompare(b.item.id))
    .map(({ item }) => item);
}

export interface Halves {
  development: EvalSituation[];
  heldOut: EvalSituation[];
}

/** Stratified by expected kind; a kind with an odd count gives its spare to alternating halves, development first. */
export function splitStratified(situations: readonly EvalSituation[], seed: number): Halves {
  const random = seededRandom(seed);
  const halves: Halves = { development: [], heldOut: [] };
  let spareGoesToDevelopment = true;
  for (const kind of KINDS) {
    const stratum = randomOrder(
      situations.filter((s) => s.expected === kind),
      random,
    );
    const odd = stratum.length % 2 === 1;
    const devCount = Math.floor(stratum.length / 2) + (odd && spareGoesToDevelopment ? 1 : 0);
    if (odd) spareGoesToDevelopment = !spareGoesToDevelopment;
    halves.development.push(...stratum.slice(0, devCount));
    halves.heldOut.push(...stratum.slice(devCount));
  }
  const byId = (a: EvalSituation, b: EvalSituation) => a.id.localeCompare(b.id);
  halves.development.sort(byId);
  halves.heldOut.sort(byId);
  return halves;
}

/** Reads a round's situations.json from `dir` and writes its development.json and held-out.json beside it. */
export function writeSplit(dir: string, seed: number): Halves {
  const situations = JSON.parse(readFileSync(join(dir, 'situations.json'), 'utf8')) as EvalSituation[];
  const halves = splitStratified(situations, seed);
  writeFileSync(join(dir, 'development.json'), `${JSON.stringify(halves.development, null, 2)}\n`);
  writeFileSync(join(dir, 'held-out.json'), `${JSON.stringify(halves.heldOut, null, 2)}\n`);
  console.log(`seed ${seed}: ${halves.development.length} development, ${halves.heldOut.length} held out`);
  return halves;
}
