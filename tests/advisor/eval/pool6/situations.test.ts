import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsOf } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from industry write-ups (logistics, healthcare, trading, games, media, IoT, education,
 * retail), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, since few earlier rows say whether their data is binary.
 */
describePool({
  name: 'the sixth training pool',
  dir: here,
  idLetter: 'j',
  payloadShare: 0.25,
  earlier: situationsOf('', 'round2', 'round3', 'pool', 'round4', 'round5', 'round6', 'round7', 'pool2', 'pool3'),
});
