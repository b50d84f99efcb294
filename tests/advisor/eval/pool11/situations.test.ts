import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from issues and pull requests outside the JavaScript ecosystem (Go, Rust, Java/Kotlin/Spring,
 * .NET/SignalR, PHP/Laravel, Python/Django/FastAPI/Flask, Elixir/Phoenix, Ruby/Rails, Swift, C/C++), labelled from
 * the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload
 * question often, in varied words, and each 'neither' kind has at least 8 rows.
 */
describePool({
  name: 'the eleventh training pool',
  dir: here,
  idLetter: 'a',
  payloadShare: 0.25,
  earlier: situationsBefore('pool11'),
});
