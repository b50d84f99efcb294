import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from industry and public-sector write-ups (fleet tracking, IoT and SCADA dashboards, patient
 * monitoring and telehealth, e-learning classrooms, trading and betting, transit feeds, FHIR integrations, council
 * meeting streams), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each 'neither'
 * kind.
 * One row was dropped when it landed for citing a page that pool 57 cites too.
 */
describePool({
  name: 'the fifty-eighth training pool',
  dir: here,
  idLetter: 'p58-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool58'),
});
