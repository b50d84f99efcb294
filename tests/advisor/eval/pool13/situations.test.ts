import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from infrastructure and platform documentation (Grafana Live, Home Assistant, Hasura,
 * Convex, Liveblocks, PartyKit, Fastly Fanout, Kong, Envoy, Traefik, HAProxy, Deno, Netlify, Twilio, Agora, Vonage,
 * Janus, Mux, Traccar, Grafana Faro, NATS, QUIC and WebTransport drafts), labelled from the seed's rules and the
 * wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the thirteenth training pool',
  dir: here,
  idLetter: 'd',
  payloadShare: 0.25,
  earlier: situationsBefore('pool13'),
});
