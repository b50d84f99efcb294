import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';

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
  earlier: [
    join(here, '..', 'situations.json'),
    join(here, '..', 'round2', 'situations.json'),
    join(here, '..', 'round3', 'situations.json'),
    join(here, '..', 'pool', 'situations.json'),
    join(here, '..', 'round4', 'situations.json'),
    join(here, '..', 'round5', 'situations.json'),
    join(here, '..', 'round6', 'situations.json'),
    join(here, '..', 'round7', 'situations.json'),
    join(here, '..', 'pool2', 'situations.json'),
    join(here, '..', 'pool3', 'situations.json'),
  ],
});
