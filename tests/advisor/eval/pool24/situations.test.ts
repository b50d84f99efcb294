import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from games, game engines and interactive apps (Colyseus, Nakama, boardgame.io, Lichess and its
 * API clients, Godot and Bevy networking, geckos.io, Kahoot clones, live polls and leaderboards, collaborative
 * whiteboards, matchmakers and master servers), labelled from the seed's rules and the wizard alone, with the words
 * that settle each question (`settles`). It settles the payload question often, in varied words, and has at least
 * eight rows of each 'neither' kind.
 * One row was dropped when it landed for citing a page pool 21 cites too.
 */
describePool({
  name: 'the twenty-fourth training pool',
  dir: here,
  idLetter: 'p24-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool24'),
});
