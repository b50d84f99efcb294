/**
 * Mixed traffic at rising rates (npm run bench -- --mixed): the built app gets an open-loop stream of Slack's
 * requests, sent on a fixed schedule whatever the answers (as Slack sends them), SECONDS at each rate, starting at
 * FROM requests a second and rising by STEP until a rate misses (--seconds, --from, --step: 60, 200, 100). A rate
 * is sustained when every request is acked within Slack's 3 s and the p99 of the acks is under 100 ms; the
 * highest sustained rate is the figure. The mix:
 * 25% `/realtime`, 40% wizard clicks, 20% free text, 15% @mentions (each click and mention answered after its
 * ack, as in production). RSS is sampled every 5 s and printed per rate, to show whether it levels.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Answer, BenchServer, CallTally, Kind, SlackTraffic } from './slack-load.js';
import { benchedApp, describeCalls, MiB, post, quantile, sleep, startBenchServer } from './slack-load.js';

const MIX: readonly [Kind, number][] = [
  ['/realtime', 0.25],
  ['wizard click', 0.4],
  ['free text', 0.2],
  ['@mention', 0.15],
];
const ACK_DEADLINE_MS = 3000;
const TARGET_P99_MS = 100;
/** Past this many requests awaiting an ack, the rate is lost already: stop sending. */
const GIVE_UP_OUTSTANDING = 5000;

/** The kind of the i-th request: the mix laid out evenly, so that any stretch of traffic has its proportions. */
export function kindAt(i: number): Kind {
  const position = (i * 0.618_033_988_75) % 1; // golden-ratio spacing: an even spread with no pattern to tune to
  let sum = 0;
  for (const [kind, share] of MIX) {
    sum += share;
    if (position < sum) return kind;
  }
  return MIX[0]?.[0] ?? '/realtime';
}

interface Step {
  rate: number;
  sent: number;
  answers: Answer[];
  late: number;
  failed: number;
  givenUp: boolean;
  cpuPct: number;
  rss: number[];
  /** How far behind schedule the sender fell at worst (the benchmark's own lag, not the app's). */
  lagMs: number;
  /** What the app did after its acks. */
  calls: CallTally;
  /** How late the app's event loop ran at worst (blocked), and this process's (the sender's and the stand-in's). */
  appDelayMs: number;
  benchDelayMs: number;
  /** The most requests awaiting their ack at once. */
  maxPending: number;
  /** Requests acked after more than 500 ms: their kind, when they were sent (ms into the step) and how long. */
  slow: { kind: Kind; at: number; ms: number }[];
}

async function runStep(app: BenchServer, traffic: SlackTraffic, rate: number, seconds: number): Promise<Step> {
  const secret = traffic.slack.signingSecret;
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  const rss: number[] = [];
  let sent = 0;
  let lagMs = 0;
  let maxPending = 0;
  const slow: { kind: Kind; at: number; ms: number }[] = [];
  let givenUp = false;
  const before = await app.usage();
  await app.loopDelay();
  const benchDelay = monitorEventLoopDelay({ resolution: 10 });
  benchDelay.enable();
  const started = performance.now();
  const total = rate * seconds;
  const calls: CallTally = new Map();
  const sampler = setInterval(() => {
    app.usage().then(
      (u) => rss.push(u.rss),
      () => {},
    );
  }, 5000);
  // The stand-in's record, and the messages answered, are forgotten every second: kept, they would slow it down.
  const pruner = setInterval(() => traffic.takeCalls(calls), 1000);
  let i = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    lagMs = Math.max(lagMs, ((due - sent) / rate) * 1000);
    if (pending.size > GIVE_UP_OUTSTANDING) {
      givenUp = true;
      break;
    }
    while (sent < due) {
      const kind = kindAt(i);
      const request = traffic.request(kind);
      i += 1;
      sent += 1;
      const at = performance.now() - started;
      const p = post(app, secret, request).then((a) => {
        answers.push(a);
        if (a.ms > 500) slow.push({ kind, at, ms: a.ms });
        pending.delete(p);
      });
      pending.add(p);
      maxPending = Math.max(maxPending, pending.size);
    }
    await sleep(5);
  }
  const elapsed = (performance.now() - started) / 1000;
  await Promise.race([Promise.all(pending), sleep(10_000)]);
  clearInterval(sampler);
  clearInterval(pruner);
  benchDelay.disable();
  const appDelay = await app.loopDelay();
  await sleep(200); // the last answers after acks
  const after = await app.usage();
  rss.push(after.rss);
  traffic.takeCalls(calls);
  const late = answers.filter((a) => a.ms >= ACK_DEADLINE_MS).length + pending.size;
  return {
    rate,
    sent,
    answers,
    late,
    failed: answers.filter((a) => a.status !== 200).length,
    givenUp,
    cpuPct: ((after.cpuUs - before.cpuUs) / 1e6 / elapsed) * 100,
    rss,
    lagMs,
    calls,
    appDelayMs: appDelay.max,
    maxPending,
    slow,
    benchDelayMs: benchDelay.max / 1e6,
  };
}

