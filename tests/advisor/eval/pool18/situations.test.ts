import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from framework and protocol documentation across languages (Quarkus, Micronaut, Ktor, Vert.x,
 * Actix, Axum, FastAPI, Starlette, Sanic, Tornado, Rails Turbo Streams and AnyCable, Mercure, Spring WebFlux, gRPC-web,
 * tRPC, Hasura and GraphQL subscriptions, Socket.IO, SignalR, NATS, MQTT over WebSockets, WebTransport and HTTP
 * Datagrams, tus uploads, HLS, LiveKit and WebRTC guides), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each 'neither'
 * kind.
 */
describePool({
  name: 'the eighteenth training pool',
  dir: here,
  idLetter: 'p18-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool18'),
});
