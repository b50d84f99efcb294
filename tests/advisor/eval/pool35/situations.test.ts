import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the issue threads of backends and sync engines with change feeds (Supabase Realtime,
 * Firebase SDKs, CouchDB/PouchDB, ElectricSQL, PowerSync, PocketBase, Hasura, Directus, Automerge, Yjs and
 * Hocuspocus, Replicache and others), labelled from the seed's rules and the wizard alone, with the words that settle
 * each question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of
 * each 'neither' kind.
 */
describePool({
  name: 'the thirty-fifth training pool',
  dir: here,
  idLetter: 'p35-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool35'),
});
