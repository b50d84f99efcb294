import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from science, research computing and ML operations (experiment trackers, notebooks and hubs,
 * workflow managers, HPC portals, beamline and instrument control, observatories), labelled from the seed's rules and
 * the wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the sixty-fifth training pool',
  dir: here,
  idLetter: 'p65-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool65'),
});
