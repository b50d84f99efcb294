/**
 * The app against bare Bolt (npm run bench), issue 10's first table: signed load over loopback of each kind
 * (`/realtime`, a wizard click, free text, an @mention) at concurrency 1, 10 and 50, in interleaved runs, to the
 * built app and to bare Bolt (bench/bare-bolt.ts) in the same run. Printed: medians over the runs with their
 * spread of ack p50, ack p99, throughput and CPU time per request (user + system of every thread of the server,
 * from the probe, from the first request until the last call made after an ack has reached the stand-in), each
 * as a ratio to bare Bolt, beside the targets (CPU at most 1.2×, p99 at most 1.25×).
 *
 * The baseline answers like for like. A click on an ephemeral message can only be answered through its
 * response_url, and an @mention only with chat.postMessage, so bare Bolt makes that same call with a static text
 * after its ack (BARE_ANSWER=1): the ratio is then the app's own work (the edge, its listeners, the advisor, the
 * views, the store) over Bolt's, with Slack's HTTP round trip in both. A bare Bolt that only acks is measured too,
 * for those two kinds, so that the round trip's own cost is visible.
 */
import {
  type Answer,
  BARE_BOLT,
  type BenchServer,
  describeCalls,
  type Kind,
  median,
  post,
  quantile,
  type SlackTraffic,
  sleep,
  startBenchServer,
} from './slack-load.js';

export const CONCURRENCY = [1, 10, 50] as const;
const TARGET = { cpu: 1.2, p99: 1.25 };
/** Kinds whose answer is a Web API call after the ack: one call each, which the cell waits for. */
const ANSWERED_AFTER_ACK: readonly Kind[] = ['wizard click', '@mention'];

export interface Cell {
  p50: number;
  p99: number;
  rps: number;
  cpuPerReqMs: number;
  failed: number;
  /** The statuses other than 200, with how many of each (0: no answer at all). */
  statuses: Map<number, number>;
}

/** Waits until `expected` calls after acks have reached the stand-in (or 5 s), so that their work is counted. */
async function settle(traffic: SlackTraffic, expected: number): Promise<void> {
  const until = Date.now() + 5000;
  while (traffic.slack.workspace.calls.length < expected && Date.now() < until) await sleep(5);
  await sleep(10);
}

