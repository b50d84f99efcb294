import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from engineering write-ups of sports and election newsrooms, trading and exchange feeds,
 * collaborative whiteboards, ride hailing and delivery, telehealth, smart TVs, church and esports broadcasts, and
 * backend event buses, labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question in at least a quarter of its rows, in varied words. One row was
 * dropped when it landed for citing a page pool 12 cites too.
 */
describePool({
  name: 'the fourteenth training pool',
  dir: here,
  idLetter: 'f',
  payloadShare: 0.25,
  earlier: situationsBefore('pool14'),
});
