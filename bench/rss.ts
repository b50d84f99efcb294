/**
 * Memory over 100,000 requests (npm run bench -- --rss): the built app, started with --expose-gc so that the
 * probe can collect fully before reading the heap, gets the mixed traffic of bench/mixed.ts at concurrency 10.
 * Printed: RSS idle, after a warm-up of WARM_UP requests, every 10,000 requests and after the last, then after
 * 5 s of rest; the heap in use after a full collection, after the warm-up and at the end. The target: flat after
 * the warm-up (RSS grown by at most 10%, the heap after a collection by at most 5%). With --snapshots, it writes heap
 * snapshots after the warm-up and at the end (artifacts/heap/) and prints the kinds of object that grew most;
 * writing a snapshot takes a few hundred MiB that V8 keeps, so RSS is then not comparable (the heap still is).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindAt } from './mixed.js';
import {
  type BenchServer,
  benchedApp,
  describeCalls,
  MiB,
  post,
  type SlackTraffic,
  sleep,
  startBenchServer,
  type Usage,
} from './slack-load.js';

const WARM_UP = 10_000;
const CONCURRENCY = 10;
const TARGET = { rss: 0.1, heap: 0.05 };

/** Sends `n` requests of the mix, CONCURRENCY at a time, starting at the `from`-th of the mix. */
async function send(app: BenchServer, traffic: SlackTraffic, from: number, n: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < n) {
      const i = from + next;
      next += 1;
      const answer = await post(app, traffic.slack.signingSecret, traffic.request(kindAt(i)));
      if (answer.status !== 200) failed += 1;
      if (i % 2000 === 0) traffic.takeCalls();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failed;
}

/** Usage after a full collection. */
async function collected(app: BenchServer): Promise<Usage> {
  await sleep(500); // the last answers after acks
  await app.collect();
  return app.usage();
}

interface HeapNodeCounts {
  count: Map<string, number>;
  size: Map<string, number>;
}

/** Counts a heap snapshot's objects by constructor name (and strings, arrays, closures by their type). */
function countHeap(path: string): HeapNodeCounts {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const count = new Map<string, number>();
  const size = new Map<string, number>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + (typeAt ?? 0)] ?? 0] ?? '?';
    if (type === 'hidden' || type === 'synthetic') continue;
    const name =
      type === 'object' || type === 'native'
        ? (snapshot.strings[snapshot.nodes[i + (nameAt ?? 1)] ?? 0] ?? '?')
        : `(${type})`;
    count.set(name, (count.get(name) ?? 0) + 1);
    size.set(name, (size.get(name) ?? 0) + (snapshot.nodes[i + (sizeAt ?? 3)] ?? 0));
  }
  return { count, size };
}

function heapGrowth(before: HeapNodeCounts, after: HeapNodeCounts): string[] {
  return [...after.size]
    .map(([name, bytes]) => ({
      name,
      bytes: bytes - (before.size.get(name) ?? 0),
      count: (after.count.get(name) ?? 0) - (before.count.get(name) ?? 0),
    }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 12)
    .map((g) => `  ${(g.bytes / 1024).toFixed(0).padStart(8)} KiB  ${String(g.count).padStart(8)} objects  ${g.name}`);
}

export async function runRss(traffic: SlackTraffic, total: number, snapshots = false): Promise<void> {
  console.log(
    `${total.toLocaleString('en')} requests of the mixed traffic at concurrency ${CONCURRENCY}, after ${WARM_UP.toLocaleString('en')} to warm up.`,
  );
  const app = await startBenchServer('app', benchedApp(), traffic.slack, { nodeArgs: ['--expose-gc'] });
  const heapDir = fileURLToPath(new URL('../artifacts/heap/', import.meta.url));
  if (snapshots) mkdirSync(heapDir, { recursive: true });
  const mib = (b: number) => `${(b / MiB).toFixed(0)} MiB`;
  try {
    await traffic.prepare(app.port);
    await sleep(1000);
    const idle = await app.usage();
    let failed = await send(app, traffic, 0, WARM_UP);
    const warm = await app.usage();
    const warmHeap = await collected(app);
    const before = snapshots ? await app.heapSnapshot(join(heapDir, 'after-warm-up.heapsnapshot')) : undefined;
    if (before) console.log('Heap snapshots on: writing one takes memory V8 keeps, so RSS below is not comparable.');
    const series: string[] = [];
    const started = performance.now();
    for (let done = 0; done < total; done += 10_000) {
      const n = Math.min(10_000, total - done);
      failed += await send(app, traffic, WARM_UP + done, n);
      series.push(mib((await app.usage()).rss));
    }
    const seconds = (performance.now() - started) / 1000;
    const end = await app.usage();
    await sleep(5000);
    const rested = await app.usage();
    const endHeap = await collected(app);
    const calls = describeCalls(traffic.takeCalls());
    const rssGrowth = (end.rss - warm.rss) / warm.rss;
    const heapGrowthShare = (endHeap.heapUsed - warmHeap.heapUsed) / warmHeap.heapUsed;
    console.log(
      `RSS: idle ${mib(idle.rss)}; after the warm-up ${mib(warm.rss)}; every 10,000: ${series.join(', ')}; 5 s later ${mib(rested.rss)}.`,
    );
    console.log(
      `RSS after ${total.toLocaleString('en')} against after the warm-up: ${rssGrowth >= 0 ? '+' : ''}${(rssGrowth * 100).toFixed(1)}% (target: flat, at most +${TARGET.rss * 100}%) ${rssGrowth <= TARGET.rss ? 'ok' : 'OVER'}.`,
    );
    console.log(
      `Heap in use after a full collection: ${mib(warmHeap.heapUsed)} after the warm-up, ${mib(endHeap.heapUsed)} at the end: ${heapGrowthShare >= 0 ? '+' : ''}${(heapGrowthShare * 100).toFixed(1)}% (target: at most +${TARGET.heap * 100}%) ${heapGrowthShare <= TARGET.heap ? 'ok' : 'OVER'}.`,
    );
    console.log(
      `${(total / seconds).toFixed(0)} requests a second; ${failed} not answered 200; after the acks (last stretch): ${calls}.`,
    );
    if (before) {
      const after = await app.heapSnapshot(join(heapDir, 'after-run.heapsnapshot'));
      console.log(`What grew between the two heap snapshots (${before}, ${after}):`);
      for (const line of heapGrowth(countHeap(before), countHeap(after))) console.log(line);
    }
  } finally {
    await app.stop();
  }
}
