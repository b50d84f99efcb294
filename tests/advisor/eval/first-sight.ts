/**
 * The learned second opinion on the reader as it was when it first met a set, before any tuning on it: the only
 * honest measure of what the combination does to wrong picks, since today's reader was tuned on every set.
 *
 *   git worktree add --detach /tmp/at-r4 1e3fcd0~1 && ln -s "$PWD/node_modules" /tmp/at-r4/node_modules
 *   npx tsx tests/advisor/eval/first-sight.ts /tmp/at-r4 'round 4' round4/held-out.json
 *
 * It reads each row with that checkout's reader, then weighs the classifier trained on every set but the one named
 * (leave-one-round-out) against it with today's policy (POLICY in train.ts), and with `--grid` for each threshold
 * of a small grid.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LearnedModel } from '../../../src/advisor/learned.js';
import { tokenize } from '../../../src/advisor/nlp.js';
import type { Comparison } from '../../../src/advisor/schema.js';
import { secondOpinion, type Weighed } from '../../../src/advisor/second-opinion.js';
import { settle } from '../../../src/advisor/settle.js';
import { applicableQuestions } from '../../../src/advisor/wizard.js';
import { type Kind, type Outcome, outcomeOf } from './kinds.js';
import { POLICY, train } from './train.js';
import { rowsOfFile, TRAINING_SETS } from './training-sets.js';

const [checkout, setName, ...files] = process.argv.slice(2).filter((a) => a !== '--grid');
if (!checkout || !setName || files.length === 0) {
  console.error('usage: first-sight.ts <old checkout> <set left out> <file>...');
  process.exit(2);
}
const old = (path: string) => import(pathToFileURL(join(checkout, 'src/advisor', path)).href);
const { loadComparisons } = await old('load.ts');
const { readText } = await old('free-text.ts');
const { compileReader } = await old('understand.ts');
const comparison = (loadComparisons(join(checkout, 'data')) as Comparison[])[0] as Comparison;
const reader = compileReader(comparison);
const others = TRAINING_SETS.filter((s) => s.name !== setName);
const model = train(
  others.flatMap((s) => s.files.flatMap((f) => rowsOfFile(f))),
  others.map((s) => s.name),
);
const rows = files.flatMap((f) => rowsOfFile(f));
const KIND_OF_PICK: Readonly<Record<string, Kind>> = { 'batched-posts': 'client-to-server' };

interface OldRead {
  state: {
    answers: Record<string, string>;
    text?: { quotes: Record<string, { words: string; strength: 'hint' }[]>; conditions: object; raised: string[] };
  };
  conflicts: Record<string, { sides: { option: string; words: string[] }[]; strength: 'hint' }>;
}

function outcomes(policy?: LearnedModel['policy']): Outcome[] {
  return rows.map((row) => {
    const read = readText(comparison, reader, row.situation) as OldRead;
    const conditions = Object.keys(read.state.text?.conditions ?? {});
    let weighed: Weighed = {
      answers: read.state.answers,
      quotes: read.state.text?.quotes ?? {},
      conflicts: read.conflicts,
      raised: read.state.text?.raised ?? [],
    };
    if (policy && read.state.text)
      weighed = secondOpinion(
        comparison,
        { ...model, policy },
        row.situation,
        tokenize(row.situation),
        weighed,
        conditions,
      ).weighed;
    const applicable = new Set(applicableQuestions(comparison, weighed.answers).map((q) => q.id));
    const answers = Object.fromEntries(Object.entries(weighed.answers).filter(([q]) => applicable.has(q)));
    const next = read.state.text
      ? settle(comparison, answers, conditions, weighed.raised)
      : { kind: 'ask' as const, question: { id: 'direction' } };
    if (next.kind === 'ask') return outcomeOf(row.expected, 'ask', row.ask, next.question.id);
    const pick = next.verdict.pick.id;
    return outcomeOf(row.expected, KIND_OF_PICK[pick] ?? (pick as Kind), row.ask);
  });
}

const show = (label: string, list: readonly Outcome[]) =>
  console.log(
    `${label.padEnd(24)} ${list.filter((o) => o === 'right').length}/${list.length} right, ${list.filter((o) => o === 'wrong-pick').length} wrong, ${list.filter((o) => o === 'asked-when-decided').length} asked when decided`,
  );
show('reader at first sight', outcomes());
show(`with ${JSON.stringify(POLICY)}`, outcomes(POLICY));
if (process.argv.includes('--grid'))
  for (const disagree of [0.4, 0.5, 0.6])
    for (const overrule of [0.5, 0.6, 0.7, 0.8, 0.9, 1.01])
      for (const weak of [0, 0.2, 0.4]) {
        const policy = { ...POLICY, disagree, overrule, weak };
        show(`${disagree} ${overrule} ${weak}`, outcomes(policy));
      }
