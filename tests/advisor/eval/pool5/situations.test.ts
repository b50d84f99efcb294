import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

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
  earlier: situationsBefore('pool5'),
});
