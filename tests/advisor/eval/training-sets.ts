/**
 * The one list of labelled rows the learned reader is trained on (train.ts) and measured with (loro.ts): each
 * development set by name, as leave-one-round-out holds one set out at a time, in the order the sets were written
 * (situation-checks.ts checks each set against those before it). Adding a later round's development half is one line
 * at the end (`{ name: 'round 5', files: ['round5/development.json'] }`).
 *
 * A held-out half cannot come in by accident: a file named `held-out.json` is read only when RETIRED names it with
 * the SHA-256 its round's held-out.test.ts pins, which is written down only after that half was reported once and
 * retired into development. A fresh round's held-out half, listed here by mistake (or a whole round's
 * situations.json, which holds both halves), stops training with the reason.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutCases } from '../advise.held-out.js';
import type { AskQuestion, Kind, Settles } from './kinds.js';

export interface TrainingSet {
  name: string;
  /** Paths under tests/advisor/eval; `legacy` is the 24-row table of tests/advisor/advise.held-out.ts. */
  files: readonly string[];
}

export const TRAINING_SETS: readonly TrainingSet[] = [
  { name: 'set 1', files: ['development.json', 'held-out.json', 'legacy'] },
  { name: 'round 2', files: ['round2/development.json', 'round2/held-out.json'] },
  { name: 'round 3', files: ['round3/development.json', 'round3/held-out.json'] },
  { name: 'pool', files: ['pool/situations.json'] },
  { name: 'round 4', files: ['round4/development.json', 'round4/held-out.json'] },
  { name: 'round 5', files: ['round5/development.json', 'round5/held-out.json'] },
  { name: 'round 6', files: ['round6/development.json', 'round6/held-out.json'] },
  { name: 'pool 2', files: ['pool2/situations.json'] },
  { name: 'pool 3', files: ['pool3/situations.json'] },
  { name: 'round 7', files: ['round7/development.json', 'round7/held-out.json'] },
  { name: 'pool 4', files: ['pool4/situations.json'] },
  { name: 'pool 5', files: ['pool5/situations.json'] },
  { name: 'pool 6', files: ['pool6/situations.json'] },
  { name: 'round 8', files: ['round8/development.json', 'round8/held-out.json'] },
  { name: 'round 9', files: ['round9/development.json', 'round9/held-out.json'] },
  { name: 'pool 7', files: ['pool7/situations.json'] },
  { name: 'pool 8', files: ['pool8/situations.json'] },
  { name: 'pool 9', files: ['pool9/situations.json'] },
  { name: 'pool 10', files: ['pool10/situations.json'] },
  { name: 'pool 11', files: ['pool11/situations.json'] },
  { name: 'pool 12', files: ['pool12/situations.json'] },
  { name: 'pool 13', files: ['pool13/situations.json'] },
  { name: 'pool 14', files: ['pool14/situations.json'] },
  { name: 'pool 15', files: ['pool15/situations.json'] },
  { name: 'pool 16', files: ['pool16/situations.json'] },
  { name: 'pool 17', files: ['pool17/situations.json'] },
  { name: 'pool 18', files: ['pool18/situations.json'] },
  { name: 'pool 19', files: ['pool19/situations.json'] },
  { name: 'pool 20', files: ['pool20/situations.json'] },
  { name: 'round 10', files: ['round10/development.json', 'round10/held-out.json'] },
  { name: 'pool 21', files: ['pool21/situations.json'] },
  { name: 'pool 22', files: ['pool22/situations.json'] },
  { name: 'pool 23', files: ['pool23/situations.json'] },
  { name: 'pool 24', files: ['pool24/situations.json'] },
  { name: 'pool 25', files: ['pool25/situations.json'] },
  { name: 'pool 26', files: ['pool26/situations.json'] },
  { name: 'pool 27', files: ['pool27/situations.json'] },
  { name: 'pool 28', files: ['pool28/situations.json'] },
  { name: 'pool 29', files: ['pool29/situations.json'] },
  { name: 'pool 30', files: ['pool30/situations.json'] },
  { name: 'pool 31', files: ['pool31/situations.json'] },
  { name: 'round 11', files: ['round11/development.json', 'round11/held-out.json'] },
  { name: 'pool 32', files: ['pool32/situations.json'] },
  { name: 'pool 33', files: ['pool33/situations.json'] },
  { name: 'pool 34', files: ['pool34/situations.json'] },
  { name: 'pool 35', files: ['pool35/situations.json'] },
  { name: 'pool 36', files: ['pool36/situations.json'] },
  { name: 'pool 37', files: ['pool37/situations.json'] },
  { name: 'round 12', files: ['round12/development.json', 'round12/held-out.json'] },
  { name: 'pool 38', files: ['pool38/situations.json'] },
  { name: 'pool 39', files: ['pool39/situations.json'] },
  { name: 'pool 40', files: ['pool40/situations.json'] },
  { name: 'pool 41', files: ['pool41/situations.json'] },
  { name: 'pool 42', files: ['pool42/situations.json'] },
  { name: 'pool 43', files: ['pool43/situations.json'] },
  { name: 'pool 44', files: ['pool44/situations.json'] },
  { name: 'pool 46', files: ['pool46/situations.json'] },
  { name: 'pool 47', files: ['pool47/situations.json'] },
  { name: 'pool 48', files: ['pool48/situations.json'] },
  { name: 'round 13', files: ['round13/development.json', 'round13/held-out.json'] },
  { name: 'pool 50', files: ['pool50/situations.json'] },
  { name: 'pool 51', files: ['pool51/situations.json'] },
  { name: 'pool 52', files: ['pool52/situations.json'] },
  { name: 'pool 53', files: ['pool53/situations.json'] },
  { name: 'pool 54', files: ['pool54/situations.json'] },
  { name: 'pool 55', files: ['pool55/situations.json'] },
  { name: 'round 14', files: ['round14/development.json', 'round14/held-out.json'] },
  { name: 'pool 56', files: ['pool56/situations.json'] },
  { name: 'pool 57', files: ['pool57/situations.json'] },
  { name: 'pool 58', files: ['pool58/situations.json'] },
  { name: 'pool 59', files: ['pool59/situations.json'] },
  { name: 'pool 60', files: ['pool60/situations.json'] },
  { name: 'pool 61', files: ['pool61/situations.json'] },
  { name: 'round 15', files: ['round15/development.json', 'round15/held-out.json'] },
  { name: 'pool 62', files: ['pool62/situations.json'] },
  { name: 'pool 63', files: ['pool63/situations.json'] },
  { name: 'pool 64', files: ['pool64/situations.json'] },
  { name: 'pool 65', files: ['pool65/situations.json'] },
  { name: 'pool 66', files: ['pool66/situations.json'] },
  { name: 'pool 67', files: ['pool67/situations.json'] },
  { name: 'pool 70', files: ['pool70/situations.json'] },
  { name: 'pool 71', files: ['pool71/situations.json'] },
  { name: 'pool 72', files: ['pool72/situations.json'] },
];

