import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from cloud, hosting and network documentation (load balancer and CDN limits, Cloud Run, Front
 * Door, Fly.io, ingress controllers, service meshes, corporate proxies), labelled from the seed's rules and the wizard
 * alone, with the words that settle each question (`settles`). It settles the payload question often, in varied
 * words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-fourth training pool',
  dir: here,
  idLetter: 'p34-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool34'),
});
