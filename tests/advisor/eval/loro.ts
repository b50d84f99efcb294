/**
 * Leave-one-round-out: for each development set of training-sets.ts, trains the learned reader on all the others
 * and reports, on the set left out, (a) the reader alone, (b) the classifier alone, (c) the reader with the learned
 * second opinion: `npx tsx tests/advisor/eval/loro.ts [--sweep]`. The reader was tuned on every set, so (a) and (c)
 * are optimistic; (b) never saw the set it is measured on. `--sweep` prints the totals of (c) for a grid of the
 * policy's thresholds, to choose them by every set at once rather than by one.
 */
import { fileURLToPath } from 'node:url';
import { createAdvisor, type LearnedModel, loadComparisons } from '../../../src/advisor/index.js';
import { predict } from '../../../src/advisor/learned.js';
import { tokenize } from '../../../src/advisor/nlp.js';
import { type Kind, kindOfView, type Outcome, outcomeOf } from './kinds.js';
import { COMPARISON, POLICY, train } from './train.js';
import { type LabelledRow, rowsOf, TRAINING_SETS } from './training-sets.js';

export interface Tally {
  rows: number;
  right: number;
  wrong: number;
  askedWhenDecided: number;
}

const KIND_OF_LABEL: Readonly<Record<string, Kind>> = { 'batched-posts': 'client-to-server' };

function tally(outcomes: readonly Outcome[]): Tally {
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return {
    rows: outcomes.length,
    right: count('right'),
    wrong: count('wrong-pick'),
    askedWhenDecided: count('asked-when-decided'),
  };
}

const comparisons = loadComparisons();
const readerAlone = createAdvisor(comparisons, { learned: new Map() });

function byAdvisor(rows: readonly LabelledRow[], model?: LearnedModel): Outcome[] {
  const advisor = model ? createAdvisor(comparisons, { learned: new Map([[COMPARISON, model]]) }) : readerAlone;
  return rows.map((row) => {
    const answered = kindOfView(advisor.understand(row.situation).view);
    return outcomeOf(row.expected, answered.kind, row.ask, answered.ask);
  });
}

function byClassifier(rows: readonly LabelledRow[], model: LearnedModel): Outcome[] {
  return rows.map((row) => {
    const { label } = predict(model, row.situation, tokenize(row.situation));
    const ask = label.startsWith('ask:') ? label.slice(4) : undefined;
    const kind: Kind = ask ? 'ask' : (KIND_OF_LABEL[label] ?? (label as Kind));
    return outcomeOf(row.expected, kind, row.ask, ask);
  });
}

export interface Fold {
  name: string;
  rows: LabelledRow[];
  model: LearnedModel;
}

/** Each set with the model trained on all the others. */
export function folds(policy: LearnedModel['policy'] = POLICY): Fold[] {
  return TRAINING_SETS.map((held) => {
    const others = TRAINING_SETS.filter((s) => s !== held);
    return {
      name: held.name,
      rows: rowsOf([held]),
      model: train(
        rowsOf(others),
        others.map((s) => s.name),
        undefined,
        policy,
      ),
    };
  });
}

const cell = (t: Tally) => `${t.right}, ${t.wrong}, ${t.askedWhenDecided}`;
const sum = (ts: readonly Tally[]): Tally =>
  ts.reduce(
    (a, t) => ({
      rows: a.rows + t.rows,
      right: a.right + t.right,
      wrong: a.wrong + t.wrong,
      askedWhenDecided: a.askedWhenDecided + t.askedWhenDecided,
    }),
    { rows: 0, right: 0, wrong: 0, askedWhenDecided: 0 },
  );

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const all = folds();
  if (process.argv.includes('--sweep')) {
    console.log(
      'disagree overrule weak fill answer distrust decide   right  wrong  asked-when-decided   (combined, every set left out in turn)',
    );
    const f2 = (x: number) => x.toFixed(2);
    for (const disagree of [0.6])
      for (const overrule of [0.8])
        for (const weak of [0.2])
          for (const fill of [0.7])
            for (const answer of [0.8])
              for (const distrust of [0.15, 0.2, 0.3])
                for (const decide of [0.6, 0.7, 0.8]) {
                  const policy = { ...POLICY, disagree, overrule, weak, fill, answer, distrust, decide };
                  const t = sum(all.map((f) => tally(byAdvisor(f.rows, { ...f.model, policy }))));
                  console.log(
                    `${f2(disagree).padStart(8)} ${f2(overrule).padStart(8)} ${f2(weak)} ${f2(fill)} ${f2(answer).padStart(6)} ${f2(distrust)} ${f2(decide)}   ${t.right}/${t.rows}  ${t.wrong}  ${t.askedWhenDecided}`,
                  );
                }
  } else {
    console.log(`Leave one round out, policy ${JSON.stringify(POLICY)}: right, wrong picks, asked when decided`);
    console.log('| Set left out | Rows | (a) Reader alone | (b) Classifier alone | (c) Reader + learned |');
    console.log('|---|---|---|---|---|');
    const rows = all.map((f) => {
      const a = tally(byAdvisor(f.rows));
      const b = tally(byClassifier(f.rows, f.model));
      const c = tally(byAdvisor(f.rows, f.model));
      console.log(`| ${f.name} | ${f.rows.length} | ${cell(a)} | ${cell(b)} | ${cell(c)} |`);
      return { a, b, c };
    });
    const [a, b, c] = (['a', 'b', 'c'] as const).map((k) => sum(rows.map((r) => r[k])));
    const pct = (t: Tally) =>
      `${((100 * t.right) / t.rows).toFixed(0)}% right, ${((100 * t.wrong) / t.rows).toFixed(1)}% wrong`;
    console.log(
      `| **all** | ${(a as Tally).rows} | ${cell(a as Tally)} (${pct(a as Tally)}) | ${cell(b as Tally)} (${pct(b as Tally)}) | ${cell(c as Tally)} (${pct(c as Tally)}) |`,
    );
  }
}
