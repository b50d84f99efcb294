import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from GitHub issues and discussions of business applications (shops and payments, ERPs and
 * CRMs, booking, maps and fleet tracking, point of sale), labelled from the seed's rules and the wizard alone, with
 * the words that settle each question (`settles`). It settles the payload question often, in varied words, and has
 * at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-eighth training pool',
  dir: here,
  idLetter: 'p38-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool38'),
});
