import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from issue threads of self-hosted end-user products (helpdesks, monitoring, home automation,
 * camera NVRs, media servers, live streaming, CMSs and shops, chat), labelled from the seed's rules and the wizard
 * alone, with the words that settle each question (`settles`). It settles the payload question often, in varied
 * words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the twenty-eighth training pool',
  dir: here,
  idLetter: 'p28-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool28'),
});
