import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from self-hosted applications, games, dashboards, trading bots and classroom tools (status
 * pages, printer front ends, workflow editors, whiteboards, chat servers, photo backup, camera NVRs, live TV), labelled
 * from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the
 * payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fifteenth training pool',
  dir: here,
  idLetter: 'i',
  payloadShare: 0.25,
  earlier: situationsBefore('pool15'),
});
