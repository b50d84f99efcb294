import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from front-end framework and data-library threads (htmx, tRPC, TanStack Query, SWR, Apollo,
 * GraphQL over SSE, Socket.IO wrappers, upload and video UI kits), labelled from the seed's rules and the wizard
 * alone, with the words that settle each question (`settles`). It settles the payload question often, in varied
 * words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-second training pool',
  dir: here,
  idLetter: 'p32-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool32'),
});
