import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from tutorials and write-ups that build something realtime (chat apps, dashboards,
 * notifications, games, collaborative editors, IoT panels, calls, live streams, AI chat streaming), labelled from the
 * seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload
 * question often, in varied words, and has at least eight rows of each 'neither' kind.
 * Seven rows were dropped when it landed for citing pages that round 10 or another new pool cites too (two
 * WebTransport's: its floor is 6).
 */
describePool({
  name: 'the twenty-third training pool',
  dir: here,
  idLetter: 'p23-',
  payloadShare: 0.25,
  neitherMinimum: 6,
  earlier: situationsBefore('pool23'),
});
