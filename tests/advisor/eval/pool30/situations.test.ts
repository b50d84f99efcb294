import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from GitHub issues of AI, data and developer tools (LLM chat UIs and gateways, notebooks and
 * Python app frameworks, editor plugins and language servers, browser extensions, CI and deploy tools, log viewers),
 * labelled from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It
 * settles the payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 * Three rows were dropped when it landed for citing pages that pool 26 or pool 28 cites too.
 */
describePool({
  name: 'the thirtieth training pool',
  dir: here,
  idLetter: 'p30-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool30'),
});
