import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from developer write-ups and Q&A outside English and Chinese (Japanese, Korean, German,
 * French, Spanish, Portuguese and Russian communities), retold in English as people type into Slack, labelled from
 * the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload
 * question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fifty-fifth training pool',
  dir: here,
  idLetter: 'p55-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool55'),
});
