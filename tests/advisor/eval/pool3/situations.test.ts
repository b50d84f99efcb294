import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';

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
  earlier: [
    join(here, '..', 'situations.json'),
    join(here, '..', 'round2', 'situations.json'),
    join(here, '..', 'round3', 'situations.json'),
    join(here, '..', 'pool', 'situations.json'),
    join(here, '..', 'round4', 'situations.json'),
    join(here, '..', 'round5', 'situations.json'),
    join(here, '..', 'round6', 'situations.json'),
    join(here, '..', 'round7', 'situations.json'),
  ],
});
