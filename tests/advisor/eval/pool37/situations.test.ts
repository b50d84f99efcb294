import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from vendors' and platforms' sample repositories and tutorial repos that build a realtime
 * feature (Amazon IVS live channels, LiveKit Meet, Mux examples, Azure's RAG and speech samples, Bedrock and Gemini
 * streaming, Cloudflare Durable Objects chat, Google's microservices demo, MyDriving telemetry, Chrome's WebTransport
 * samples), labelled from the seed's rules and the wizard alone, with the words that settle each question (`settles`).
 * It settles the payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirty-seventh training pool',
  dir: here,
  idLetter: 'p37-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool37'),
});
