import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the Ruby and PHP worlds' issue threads (Action Cable, Turbo Streams, AnyCable, Discourse's
 * message bus, Laravel Echo and Reverb, Livewire, Mercure, Symfony, WordPress plugins, Swoole, Workerman, Nextcloud
 * apps, Matomo), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each 'neither'
 * kind.
 */
describePool({
  name: 'the fifty-first training pool',
  dir: here,
  idLetter: 'p51-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool51'),
});
