import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from SaaS platforms' documentation about getting events out of them (Zendesk, HubSpot,
 * Salesforce Streaming and Pub/Sub API, Shopify, Stripe, Twilio, Slack, Discord gateway, Twitch EventSub, Strava,
 * GitLab, exchanges' market-data feeds), labelled from the seed's rules and the wizard alone, with the words that
 * settle each question (`settles`). It settles the payload question often, in varied words, and has at least eight
 * rows of each 'neither' kind.
 * Its search budget ran out early: thirteen rows (p48-003, 018, 021, 029, 032, 039, 040, 048, 054, 072, 086, 094,
 * 097) cite pages linked from results it read, written from those pages' topics, not from the pages themselves.
 */
describePool({
  name: 'the forty-eighth training pool',
  dir: here,
  idLetter: 'p48-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool48'),
});
