import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from AI agent and model-serving software (MCP servers and clients, agent frameworks, model
 * servers, realtime voice APIs, tracing SDKs, AI broadcast and robotics tooling), labelled from the seed's rules and
 * the wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 * Two rows were dropped when it landed for citing pages that pool 56 cites too.
 */
describePool({
  name: 'the sixty-first training pool',
  dir: here,
  idLetter: 'p61-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool61'),
});
