/**
 * Start-up (npm run bench:startup), against the local Slack stand-in (auth.test included), the build not counted:
 *
 * - `node dist/main.js` from spawn to the first 200 on /healthz: target under 500 ms;
 * - the first free-text answer: a signed `/realtime <situation>` sent at that first 200, answered (its ack, which
 *   carries the verdict) within 1 s of the spawn; the language model loads in the background after start-up, or
 *   with that first text, and either way it must fit;
 * - the same start through `node scripts/run-built.mjs main.js` (what `npm start` execs, which compiles first
 *   only when a source is newer than the build) and through `npm start` itself (npm's own start-up included).
 *
 * Medians of RUNS. Each figure is printed beside its target; over target, or even unmeasurable, is reported and
 * the script still exits 0: a benchmark never fails the build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type SlackStandin, signRequest, startSlackStandin } from '../sandbox/standin/index.js';
import { serverEnv, untilHealthy } from './app-server.js';
import { freePort } from './slack-load.js';

const RUNS = 7;
const TARGET = { healthz: 500, firstAnswer: 1000 };
const root = fileURLToPath(new URL('..', import.meta.url));
const slack = await startSlackStandin();

function spawnApp(command: string, args: string[], port: number): ChildProcess {
  return spawn(command, args, {
    cwd: root,
    env: serverEnv(slack, port, { DATABASE_PATH: ':memory:' }),
    stdio: 'ignore',
  });
}

/** A signed `/realtime <situation>`, as Slack sends it; resolves when its ack (the answer) has arrived. */
async function freeText(standin: SlackStandin, port: number): Promise<number> {
  const body = new URLSearchParams({
    team_id: standin.teamId,
    channel_id: 'C0GENERAL',
    user_id: 'U0HUMAN01',
    command: '/realtime',
    text: 'we stream LLM tokens to the browser, nothing goes back',
    response_url: standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' }),
    trigger_id: standin.workspace.mintTrigger('U0HUMAN01'),
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signRequest(standin.signingSecret, timestamp, body),
    },
    body,
  });
  const answer = await response.text();
  if (response.status !== 200 || !answer.includes('blocks')) throw new Error(`no verdict (${response.status})`);
  return performance.now();
}

interface Start {
  healthz: number;
  firstAnswer?: number;
}

async function once(command: string, args: string[], ask: boolean): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnApp(command, args, port);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const died = exited.then(() => {
      throw new Error(`${command} ${args.join(' ')} exited before it answered /healthz`);
    });
    await Promise.race([untilHealthy(port, 10_000, 5), died]);
    const healthz = performance.now() - started;
    return ask ? { healthz, firstAnswer: (await freeText(slack, port)) - started } : { healthz };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
const verdict = (figure: number, target: number) => (figure < target ? 'within' : 'OVER target');

const ways: [string, string, string[], boolean][] = [
  ['node dist/main.js', process.execPath, ['dist/main.js'], true],
  [
    'node scripts/run-built.mjs main.js (npm start without npm; the build current)',
    process.execPath,
    ['scripts/run-built.mjs', 'main.js'],
    false,
  ],
  ['npm start (npm itself included)', 'npm', ['start', '--silent'], false],
];
console.log(`Start-up against the stand-in, ${RUNS} runs each, medians (min–max):`);
try {
  for (const [i, [name, command, args, ask]] of ways.entries()) {
    const runs: Start[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await once(command, args, ask));
    const healthz = runs.map((r) => r.healthz);
    console.log(
      `${name}: spawn → 200 on /healthz ${median(healthz).toFixed(0)} ms (${range(healthz)})${i === 0 ? ` (target < ${TARGET.healthz} ms: ${verdict(median(healthz), TARGET.healthz)})` : ''}`,
    );
    const answers = runs.flatMap((r) => (r.firstAnswer === undefined ? [] : [r.firstAnswer]));
    if (answers.length > 0)
      console.log(
        `  spawn → the first free-text answer, sent at that 200: ${median(answers).toFixed(0)} ms (${range(answers)}) (target < ${TARGET.firstAnswer} ms: ${verdict(median(answers), TARGET.firstAnswer)})`,
      );
  }
} catch (error) {
  console.log(`Could not measure every run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await slack.close();
}
console.log('Over target on a busy machine: re-run on an idle one before reading anything into it.');
process.exit(0);
