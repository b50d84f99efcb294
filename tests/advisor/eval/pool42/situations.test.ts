import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from GitHub issues of notification and messaging products (self-hosted and hosted push,
 * web push, notification infrastructure, chat bots and bridges, IRC and XMPP servers, webhook relays), labelled from
 * the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the
 * payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 * One row was dropped when it landed for citing a page that round 12 cites too.
 */
describePool({
  name: 'the forty-second training pool',
  dir: here,
  idLetter: 'p42-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool42'),
});
