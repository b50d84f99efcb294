import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRound } from '../round-checks.js';
import { SEED } from './split.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Round 3 was written and labelled from the seed's rules and the data's added cases alone, by a labeller who had not
 * read the reader's code, and split before any tuning against it. Its sources are question-and-answer threads and
 * project issues only (another labeller takes blogs and write-ups). Its held-out half was reported once (35 of 48
 * right, 7 wrong picks) and then read, so it is development data now; its bytes stay pinned so that figure still
 * means what it said.
 */
describeRound({
  name: 'round 3',
  dir: here,
  idLetter: 't',
  minimum: 90,
  seed: SEED,
  heldOutSha256: 'dc366ddb79a54350386094afeb648982ae80404e2f906354af862d269e0b6eb0',
  earlier: [join(here, '..', 'situations.json'), join(here, '..', 'round2', 'situations.json')],
  sourceHosts:
    /^(github\.com|stackoverflow\.com|([a-z0-9-]+\.)*stackexchange\.com|(www\.|old\.)?reddit\.com|news\.ycombinator\.com|lobste\.rs|(community|discuss|forum)\.[a-z0-9.-]+)$/,
});
