/**
 * What a registered listener costs every request (npm run bench -- --listeners): Bolt runs each listener's filters
 * for every request it receives, through its middleware chain, which copies the listener arguments with an object
 * spread followed by four more properties (`{ ...args, next, context, client, logger }`). On Node 20's V8 that
 * pattern builds a new hidden class each time: microseconds of CPU and about 800 bytes of old-space garbage per
 * copy. Measured here in one process, without HTTP: a slash command through App.processEvent with 0 to 40
 * action listeners that never match it, and the same object copy on its own, spread-first and spread-last.
 */
import { createRequire } from 'node:module';
import bolt from '@slack/bolt';

const { App } = bolt;
const EVENTS = 50_000;

/** CPU µs per slash command through Bolt with `extra` action listeners that never match it. */
async function perCommand(extra: number): Promise<number> {
  const receiver = { init() {}, start: async () => {}, stop: async () => {} };
  const app = new App({
    authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCH' }),
    receiver,
    convoStore: false,
    logLevel: bolt.LogLevel.ERROR,
  });
  app.command('/realtime', async ({ ack }) => {
    await ack();
  });
  for (let i = 0; i < extra; i++) app.action(`never.${i}`, async ({ ack }) => ack());
  const body = { command: '/realtime', text: '', user_id: 'U1', channel_id: 'C1', team_id: 'T1', trigger_id: 't' };
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) await app.processEvent({ body, ack: async () => {} });
  };
  await run(10_000);
  const before = process.cpuUsage();
  await run(EVENTS);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / EVENTS;
}

/** CPU ns per object copy, and per copy with properties added after the spread and before it. */
function perCopy(): { spreadFirst: number; spreadLast: number } {
  const args: Record<string, unknown> = { body: 1, payload: 2 };
  Object.assign(args, { command: 3, say: () => {}, respond: () => {}, ack: () => {} });
  let kept: unknown;
  const time = (copy: (i: number) => unknown) => {
    for (let i = 0; i < 100_000; i++) kept = copy(i);
    const before = process.cpuUsage();
    for (let i = 0; i < 200_000; i++) kept = copy(i);
    const used = process.cpuUsage(before);
    return ((used.user + used.system) * 1000) / 200_000;
  };
  const result = {
    spreadFirst: time((i) => ({ ...args, next: i, context: 1, client: 2, logger: 3 })),
    spreadLast: time((i) => ({ next: i, context: 1, client: 2, logger: 3, ...args })),
  };
  if (kept === undefined) throw new Error('unreachable');
  return result;
}

export async function runBoltListeners(): Promise<void> {
  const { version } = createRequire(import.meta.url)('@slack/bolt/package.json') as { version: string };
  console.log(`Bolt ${version} on Node ${process.version}: CPU per slash command through App.processEvent`);
  const base = await perCommand(0);
  for (const extra of [0, 10, 20, 40]) {
    const us = extra === 0 ? base : await perCommand(extra);
    const each = extra === 0 ? '' : ` (${((us - base) / extra).toFixed(1)} µs a listener)`;
    console.log(`  with ${String(extra).padStart(2)} more listeners: ${us.toFixed(1)} µs${each}`);
  }
  const copy = perCopy();
  console.log(
    `One copy of the arguments: { ...args, next, context, client, logger } ${copy.spreadFirst.toFixed(0)} ns; { next, context, client, logger, ...args } ${copy.spreadLast.toFixed(0)} ns.`,
  );
}
