import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the JavaScript/TypeScript world's issue threads (Next.js, Nuxt, SvelteKit, Hono, Fastify,
 * NestJS, socket.io, uWebSockets, Yjs, PartyKit and the apps built on them), labelled from the seed's rules and the
 * wizard alone, with the words that settle each question (`settles`). A quarter of its rows settle the payload
 * question, in varied words.
 */
describePool({
  name: 'the seventh training pool',
  dir: here,
  idLetter: 'k',
  payloadShare: 0.25,
  earlier: situationsBefore('pool7'),
});
