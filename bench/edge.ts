/**
 * The edge under a flood: `node dist/main.js` against the local Slack stand-in, sent 400 concurrent unsigned
 * 3.9 MB bodies (the attack of issue 10) while 50 signed slash commands arrive. Prints the server's RSS before,
 * at its peak and after (from /proc, so Linux only), and how many signed commands were answered 200 and how
 * fast. A benchmark never fails the build: figures are printed, the exit code is 0.
 * Run: npm run bench:edge
 */

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { signRequest, startSlackStandin } from '../sandbox/standin/index.js';
import { spawnServer, untilHealthy } from './app-server.js';

const FLOOD = 400;
const FLOOD_BYTES = 3.9 * 1000 * 1000;
const COMMANDS = 50;
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const slack = await startSlackStandin();
const port = 30_000 + Math.floor(Math.random() * 20_000);

const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

function post(body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

function signedCommand() {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = new URLSearchParams({
    command: '/realtime',
    text: 'help',
    user_id: 'U0HUMAN01',
    channel_id: 'C0GENERAL',
    team_id: slack.teamId,
    response_url: `${slack.apiUrl}response/none`,
    trigger_id: '1.2.3',
  }).toString();
  return post(body, {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signRequest(slack.signingSecret, timestamp, body),
  });
}

const child = spawnServer([main], slack, port);
try {
  const pid = child.pid ?? 0;
  await untilHealthy(port, 20_000, 20, 'the app');
  for (let i = 0; i < 20; i += 1) await signedCommand(); // warm-up
  const before = rssMiB(pid, 'VmRSS');
  const big = Buffer.alloc(FLOOD_BYTES, 'x');
  const flood = Array.from({ length: FLOOD }, () => post(big, { 'content-type': 'application/json' }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const commands = await Promise.all(Array.from({ length: COMMANDS }, signedCommand));
  const floodResults = await Promise.all(flood);
  const peak = rssMiB(pid, 'VmHWM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = rssMiB(pid, 'VmRSS');
  const latencies = commands.map((c) => c.ms).sort((a, b) => a - b);
  const answered = commands.filter((c) => c.status === 200 && c.ms < 3000).length;
  const statuses = Object.entries(
    floodResults.reduce<Record<string, number>>((counts, r) => {
      const key = r.status === 0 ? 'closed' : String(r.status);
      counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {}),
  )
    .map(([status, count]) => `${count}×${status}`)
    .join(', ');
  console.log(`Flood: ${FLOOD} unsigned bodies of ${(FLOOD_BYTES / 1e6).toFixed(1)} MB (answers: ${statuses})`);
  console.log(
    `Server RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak, ${after.toFixed(0)} MiB after`,
  );
  console.log(
    `Signed /realtime during the flood: ${answered} of ${COMMANDS} answered 200 within 3 s; ` +
      `p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
  );
} catch (error) {
  console.log(`Could not measure: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  child.kill();
  await slack.close();
}
