import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from repositories' own documents (READMEs, ADRs, design notes, plans, example apps) that
 * describe a realtime, streaming, sync, upload or telemetry feature, labelled from the seed's rules and the wizard
 * alone, with the words that settle each question (`settles`). It settles the payload question often, in varied
 * words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the twenty-ninth training pool',
  dir: here,
  idLetter: 'p29-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool29'),
});