/** Held-out halves that were reported once and then retired into development, with the hash each round pins. */
const RETIRED: Readonly<Record<string, string>> = {
  'held-out.json': '1800c4d43dfc0eb939d6bdfdb308a2fe67a8a95f83490b13c19365ce29b0d776',
  'round2/held-out.json': '246707e2f5af9c94e793526262aa340010c268dfb372411e357115d3c9c1fd94',
  'round3/held-out.json': 'dc366ddb79a54350386094afeb648982ae80404e2f906354af862d269e0b6eb0',
  'round4/held-out.json': '6cc77f7e81a2b3066bf6758dca43b0e5b010db8b71193eb8ba5b96271e9a9ba3',
  'round5/held-out.json': '27724757cbef41107e69a5ba29481b4f265285ff96350c6fee683580cecc383b',
  'round6/held-out.json': '66e278d64cd5c18051d297905001ef5ea4ac1ff10dec0770c350118a311833b3',
  'round7/held-out.json': '7155efa84af637e4feb4265991a69c5fdac43f72452eccc272361ca2849b4e74',
  'round8/held-out.json': 'c38a639764e60f07a2cf808ec977636872c415293f5bed97c32153afe662c3e8',
  'round9/held-out.json': '317edb93661a45c2665a1b75b91819d5af9fd3a3110a40ede5c60a95ab23775a',
  'round10/held-out.json': '7326a42f6bfc5f5ddf25e49e0a0a59577eacfcb62bd75732f0e267001f1e420d',
  'round11/held-out.json': '714cd3527e5c317bfc1e6fcb8ea001f79a1eb54802d73cc8f28d579cd82c5f3e',
  'round12/held-out.json': '7f88c2a058029307d091a95c4deddc84305fb18bca616dd822507726d0d3f00a',
  'round13/held-out.json': '9ad48a515623f907c7125e115006dbd7bfc2d6c8429009d0742046c23c09efd1',
  'round14/held-out.json': 'f7b7d037ca41112e5cb4dd08b56cba0451a0e8003e916962590dbf1090102b6c',
  'round15/held-out.json': '4497a8c504ca8aed086fd67eb68be35983f514967ab11c19f7aa9cbf0c3f1332',
};

