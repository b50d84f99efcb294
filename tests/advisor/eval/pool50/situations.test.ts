import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the Rust and Elixir worlds' issues and pull requests (axum, actix-web, warp, tungstenite,
 * tonic, quinn, salvo, Leptos, Dioxus, Tauri; Phoenix, LiveView, Plug, Bandit, Absinthe, Membrane), labelled from the
 * seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload
 * question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fiftieth training pool',
  dir: here,
  idLetter: 'p50-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool50'),
});
