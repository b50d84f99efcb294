import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from Q&A threads and forums: free text as people type it, labelled from the seed's rules and
 * the wizard alone, with the words that settle each question (`settles`), by a labeller who never read the reader.
 */
describePool({
  name: 'the fourth training pool',
  dir: here,
  idLetter: 'g',
  earlier: situationsBefore('pool4'),
});
