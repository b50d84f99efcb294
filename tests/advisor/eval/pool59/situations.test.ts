import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from serverless and edge platforms' community threads (Vercel and Next.js, Netlify,
 * Cloudflare Workers and Durable Objects, Deno Deploy, Fly.io, Render, Railway, AWS Lambda and API Gateway, AppSync,
 * Firebase, Supabase, Azure Functions and Web PubSub), labelled from the seed's rules and the wizard alone, with the
 * words that settle each question (`settles`). It settles the payload question often, in varied words, and has at
 * least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fifty-ninth training pool',
  dir: here,
  idLetter: 'p59-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool59'),
});
