import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from C, C++ and embedded web servers and the devices and desktop apps built on them
 * (libwebsockets, uWebSockets, Boost.Beast, Crow, Drogon, Oat++, cpp-httplib, Mongoose, CivetWeb, ESP-IDF, Qt, POCO,
 * Seastar), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each
 * 'neither' kind.
 * One row was dropped when it landed for citing a page that round 14 cites too.
 */
describePool({
  name: 'the fifty-sixth training pool',
  dir: here,
  idLetter: 'p56-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool56'),
});
