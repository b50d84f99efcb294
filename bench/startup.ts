/**
 * Start-up time of `npm start`'s process: from spawning `node dist/main.js` to the first 200 on /healthz,
 * against the local Slack stand-in (auth.test included). The build is not counted. Target: under 1 s. The figure is
 * printed beside its target; over target, or even unmeasurable, is reported and the script still exits 0: a
 * benchmark never fails the build. Run: npm run bench:startup
 */

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startSlackStandin } from '../sandbox/standin/index.js';
import { spawnServer, untilHealthy } from './app-server.js';

const RUNS = 7;
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const slack = await startSlackStandin();

async function once(port: number): Promise<number> {
  const started = performance.now();
  const child = spawnServer([main], slack, port);
  try {
    await untilHealthy(port, 10_000, 5);
    return performance.now() - started;
  } finally {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const TARGET_MS = 1000;
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) times.push(await once(39_000 + i));
} catch (error) {
  console.log(`Could not measure every run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await slack.close();
}
if (times.length > 0) {
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `process start → 200 on /healthz: median ${median.toFixed(0)} ms (target < ${TARGET_MS} ms: ${median > TARGET_MS ? 'OVER target' : 'within'}), min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms (${times.length} of ${RUNS} runs)`,
  );
  if (median > TARGET_MS)
    console.log(
      'Over target: re-run on an idle machine before reading anything into it (a benchmark never fails the build).',
    );
}
