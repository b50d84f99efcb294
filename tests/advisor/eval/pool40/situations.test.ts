import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from browser and runtime bug trackers (EventSource, WebSocket, fetch streaming, WebTransport,
 * background connections in React Native and Electron, Deno, gRPC keepalive, HLS players), labelled from the seed's
 * rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload question
 * often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fortieth training pool',
  dir: here,
  idLetter: 'p40-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool40'),
});