export async function runMixed(
  traffic: SlackTraffic,
  { seconds, from, step: rise }: { seconds: number; from: number; step: number },
): Promise<void> {
  console.log(
    `Open-loop mixed traffic (${MIX.map(([k, s]) => `${s * 100}% ${k}`).join(', ')}), ${seconds} s a rate from ${from} a second, rising by ${rise} until a rate misses.`,
  );
  console.log(`A rate is sustained when every ack comes within 3 s and the p99 is under ${TARGET_P99_MS} ms.`);
  const app = await startBenchServer('app', benchedApp(), traffic.slack);
  let best: number | undefined;
  const rssSeries: string[] = [];
  try {
    await traffic.prepare(app.port);
    const idle = (await app.usage()).rss;
    rssSeries.push(`idle ${(idle / MiB).toFixed(0)}`);
    // Warm-up, not counted: 10 s at the first rate.
    await runStep(app, traffic, from, 10);
    for (let rate = from; ; rate += rise) {
      const step = await runStep(app, traffic, rate, seconds);
      const times = step.answers.map((a) => a.ms).sort((a, b) => a - b);
      const p99 = quantile(times, 0.99);
      const sustained = !step.givenUp && step.late === 0 && step.failed === 0 && p99 < TARGET_P99_MS;
      const mib = step.rss.map((r) => (r / MiB).toFixed(0));
      rssSeries.push(`${rate}/s ${mib.at(-1)}`);
      console.log(
        `${String(rate).padStart(5)}/s: ${step.sent} sent${step.givenUp ? ' (stopped: over 5,000 awaiting an ack)' : ''}, ack p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms, ${step.late} over 3 s, ${step.failed} not 200; server CPU ${step.cpuPct.toFixed(0)}% of a core; RSS ${mib[0]}→${mib.at(-1)} MiB (max ${(Math.max(...step.rss) / MiB).toFixed(0)}); sender lag ≤ ${step.lagMs.toFixed(0)} ms → ${sustained ? 'sustained' : 'MISSED'}`,
      );
      const statuses = new Map<string, number>();
      for (const a of step.answers) {
        if (a.status === 200) continue;
        const what = a.status === 0 ? `no answer (${a.error})` : String(a.status);
        statuses.set(what, (statuses.get(what) ?? 0) + 1);
      }
      if (statuses.size > 0)
        console.log(`        not 200: ${[...statuses].map(([what, n]) => `${n}× ${what}`).join(', ')}`);
      if (step.slow.length > 0) {
        const byKind = new Map<string, number>();
        for (const r of step.slow) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
        const first = step.slow.reduce((a, r) => Math.min(a, r.at), Infinity);
        const last = step.slow.reduce((a, r) => Math.max(a, r.at), 0);
        console.log(
          `        ${step.slow.length} acks over 500 ms (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}), sent between ${(first / 1000).toFixed(1)} s and ${(last / 1000).toFixed(1)} s; at most ${step.maxPending} awaiting an ack at once`,
        );
      }
      console.log(
        `        event loop blocked at most: app ${step.appDelayMs.toFixed(0)} ms, this process ${step.benchDelayMs.toFixed(0)} ms; after the acks: ${describeCalls(step.calls)}`,
      );
      if (!sustained) break;
      best = rate;
    }
  } finally {
    await app.stop();
  }
  console.log(
    `Highest sustained rate: ${best === undefined ? `below ${from}` : best} requests a second (the issue's earlier figure, not from this benchmark: about 480).`,
  );
  console.log(`RSS (MiB) at the end of each rate: ${rssSeries.join(', ')}.`);
}
