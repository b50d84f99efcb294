import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool written from public Q&A, forum threads and write-ups (AI token streaming, job progress, log tails,
 * chat widgets, trading feeds, voice rooms, sports broadcasts, field-tracking apps, internal service buses), labelled
 * from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It words the
 * direction of flow many ways and settles the payload question in at least a quarter of its rows.
 */
describePool({
  name: 'the ninth training pool',
  dir: here,
  idLetter: 'n',
  payloadShare: 0.25,
  earlier: situationsBefore('pool9'),
});
