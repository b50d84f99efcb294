import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from web write-ups and Q&A pages (live tickers, LLM token streams, CI logs, chat and
 * whiteboards, browser games, IoT uplinks, live video, inter-service messaging, proxies that break upgrades),
 * labelled from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It
 * settles the payload question often, in varied words.
 */
describePool({
  name: 'the twelfth training pool',
  dir: here,
  idLetter: 'c',
  payloadShare: 0.25,
  earlier: situationsBefore('pool12'),
});
