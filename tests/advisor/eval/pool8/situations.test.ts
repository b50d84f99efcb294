import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsOf } from '../situation-checks.js';

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
  earlier: situationsOf(
    '',
    'round2',
    'round3',
    'pool',
    'round4',
    'round5',
    'round6',
    'round7',
    'round8',
    'pool2',
    'pool3',
    'pool4',
    'pool5',
    'pool6',
    'round9',
    'pool7',
  ),
});
