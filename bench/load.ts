/**
 * Issue 10's load benchmarks, against the built app (`node dist/main.js`, HTTP mode, against the local Slack
 * stand-in, its SQLite store in a fresh file) over loopback, with signed requests as Slack sends them:
 *
 *   npm run bench                      the app against bare Bolt, per kind and concurrency (bench/ratio.ts)
 *   npm run bench -- --before <dir>    CPU per request of this build, another build's dist/ and bare Bolt, interleaved
 *   npm run bench -- --mixed           mixed traffic at rising rates, 60 s each: the highest sustained rate (mixed.ts)
 *   npm run bench -- --rss             RSS idle, after warm-up and over 100,000 requests (bench/rss.ts); with
 *                                      --snapshots, heap snapshots and what grew between them
 *   npm run bench -- --profile [kind]  where the CPU goes, app and bare Bolt (bench/profile.ts)
 *   npm run bench -- --listeners       what each registered Bolt listener costs every request (bolt-listeners.ts)
 *   npm run bench -- --all             the table, --mixed and --rss, one after the other
 *
 * Options: --requests N and --runs N (the table, --before), --seconds N, --from N and --step N (--mixed), --total N
 * (--rss), --kinds '/realtime,@mention' (the table, --before, --profile), --concurrency N (--before and --profile;
 * 10 unless given), --app <dir> (run another build's dist/).
 * Every figure is printed beside its target; a figure over target is reported, never a failure: the exit code is
 * 0. Run nothing else heavy meanwhile: the machine's load average is printed at the start and the end.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSlackStandin } from '../sandbox/standin/index.js';
import { runBoltListeners } from './bolt-listeners.js';
import { runMixed } from './mixed.js';
import { runProfiles } from './profile.js';
import { CONCURRENCY, runBeforeAfter, runRatio } from './ratio.js';
import { runRss } from './rss.js';
import { benchAnotherBuild, benchedApp, KINDS, type Kind, SlackTraffic, startBenchServer } from './slack-load.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mixed: { type: 'boolean', default: false },
    rss: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    listeners: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    snapshots: { type: 'boolean', default: false },
    requests: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
    from: { type: 'string', default: '200' },
    step: { type: 'string', default: '100' },
    total: { type: 'string', default: '100000' },
    kinds: { type: 'string' },
    concurrency: { type: 'string', default: '10' },
    app: { type: 'string' },
    before: { type: 'string' },
  },
});

const named = (values.kinds?.split(',') ?? positionals).map((k) => k.trim()).filter((k) => k !== '');
const unknown = named.filter((k) => !(KINDS as readonly string[]).includes(k));
if (unknown.length > 0) {
  console.log(`Unknown kind ${unknown.join(', ')}: the kinds are ${KINDS.join(', ')}.`);
  process.exit(0);
}
const kinds = (named.length > 0 ? named : KINDS) as readonly Kind[];
if (values.app) benchAnotherBuild(values.app);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

console.log(`Load average at the start: ${load()} (2 cores; above about 0.5 something else is running).`);
const slack = await startSlackStandin();
const traffic = new SlackTraffic(slack);
try {
  if (values.profile) await runProfiles(slack, traffic, kinds, Number(values.concurrency));
  else if (values.listeners) await runBoltListeners();
  else if (values.before) {
    const after = await startBenchServer('app', benchedApp(), slack);
    const before = await startBenchServer('before', resolve(values.before, 'main.js'), slack);
    try {
      await traffic.prepare(after.port);
      await runBeforeAfter(after, before, traffic, {
        requests: Number(values.requests),
        rounds: Number(values.runs),
        kinds,
        concurrency: Number(values.concurrency),
      });
    } finally {
      await after.stop();
      await before.stop();
    }
  } else {
    const table = values.all || (!values.mixed && !values.rss);
    if (table) {
      console.log('\n# The app against bare Bolt');
      const app = await startBenchServer('app', benchedApp(), slack);
      try {
        await traffic.prepare(app.port);
        await runRatio(app, traffic, {
          requests: Number(values.requests),
          runs: Number(values.runs),
          kinds,
          concurrency: CONCURRENCY,
        });
      } finally {
        await app.stop();
      }
    }
    if (values.mixed || values.all) {
      console.log('\n# Mixed traffic at rising rates');
      await runMixed(traffic, {
        seconds: Number(values.seconds),
        from: Number(values.from),
        step: Number(values.step),
      });
    }
    if (values.rss || values.all) {
      console.log(`\n# RSS over ${Number(values.total).toLocaleString('en')} requests`);
      await runRss(traffic, Number(values.total), values.snapshots);
    }
    if (!values.all)
      console.log('\nAlso: npm run bench -- --mixed | --rss | --profile | --listeners | --all (see bench/load.ts).');
  }
} catch (error) {
  console.log(
    `Could not finish the benchmark: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
} finally {
  await slack.close();
}
console.log(`Load average at the end: ${load()}.`);
process.exit(0);
