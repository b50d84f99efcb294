/**
 * Where the app's CPU goes under each kind of load (npm run bench -- --profile [kind…]): the built app runs with
 * V8's sampling profiler (`node --cpu-prof`, one sample every 200 µs), gets a warm-up then PROFILED requests of one
 * kind (at concurrency 10 unless given) from the same Slack requests as the load benchmark, and stops with SIGTERM, which writes
 * the profile to artifacts/profiles/. Only the samples taken while the load ran are read (V8's and this process's
 * monotonic clocks are the same on Linux). Printed per kind: CPU time per request, the share of samples by area
 * (our src/ files, each package, Node's own code, garbage collection) and the functions with the most self time,
 * and the functions of src/ with the most total time (themselves and what they call).
 *
 * Open a .cpuprofile in Chrome DevTools (Performance → Load profile) to see the whole tree.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlackStandin } from '../sandbox/standin/index.js';
import {
  BARE_BOLT,
  benchedApp,
  describeCalls,
  KINDS,
  type Kind,
  post,
  type SlackTraffic,
  startBenchServer,
} from './slack-load.js';

const WARM_UP = 500;
const PROFILED = 3000;
const TOP = 18;
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'artifacts', 'profiles');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** The area a frame belongs to: a file of src/, a package, Node's own code, or V8's bookkeeping. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return functionName;
    return 'V8 / native';
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  const src = /\/dist\/(.+)$/.exec(url);
  if (src) return `src/${src[1]?.replace(/\.js$/, '.ts')}`;
  return url;
}

/** A function and where it is: its file in src/, in a package (e.g. `@slack/bolt/dist/App.js`) or in Node. */
function frameName(frame: ProfileNode['callFrame']): string {
  const area = areaOf(frame);
  const inPackage = /node_modules\/(.+)$/.exec(frame.url)?.[1];
  const where = inPackage ?? (frame.url.startsWith('node:') ? frame.url : area);
  return `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
}

function analyse(profile: CpuProfile, from: number, to: number, requests: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  let counted = 0;
  let idleUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < from || t > to) return;
    const node = byId.get(id);
    if (!node) return;
    const a = areaOf(node.callFrame);
    if (a === '(idle)') {
      idleUs += delta;
      return;
    }
    busyUs += delta;
    counted += 1;
    self.set(frameName(node.callFrame), (self.get(frameName(node.callFrame)) ?? 0) + 1);
    area.set(a, (area.get(a) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || areaOf(frame).startsWith('(')) continue;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + 1);
    }
  });
  const pct = (n: number) => `${((100 * n) / Math.max(1, counted)).toFixed(1)}%`.padStart(6);
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, n]) => `  ${pct(n)}  ${name}`);
  return [
    `main thread busy ${(busyUs / 1000 / requests).toFixed(3)} ms a request (${counted} samples; idle ${(idleUs / 1000).toFixed(0)} ms)`,
    'By area (self time):',
    ...top(area, 14),
    'Functions, self time:',
    ...top(self, TOP),
    'Functions, total time (with what they call):',
    ...top(total, 30),
  ];
}

/** Profiles the app under one kind of load; prints what it found. */
export async function profileKind(
  slack: SlackStandin,
  traffic: SlackTraffic,
  kind: Kind,
  say: (line: string) => void,
  server: { name: string; script: string; env?: Record<string, string> } = { name: 'app', script: benchedApp() },
  concurrency = 10,
) {
  const dir = join(outDir, `${server.name}-${kind}`.replace(/\W+/g, '-').replace(/^-|-$/g, ''));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const app = await startBenchServer(server.name, server.script, slack, {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'],
    ...(server.env ? { env: server.env } : {}),
  });
  try {
    if (server.script === benchedApp()) await traffic.prepare(app.port);
    const send = async (n: number) => {
      let next = 0;
      let failed = 0;
      const worker = async () => {
        while (next < n) {
          next += 1;
          const answer = await post(app, slack.signingSecret, traffic.request(kind));
          if (answer.status !== 200) failed += 1;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return failed;
    };
    await send(WARM_UP);
    await new Promise((resolve) => setTimeout(resolve, 200));
    traffic.takeCalls();
    const before = await app.usage();
    const from = nowUs();
    const failed = await send(PROFILED);
    await new Promise((resolve) => setTimeout(resolve, 200)); // work after the last acks
    const to = nowUs();
    const after = await app.usage();
    const calls = describeCalls(traffic.takeCalls());
    await app.stop();
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${dir}`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    say(`\n## ${server.name}, ${kind}: ${PROFILED} requests at concurrency ${concurrency}, ${failed} not answered 200`);
    say(`process CPU ${((after.cpuUs - before.cpuUs) / 1000 / PROFILED).toFixed(3)} ms a request (every thread)`);
    say(`after the acks: ${calls}`);
    for (const line of analyse(profile, from, to, PROFILED)) say(line);
    say(`profile: ${join(dir, file)}`);
    // The load's window in the profile's clock, for reading the profile's tree without start-up and warm-up.
    writeFileSync(join(dir, 'window.json'), JSON.stringify({ from, to, requests: PROFILED }));
  } finally {
    await app.stop();
  }
}

export async function runProfiles(
  slack: SlackStandin,
  traffic: SlackTraffic,
  kinds: readonly Kind[],
  concurrency = 10,
): Promise<void> {
  console.log(
    `CPU profiles of the built app (node --cpu-prof), ${PROFILED} requests a kind after ${WARM_UP} to warm up.`,
  );
  for (const kind of kinds.length > 0 ? kinds : KINDS) {
    await profileKind(slack, traffic, kind, (line) => console.log(line), undefined, concurrency);
    await profileKind(
      slack,
      traffic,
      kind,
      (line) => console.log(line),
      { name: 'bare Bolt answering', script: BARE_BOLT, env: { BARE_ANSWER: '1' } },
      concurrency,
    );
  }
}
