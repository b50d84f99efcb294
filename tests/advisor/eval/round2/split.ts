/**
 * Round 2 of the free-text evaluation: splits situations.json into development.json and held-out.json, half of each
 * expected kind in each file, decided by a seeded generator so the split never changes. Run it once
 * (`npx tsx tests/advisor/eval/round2/split.ts`) and commit its output; held-out.test.ts pins the held-out bytes.
 * Never re-run it to move a situation from one half to the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalSituation, KINDS } from '../kinds.js';

export const SEED = 0x5e2d_2026;

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
export function splitRound2(situations: readonly EvalSituation[], seed: number = SEED): Halves {
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  const situations = JSON.parse(readFileSync(join(here, 'situations.json'), 'utf8')) as EvalSituation[];
  const { development, heldOut } = splitRound2(situations);
  writeFileSync(join(here, 'development.json'), `${JSON.stringify(development, null, 2)}\n`);
  writeFileSync(join(here, 'held-out.json'), `${JSON.stringify(heldOut, null, 2)}\n`);
  console.log(`seed ${SEED}: ${development.length} development, ${heldOut.length} held out`);
}
