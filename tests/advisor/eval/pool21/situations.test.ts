import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from realtime and messaging infrastructure (brokers and gateways such as NATS, Centrifugo,
 * Mercure, Soketi, EMQX and Mosquitto; proxies such as Envoy, Traefik, Kong, Caddy and nginx modules; edge and
 * serverless runtimes such as workerd, Vercel, Netlify and Deno Deploy), labelled from the seed's rules and the wizard
 * alone, with the words that settle each question (`settles`). It settles the payload question often, in varied
 * words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the twenty-first training pool',
  dir: here,
  idLetter: 'p21-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool21'),
});
