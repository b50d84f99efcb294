import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from GitHub threads on GraphQL subscriptions and database change notifications (Apollo,
 * graphql-ws, subscriptions-transport-ws, Mercurius, Hot Chocolate, Strawberry, gqlgen, Absinthe, PostGraphile,
 * Postgres LISTEN/NOTIFY, MongoDB change streams, SurrealDB live queries, RethinkDB changefeeds, Redis keyspace
 * notifications, Prisma Pulse), labelled from the seed's rules and the wizard alone, with the words that settle each
 * question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each
 * 'neither' kind. The search budget ran out at 124 candidate pages, so it has 124 rows.
 */
describePool({
  name: 'the seventy-second training pool',
  dir: here,
  idLetter: 'p72-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool72'),
});
