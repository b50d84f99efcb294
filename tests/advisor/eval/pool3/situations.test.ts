import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsOf } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool for the learned classifier: free text as people type it, labelled from the seed's rules and the
 * wizard alone, with the words that settle each question (`settles`), by a labeller who never read the reader. Two
 * rows that cited round 7's pages (written in parallel) were dropped before training on it.
 */
describePool({
  name: 'the third training pool',
  dir: here,
  idLetter: 'y',
  earlier: situationsOf('', 'round2', 'round3', 'pool', 'round4', 'round5', 'round6', 'round7'),
});
