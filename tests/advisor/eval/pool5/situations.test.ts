import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from issues and pull requests of Go, Rust, Java/Kotlin, .NET, PHP, Python, Elixir, Ruby and
 * embedded C/C++ projects, labelled from the seed's rules and the wizard alone, with the words that settle each
 * question (`settles`). Written in parallel with pool 4: eleven rows that cited pool 4's pages were dropped.
 */
describePool({
  name: 'the fifth training pool',
  dir: here,
  idLetter: 'h',
  payloadShare: 0.25,
  earlier: [
    join(here, '..', 'situations.json'),
    join(here, '..', 'round2', 'situations.json'),
    join(here, '..', 'round3', 'situations.json'),
    join(here, '..', 'pool', 'situations.json'),
    join(here, '..', 'round4', 'situations.json'),
    join(here, '..', 'round5', 'situations.json'),
    join(here, '..', 'round6', 'situations.json'),
    join(here, '..', 'round7', 'situations.json'),
    join(here, '..', 'pool2', 'situations.json'),
    join(here, '..', 'pool3', 'situations.json'),
    join(here, '..', 'pool4', 'situations.json'),
  ],
});
