/**
 * Benchmarks the advisor core: data load + validation, recommend (a full verdict) and advise (free text).
 * Targets on the 2-core machines: under 50 µs per call, under 30 ms to load. Figures go in the README; no unit
 * test times anything. Run: npm run bench:advisor
 */
import { performance } from 'node:perf_hooks';
import { createAdvisor, loadComparisons, type WizardState } from '../src/advisor/index.js';
import { recommend } from '../src/advisor/verdict.js';
import { allAnswerPaths, encodeState } from '../src/advisor/wizard.js';

function measure(label: string, iterations: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(iterations, 2000); i++) fn(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const perCallUs = ((performance.now() - start) * 1000) / iterations;
  console.log(`${label.padEnd(44)} ${perCallUs.toFixed(2).padStart(9)} µs/call  (${iterations} calls)`);
  return perCallUs;
}

// A cold load: the first call in this process, as at start-up.
const coldStart = performance.now();
const comparisons = loadComparisons();
const coldMs = performance.now() - coldStart;
console.log(`${'load + validate data (cold, first call)'.padEnd(44)} ${coldMs.toFixed(2).padStart(9)} ms`);
const warmLoads = 50;
const warmStart = performance.now();
for (let i = 0; i < warmLoads; i++) loadComparisons();
console.log(
  `${'load + validate data (warm, mean of 50)'.padEnd(44)} ${((performance.now() - warmStart) / warmLoads).toFixed(2).padStart(9)} ms`,
);

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

const results = {
  recommend: measure('recommend (complete answers → verdict)', 100_000, (i) =>
    recommend(comparison, (states[i % states.length] as WizardState).answers),
  ),
  wizardView: measure('wizard view (decode + verdict + next states)', 50_000, (i) =>
    advisor.resume(encodeState(comparison, states[i % states.length] as WizardState)),
  ),
  advise: measure('advise (free text → entry)', 20_000, (i) =>
    advisor.advise(situations[i % situations.length] as string),
  ),
};
const memory = process.memoryUsage();
console.log(`heap used ${(memory.heapUsed / 1e6).toFixed(1)} MB, rss ${(memory.rss / 1e6).toFixed(1)} MB`);

const failures = [
  ...(coldMs > 30 ? [`cold load ${coldMs.toFixed(1)} ms > 30 ms`] : []),
  ...Object.entries(results)
    .filter(([, us]) => us > 50)
    .map(([name, us]) => `${name} ${us.toFixed(1)} µs > 50 µs`),
];
if (failures.length) {
  console.log(`Over target: ${failures.join('; ')}`);
  process.exitCode = 1;
} else console.log('All within target (load < 30 ms, calls < 50 µs).');
