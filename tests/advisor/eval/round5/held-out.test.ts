import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRound } from '../round-checks.js';
import { situationsBefore } from '../situation-checks.js';
import { SEED } from './split.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Round 5 was written and labelled from the seed's rules and the data's added cases alone, by a labeller who had not
 * read the reader's code or vocabulary, and split before any tuning against it. Its sources are project issues,
 * question-and-answer threads, vendor docs and public write-ups, none cited by rounds 1 to 4 or the pool. Its
 * held-out half was reported once before this session's change and once after it, unread in between (32 of 46
 * right with 7 wrong picks before; 33 with 5 after), then read, so it is development data now; its bytes stay pinned
 * so those figures still mean what they said.
 */
describeRound({
  name: 'round 5',
  dir: here,
  idLetter: 'v',
  minimum: 80,
  seed: SEED,
  heldOutSha256: '27724757cbef41107e69a5ba29481b4f265285ff96350c6fee683580cecc383b',
  earlier: situationsBefore('round5'),
});