/** A whole pool with no held-out half: the only situations.json that may be read whole. */
const WHOLE = new Set([
  'pool/situations.json',
  'pool2/situations.json',
  'pool3/situations.json',
  'pool4/situations.json',
  'pool5/situations.json',
  'pool6/situations.json',
  'pool7/situations.json',
  'pool8/situations.json',
  'pool9/situations.json',
  'pool10/situations.json',
  'pool11/situations.json',
  'pool12/situations.json',
  'pool13/situations.json',
  'pool14/situations.json',
  'pool15/situations.json',
  'pool16/situations.json',
  'pool17/situations.json',
  'pool18/situations.json',
  'pool19/situations.json',
  'pool20/situations.json',
  'pool21/situations.json',
  'pool22/situations.json',
  'pool23/situations.json',
  'pool24/situations.json',
  'pool25/situations.json',
  'pool26/situations.json',
  'pool27/situations.json',
  'pool28/situations.json',
  'pool29/situations.json',
  'pool30/situations.json',
  'pool31/situations.json',
  'pool32/situations.json',
  'pool33/situations.json',
  'pool34/situations.json',
  'pool35/situations.json',
  'pool36/situations.json',
  'pool37/situations.json',
  'pool38/situations.json',
  'pool39/situations.json',
  'pool40/situations.json',
  'pool41/situations.json',
  'pool42/situations.json',
  'pool43/situations.json',
  'pool44/situations.json',
  'pool46/situations.json',
  'pool47/situations.json',
  'pool48/situations.json',
  'pool50/situations.json',
  'pool51/situations.json',
  'pool52/situations.json',
  'pool53/situations.json',
  'pool54/situations.json',
  'pool55/situations.json',
  'pool56/situations.json',
  'pool57/situations.json',
  'pool58/situations.json',
  'pool59/situations.json',
  'pool60/situations.json',
  'pool61/situations.json',
  'pool62/situations.json',
  'pool63/situations.json',
  'pool64/situations.json',
  'pool65/situations.json',
  'pool66/situations.json',
  'pool67/situations.json',
  'pool70/situations.json',
  'pool71/situations.json',
  'pool72/situations.json',
]);

export interface LabelledRow {
  id: string;
  situation: string;
  expected: Kind;
  ask?: AskQuestion;
  settles?: Settles;
}

const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

export class HeldOutError extends Error {
  override name = 'HeldOutError';
}

/** One listed file's rows, refusing any held-out half that was not retired. */
export function rowsOfFile(file: string, dir: string = EVAL_DIR): LabelledRow[] {
  if (file === 'legacy')
    return heldOutCases.map((c, i) => ({
      id: `legacy-${String(i + 1).padStart(2, '0')}`,
      situation: c.situation,
      expected: c.expected,
      ...(c.ask ? { ask: c.ask } : {}),
    }));
  const bytes = readFileSync(join(dir, file));
  if (basename(file) === 'held-out.json') {
    const pinned = RETIRED[file];
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (!pinned)
      throw new HeldOutError(
        `${file} is a held-out half that has not been retired: it is never trained on before it is reported once`,
      );
    if (pinned !== actual) throw new HeldOutError(`${file} does not match the retired half's SHA-256 (${pinned})`);
  }
  if (basename(file) === 'situations.json' && !WHOLE.has(file))
    throw new HeldOutError(`${file} holds a round's held-out half too: list its development.json instead`);
  return JSON.parse(bytes.toString('utf8')) as LabelledRow[];
}

/** Every row of the named sets (all of them by default), in the list's order. */
export function rowsOf(sets: readonly TrainingSet[] = TRAINING_SETS, dir?: string): LabelledRow[] {
  return sets.flatMap((set) => set.files.flatMap((file) => rowsOfFile(file, dir)));
}
