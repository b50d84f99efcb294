import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from mobile, embedded, desktop and backend-infrastructure projects (home automation, MQTT
 * bridges, media servers, change feeds, game servers), labelled from the seed's rules and the wizard alone, with the
 * words that settle each question (`settles`). It settles the payload question often, in varied words. Four rows
 * were dropped when it landed for citing pages that round 9 or pool 7 cite too, three of them WebTransport's.
 */
describePool({
  name: 'the tenth training pool',
  dir: here,
  idLetter: 's',
  payloadShare: 0.25,
  neitherMinimum: 6,
  earlier: situationsBefore('pool10'),
});
