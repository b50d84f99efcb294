import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from public questions and write-ups found by what people ask without naming the technology
 * (live notifications, auto-refreshing pages, log tails, sensor uploads, proxies and idle timeouts, voice in games,
 * town-hall streams, QUIC netcode), labelled from the seed's rules and the wizard alone, with the words that settle
 * each question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of
 * each 'neither' kind.
 * Four rows were dropped when it landed for citing pages that round 11 cites too.
 */
describePool({
  name: 'the twenty-seventh training pool',
  dir: here,
  idLetter: 'p27-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool27'),
});
