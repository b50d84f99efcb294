import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from teaching and standards material (IETF drafts, RFCs and working-group minutes, W3C and
 * WHATWG text, Chromium intent threads, course and tutorial pages, online books), labelled from the seed's rules and
 * the wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-ninth training pool',
  dir: here,
  idLetter: 'p39-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool39'),
});
