import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from JavaScript and TypeScript front ends and Node backends (Vue/Nuxt, Angular, Svelte,
 * React Native, Expo, Electron, Tauri, Nest, Moleculer, Medusa, Strapi, Directus, Feathers, Meteor, and the
 * Supabase, Firebase, Appwrite and PocketBase clients), labelled from the seed's rules and the wizard alone, with the
 * words that settle each question (`settles`). It settles the payload question often, in varied words, and has at
 * least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the sixteenth training pool',
  dir: here,
  idLetter: 'p16-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool16'),
});
