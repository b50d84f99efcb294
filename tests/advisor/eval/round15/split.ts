/**
 * Round 15 of the free-text evaluation: its seed for the shared stratified split (../seeded-split.ts). Run it once
 * (`npx tsx tests/advisor/eval/round15/split.ts`) and commit its output; held-out.test.ts pins the held-out bytes.
 * Never re-run it to move a situation from one half to the other.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSplit } from '../seeded-split.js';

export const SEED = 0x5e15_b7d3;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeSplit(dirname(fileURLToPath(import.meta.url)), SEED);
}