/** `n` requests of one kind, `concurrency` at a time, each sent as soon as one is answered. */
export async function closedLoop(
  server: BenchServer,
  traffic: SlackTraffic,
  kind: Kind,
  concurrency: number,
  n: number,
): Promise<Cell> {
  const secret = traffic.slack.signingSecret;
  traffic.takeCalls();
  const answers: Answer[] = [];
  let next = 0;
  const before = await server.usage();
  const started = performance.now();
  const worker = async () => {
    while (next < n) {
      next += 1;
      answers.push(await post(server, secret, traffic.request(kind)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  // Every server answers after its ack but the bare Bolt that only acks; --before's other build ('before') too,
  // whose calls after its acks went uncounted when only 'app' and 'answering' were waited for.
  const answersAfterAck = !server.name.includes('acking only');
  await settle(traffic, ANSWERED_AFTER_ACK.includes(kind) && answersAfterAck ? n : 0);
  const after = await server.usage();
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    rps: (n / elapsed) * 1000,
    cpuPerReqMs: (after.cpuUs - before.cpuUs) / 1000 / n,
    failed: answers.filter((a) => a.status !== 200).length,
    statuses: answers.reduce(
      (m, a) => (a.status === 200 ? m : m.set(a.status, (m.get(a.status) ?? 0) + 1)),
      new Map<number, number>(),
    ),
  };
}

const spread = (xs: number[], digits = 2) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

export interface RatioOptions {
  requests: number;
  runs: number;
  kinds: readonly Kind[];
  concurrency: readonly number[];
}

export async function runRatio(app: BenchServer, traffic: SlackTraffic, options: RatioOptions) {
  const { requests, runs, kinds, concurrency } = options;
  const slack = traffic.slack;
  const bare = await startBenchServer('bare Bolt answering', BARE_BOLT, slack, { env: { BARE_ANSWER: '1' } });
  const ackOnly = kinds.some((k) => ANSWERED_AFTER_ACK.includes(k))
    ? await startBenchServer('bare Bolt acking only', BARE_BOLT, slack)
    : undefined;
  try {
    const idle = { app: (await app.usage()).rss, bare: (await bare.usage()).rss };
    console.log(
      `${requests} signed requests per kind, concurrency and run; ${runs} interleaved runs; medians (min–max over runs).`,
    );
    // Warm-up, not counted; it also shows what each server did after its acks.
    console.log('\nAfter the acks (warm-up, 200 requests a kind):');
    for (const kind of kinds)
      for (const s of [app, bare, ...(ackOnly ? [ackOnly] : [])]) {
        await closedLoop(s, traffic, kind, 10, 200);
        await settle(traffic, 0);
        console.log(`  ${kind}, ${s.name}: ${describeCalls(traffic.takeCalls())}`);
      }

    const results = new Map<string, { app: Cell[]; bare: Cell[]; ackOnly: Cell[] }>();
    for (let run = 0; run < runs; run++) {
      for (const kind of kinds) {
        for (const c of concurrency) {
          const key = `${kind}|${c}`;
          const entry = results.get(key) ?? { app: [], bare: [], ackOnly: [] };
          const order = run % 2 === 0 ? [app, bare] : [bare, app];
          for (const s of order)
            (s === app ? entry.app : entry.bare).push(await closedLoop(s, traffic, kind, c, requests));
          if (ackOnly && ANSWERED_AFTER_ACK.includes(kind) && c === 10)
            entry.ackOnly.push(await closedLoop(ackOnly, traffic, kind, c, requests));
          results.set(key, entry);
        }
      }
    }

    const rows: string[][] = [
      ['kind', 'conc', 'ack p50 ms', 'ack p99 ms', 'req/s', 'CPU ms/req', 'p99 × (≤1.25)', 'req/s ×', 'CPU × (≤1.2)'],
    ];
    for (const [key, { app: a, bare: b }] of results) {
      const [kind = '', c = ''] = key.split('|');
      // Per run, the app over the bare run beside it; then the median of those ratios.
      const ratio = (f: (cell: Cell) => number) => a.map((cell, i) => f(cell) / f(b[i] ?? cell));
      const fmt = (xs: number[], target?: number) =>
        `${median(xs).toFixed(2)} (${spread(xs)})${target === undefined ? '' : median(xs) <= target ? ' ok' : ' OVER'}`;
      const both = (f: (cell: Cell) => number, digits: number) =>
        `${median(a.map(f)).toFixed(digits)} / ${median(b.map(f)).toFixed(digits)}`;
      const notOk = (cells: Cell[], who: string) => {
        const all = new Map<number, number>();
        for (const cell of cells) for (const [status, n] of cell.statuses) all.set(status, (all.get(status) ?? 0) + n);
        return [...all].map(([status, n]) => `${who} ${n}× ${status}`);
      };
      const failures = [...notOk(a, 'app'), ...notOk(b, 'bare')];
      rows.push([
        `${kind}${failures.length > 0 ? ` (${failures.join(', ')})` : ''}`,
        c,
        both((x) => x.p50, 2),
        both((x) => x.p99, 2),
        both((x) => x.rps, 0),
        both((x) => x.cpuPerReqMs, 3),
        fmt(
          ratio((x) => x.p99),
          TARGET.p99,
        ),
        fmt(ratio((x) => x.rps)),
        fmt(
          ratio((x) => x.cpuPerReqMs),
          TARGET.cpu,
        ),
      ]);
    }
    console.log(
      '\nAbsolute figures are app / bare Bolt answering; × columns are app ÷ bare Bolt, per run, then the median.',
    );
    printTable(rows);
    const reference = [...results]
      .filter(([, r]) => r.ackOnly.length > 0)
      .map(([key, r]) => {
        const [kind = ''] = key.split('|');
        const cpu = (cells: Cell[]) => median(cells.map((x) => x.cpuPerReqMs)).toFixed(3);
        return `${kind} ${cpu(r.app)} / ${cpu(r.bare)} / ${cpu(r.ackOnly)}`;
      });
    if (reference.length > 0)
      console.log(
        `\nCPU ms a request at concurrency 10, app / bare Bolt answering / bare Bolt that only acks: ${reference.join('; ')}.`,
      );
    const after = { app: (await app.usage()).rss, bare: (await bare.usage()).rss };
    const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(
      `RSS: app ${mib(idle.app)} MiB before the runs, ${mib(after.app)} MiB after; bare Bolt ${mib(idle.bare)} → ${mib(after.bare)} MiB.`,
    );
  } finally {
    await bare.stop();
    await ackOnly?.stop();
  }
}

/**
 * Before and after (npm run bench -- --before <dir>): the built app, another build (main's, say) and bare Bolt
 * answering, interleaved in ROUNDS rounds of `requests` requests of each kind (at concurrency 10 unless given), so that all
 * three meet the same load on a shared machine. Printed per kind: the median CPU time per request of each, and
 * each app's median ratio to bare Bolt in the same round.
 */
export async function runBeforeAfter(
  after: BenchServer,
  before: BenchServer,
  traffic: SlackTraffic,
  options: { requests: number; rounds: number; kinds: readonly Kind[]; concurrency: number },
): Promise<void> {
  const { concurrency } = options;
  const bare = await startBenchServer('bare Bolt answering', BARE_BOLT, traffic.slack, {
    env: { BARE_ANSWER: '1' },
  });
  try {
    console.log(
      `${options.rounds} interleaved rounds of ${options.requests} requests a kind at concurrency ${concurrency}; medians (min–max).`,
    );
    const rows: string[][] = [['kind', 'CPU ms/req before', 'after', 'bare Bolt', 'before ×', 'after × (≤1.2)']];
    for (const kind of options.kinds) {
      const servers = [before, after, bare];
      for (const s of servers) await closedLoop(s, traffic, kind, concurrency, 1000); // warm-up
      const cpu = servers.map((): number[] => []);
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
        for (const i of order) {
          const server = servers[i] as BenchServer;
          cpu[i]?.push((await closedLoop(server, traffic, kind, concurrency, options.requests)).cpuPerReqMs);
        }
      }
      const [b = [], a = [], bolt = []] = cpu;
      const ratio = (xs: number[]) => xs.map((x, i) => x / (bolt[i] ?? x));
      const cell = (xs: number[], digits = 3) => `${median(xs).toFixed(digits)} (${spread(xs, digits)})`;
      rows.push([kind, cell(b), cell(a), cell(bolt), cell(ratio(b), 2), cell(ratio(a), 2)]);
    }
    printTable(rows);
  } finally {
    await bare.stop();
  }
}
