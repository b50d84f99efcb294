import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from vendor and community Q&A boards outside Stack Overflow (Microsoft Q&A, AWS re:Post,
 * Apple and Google developer forums, Arduino and Raspberry Pi forums, Unity and Unreal forums, Salesforce, SAP,
 * ServiceNow, Cisco communities, Quora), labelled from the seed's rules and the wizard alone, with the words that
 * settle each question (`settles`). It settles the payload question often, in varied words, and has at least eight
 * rows of each 'neither' kind.
 * Six rows were dropped when it landed for citing pages that round 12 or pool 39 cites too (HLS and WebTransport
 * keep seven each: their floor is 7).
 */
describePool({
  name: 'the forty-third training pool',
  dir: here,
  idLetter: 'p43-',
  payloadShare: 0.25,
  neitherMinimum: 7,
  earlier: situationsBefore('pool43'),
});
