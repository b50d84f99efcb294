import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from public discussions and write-ups (framework blogs, home automation, church streaming,
 * message brokers, browser games, proxies in front of SignalR), labelled from the seed's rules and the wizard alone,
 * with the words that settle each question (`settles`). It settles the payload question often, in varied words, and
 * has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-sixth training pool',
  dir: here,
  idLetter: 'p36-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool36'),
});
