import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from public GitHub issues and pull requests, each row labelled with its outcome and with what
 * the text itself settles (direction, binary, simplicity, a 'neither' condition) and the words that settle it, by a
 * labeller who never read the reader's code. Eleven rows that cited round 7's pages (written in parallel) were dropped
 * before training on it, five of them WebRTC: 4 of that kind remain.
 */
describePool({
  name: 'the second training pool',
  dir: here,
  idLetter: 'q',
  neitherMinimum: 4,
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
