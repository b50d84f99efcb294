import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from industry write-ups (telemedicine, fleet tracking, trading, betting, e-commerce,
 * broadcasting, SCADA, smart meters, smart home, EV charging, agriculture, education), labelled from the seed's rules
 * and the wizard alone, with the words that settle each question (`settles`). It settles the payload question often,
 * in varied words, and has at least eight rows of each 'neither' kind.
 * Six rows were dropped when it landed for citing pages that round 10 or another new pool cites too (one
 * long polling's: its floor is 7).
 */
describePool({
  name: 'the twenty-fifth training pool',
  dir: here,
  idLetter: 'p25-',
  payloadShare: 0.25,
  neitherMinimum: 7,
  earlier: situationsBefore('pool25'),
});
