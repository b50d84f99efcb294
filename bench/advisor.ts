/**
 * Benchmarks the advisor core: data load + validation, recommend (a full verdict) and advise (free text).
 * Targets on the 2-core machines: under 50 µs per call, under 30 ms to load. Each figure is printed beside its
 * target; a figure over target is reported, never a failure: the script always exits 0, since a busy machine
 * says nothing about the code. Figures go in the README; no unit test times anything. Run: npm run bench:advisor
 */
import { performance } from 'node:perf_hooks';
import { createAdvisor, loadComparisons, type WizardState } from '../src/advisor/index.js';
import { recommend } from '../src/advisor/verdict.js';
import { allAnswerPaths, encodeState } from '../src/advisor/wizard.js';

interface Row {
  what: string;
  figure: number;
  unit: 'ms' | 'µs/call';
  /** Under this is on target; absent when the figure is for information only. */
  target?: number;
  note?: string;
}

const rows: Row[] = [];

function measure(what: string, iterations: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(iterations, 2000); i++) fn(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const figure = ((performance.now() - start) * 1000) / iterations;
  rows.push({ what, figure, unit: 'µs/call', target: 50, note: `${iterations} calls` });
}

// A cold load: the first call in this process, as at start-up.
const coldStart = performance.now();
const comparisons = loadComparisons();
rows.push({
  what: 'load + validate data (cold, first call)',
  figure: performance.now() - coldStart,
  unit: 'ms',
  target: 30,
});
const warmLoads = 50;
const warmStart = performance.now();
for (let i = 0; i < warmLoads; i++) loadComparisons();
rows.push({
  what: `load + validate data (warm, mean of ${warmLoads})`,
  figure: (performance.now() - warmStart) / warmLoads,
  unit: 'ms',
});

const advisor = createAdvisor(comparisons);
const comparison = advisor.comparison();
const states: WizardState[] = allAnswerPaths(comparison).map((answers) => ({ comparisonId: comparison.id, answers }));
const situations = [
  'streaming LLM tokens to a browser',
  'We are building a chat app with typing indicators',
  'a metrics dashboard that refreshes live',
  'mostly server push, with the occasional client event from a like button',
  'we stream binary audio frames to the browser and need it to survive flaky networks',
  'what should we have for lunch',
];

measure('recommend (complete answers → verdict)', 100_000, (i) =>
  recommend(comparison, (states[i % states.length] as WizardState).answers),
);
measure('wizard view (decode + verdict + next states)', 50_000, (i) =>
  advisor.resume(encodeState(comparison, states[i % states.length] as WizardState)),
);
measure('advise (free text → entry)', 20_000, (i) => advisor.advise(situations[i % situations.length] as string));

const over = rows.filter((r) => r.target !== undefined && r.figure > r.target);
console.log(`${'What'.padEnd(46)} ${'Figure'.padStart(16)}  ${'Target'.padEnd(13)} Result`);
for (const r of rows) {
  const figure = `${r.figure.toFixed(2)} ${r.unit}`;
  const target = r.target === undefined ? '' : `< ${r.target} ${r.unit.replace('/call', '')}`;
  const result = r.target === undefined ? '' : r.figure > r.target ? 'OVER target' : 'within';
  console.log(
    `${r.what.padEnd(46)} ${figure.padStart(16)}  ${target.padEnd(13)} ${result}${r.note ? `  (${r.note})` : ''}`.trimEnd(),
  );
}
const memory = process.memoryUsage();
console.log(`heap used ${(memory.heapUsed / 1e6).toFixed(1)} MB, rss ${(memory.rss / 1e6).toFixed(1)} MB`);
console.log(
  over.length
    ? `${over.length} figure(s) over target: re-run on an idle machine before reading anything into it (a benchmark never fails the build).`
    : 'All figures within target.',
);
