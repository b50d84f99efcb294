import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from product and framework documentation (Supabase, Mercure, Hotwire, Laravel, Spring,
 * SignalR and Azure Web PubSub, API Gateway, Durable Objects, Cloudflare Stream and Realtime, LiveKit, Centrifugo,
 * MDN, Vercel AI SDK, Firebase, Django) and the pages around it, labelled from the seed's rules and the wizard alone,
 * with the words that settle each question (`settles`). It settles the payload question often.
 */
describePool({
  name: 'the eighth training pool',
  dir: here,
  idLetter: 'm',
  payloadShare: 0.25,
  earlier: situationsBefore('pool8'),
});
