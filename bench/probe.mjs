/**
 * Preloaded into a benchmarked server (`node --import ./bench/probe.mjs dist/main.js`, and the same for bare Bolt),
 * never into the product: it answers the benchmark over the IPC channel the benchmark opened. /proc's CPU figures
 * move in 10 ms ticks, too coarse for a fraction of a millisecond per request; process.cpuUsage() counts every
 * thread of the process (user and system) in microseconds.
 *
 * Asked 'usage', it sends { cpuUs, rss, heapTotal, heapUsed, external, arrayBuffers }; asked { snapshot: path }, it writes a heap snapshot
 * there (after a full collection, when the process runs with --expose-gc) and sends { snapshot: path }; asked
 * 'spaces', it sends V8's heap spaces ({ spaces: { new_space: { size, used }, … } }); asked 'delay', how late its
 * event loop ran since the last time it was asked ({ delayMs: { p99, max } }): the server blocking, not the network. When the
 * benchmark goes away, the server goes too.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('message', (message) => {
    if (message === 'usage') {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      process.send?.({
        cpuUs: cpu.user + cpu.system,
        rss: memory.rss,
        heapTotal: memory.heapTotal,
        heapUsed: memory.heapUsed,
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
      });
    } else if (message && typeof message === 'object' && typeof message.snapshot === 'string') {
      globalThis.gc?.();
      process.send?.({ snapshot: writeHeapSnapshot(message.snapshot) });
    } else if (message === 'delay') {
      process.send?.({ delayMs: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 } });
      delay.reset();
    } else if (message === 'spaces') {
      const spaces = Object.fromEntries(
        getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
      );
      process.send?.({ spaces });
    } else if (message === 'gc') {
      globalThis.gc?.();
      process.send?.({ gc: typeof globalThis.gc === 'function' });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
