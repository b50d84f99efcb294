import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from repositories' own documents (READMEs, design notes, changelogs and example apps that
 * explain a realtime feature), labelled from the seed's rules and the wizard alone, with the words that settle each
 * question (`settles`). It settles the payload question often, in varied words, and needs at least 8 of each
 * 'neither' kind.
 */
describePool({
  name: 'the nineteenth training pool',
  dir: here,
  idLetter: 'p19-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool19'),
});
