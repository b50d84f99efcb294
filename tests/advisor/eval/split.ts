/**
 * Splits situations.json into development.json and held-out.json: half each, stratified by expected kind,
 * deterministic for SEED. Run once (`npx tsx tests/advisor/eval/split.ts`); its output is committed.
 * The held-out half is pinned by held-out.test.ts: never re-run this to move situations between halves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalSituation, KINDS } from './kinds.js';

export const SEED = 20260605;

/** mulberry32: a small seeded PRNG, so the split never depends on Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function split(situations: readonly EvalSituation[], seed: number) {
  const random = mulberry32(seed);
  const development: EvalSituation[] = [];
  const heldOut: EvalSituation[] = [];
  // Odd strata leave one spare; alternate which half gets it so the halves stay even overall.
  let spareToHeldOut = true;
  for (const kind of KINDS) {
    const stratum = shuffled(
      situations.filter((s) => s.expected === kind),
      random,
    );
    let half = Math.floor(stratum.length / 2);
    if (stratum.length % 2 === 1) {
      if (spareToHeldOut) half += 1;
      spareToHeldOut = !spareToHeldOut;
    }
    heldOut.push(...stratum.slice(0, half));
    development.push(...stratum.slice(half));
  }
  const byId = (a: EvalSituation, b: EvalSituation) => a.id.localeCompare(b.id);
  return { development: development.sort(byId), heldOut: heldOut.sort(byId) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  const situations = JSON.parse(readFileSync(join(here, 'situations.json'), 'utf8')) as EvalSituation[];
  const { development, heldOut } = split(situations, SEED);
  writeFileSync(join(here, 'development.json'), `${JSON.stringify(development, null, 2)}\n`);
  writeFileSync(join(here, 'held-out.json'), `${JSON.stringify(heldOut, null, 2)}\n`);
  console.log(`seed ${SEED}: ${development.length} development, ${heldOut.length} held out`);
}
