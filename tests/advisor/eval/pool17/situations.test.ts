import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from framework write-ups and community pages (Laravel, Phoenix/Elixir, Django, Frappe,
 * FastAPI LLM streaming, Godot and Unity games, collaborative editors, ESP32 uploads, church and community
 * livestreams, market-data backends), labelled from the seed's rules and the wizard alone, with the words that
 * settle each question (`settles`). It settles the payload question often, in varied words, and has at least eight
 * rows of each 'neither' kind.
 */
describePool({
  name: 'the seventeenth training pool',
  dir: here,
  idLetter: 'p17-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool17'),
});
