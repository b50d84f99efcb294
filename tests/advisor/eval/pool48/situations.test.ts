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
 */
describePool({
  name: 'the forty-eighth training pool',
  dir: here,
  idLetter: 'p48-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool48'),
});
