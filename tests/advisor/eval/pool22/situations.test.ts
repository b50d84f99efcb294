import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from public questions and write-ups about framework-level real-time plumbing (Flask, Django,
 * Spring, PHP and Express event streams, Node and STOMP sockets, speech-to-text sockets, Socket.IO fallbacks, QUIC
 * head-of-line blocking, WebRTC conferencing, live broadcast and beacon analytics), labelled from the seed's rules and
 * the wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the twenty-second training pool',
  dir: here,
  idLetter: 'p22-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool22'),
});
