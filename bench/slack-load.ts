/**
 * What the load benchmarks share (bench/load.ts and its sub-benchmarks): a server under test (the built app or
 * bare Bolt) with the probe that reports its CPU time and memory, Slack's requests of each kind as Slack sends
 * them (each with its own response_url and trigger_id, an @mention of a message that exists), signed and sent
 * over loopback, and a record of what the server did after each ack, read from the stand-in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type JsonObject, type SlackStandin, signRequest } from '../sandbox/standin/index.js';
import { serverEnv, untilHealthy } from './app-server.js';

export const KINDS = ['/realtime', 'wizard click', 'free text', '@mention'] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNEL = 'C0GENERAL';
export const PERSON = 'U0HUMAN01';
const FREE_TEXT = 'we push live stock prices to a dashboard, one way, as JSON';
const MENTION_TEXT = 'chat app, both ways, low latency';

const probe = fileURLToPath(new URL('./probe.mjs', import.meta.url));
let appMain = fileURLToPath(new URL('../dist/main.js', import.meta.url));
/** The app's entry the benchmarks start: dist/main.js, or another build's (npm run bench -- --app <dir>). */
export const benchedApp = (): string => appMain;
export function benchAnotherBuild(dir: string): void {
  appMain = resolve(dir, 'main.js');
}
export const BARE_BOLT = fileURLToPath(new URL('./bare-bolt.ts', import.meta.url));

export interface Usage {
  /** User plus system CPU time of every thread of the server, in microseconds since it started. */
  cpuUs: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface BenchServer {
  name: string;
  child: ChildProcess;
  port: number;
  agent: Agent;
  usage(): Promise<Usage>;
  /** How late the server's event loop ran since the last call (p99 and max, in ms): time it was blocked. */
  loopDelay(): Promise<{ p99: number; max: number }>;
  /** V8's heap spaces: their size and what is used in each, in bytes. */
  spaces(): Promise<Record<string, { size: number; used: number }>>;
  /** A full garbage collection, when the server runs with --expose-gc. */
  collect(): Promise<void>;
  /** Writes a heap snapshot (after a full collection when started with --expose-gc); resolves with its path. */
  heapSnapshot(path: string): Promise<string>;
  stop(): Promise<void>;
}

/** Asks the probe in the server one question over IPC; the answer is the next message that has `key`. */
function ask<T>(child: ChildProcess, message: unknown, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: unknown) => {
      if (answer && typeof answer === 'object' && key in answer) {
        child.off('message', onMessage);
        resolve(answer as T);
      }
    };
    child.on('message', onMessage);
    if (!child.send(message as never)) {
      child.off('message', onMessage);
      reject(new Error('the server is gone'));
    }
  });
}

/** A port free on loopback now: the system picks it, and it is let go for the server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node [nodeArgs] --import probe.mjs <script>` against the stand-in on a free port (serverEnv, with its
 * SQLite store in a fresh file, as in production, removed when it stops; BENCH_DATABASE_PATH=:memory: takes the
 * disk out) and waits for its first 200.
 */
export async function startBenchServer(
  name: string,
  script: string,
  slack: SlackStandin,
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'realtime-advisor-bench-'));
  const args = [...(options.nodeArgs ?? []), '--import', probe, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : [])];
  const child = spawn(process.execPath, [...args, script], {
    env: serverEnv(slack, port, {
      DATABASE_PATH: process.env.BENCH_DATABASE_PATH ?? join(dataDir, 'bench.db'),
      ...options.env,
    }),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const died = exited.then(() => {
      throw new Error(`${name} exited before it answered /healthz`);
    });
    await Promise.race([untilHealthy(port, 20_000, 20, name), died]);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Idle connections are closed here after 4 s, before the server closes them after its 5 s: a request sent on a
  // connection the server is closing fails (ECONNRESET), as it would for any client that ignores the hint.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  return {
    name,
    child,
    port,
    agent,
    usage: () => ask<Usage>(child, 'usage', 'cpuUs'),
    loopDelay: () => ask<{ delayMs: { p99: number; max: number } }>(child, 'delay', 'delayMs').then((a) => a.delayMs),
    spaces: () =>
      ask<{ spaces: Record<string, { size: number; used: number }> }>(child, 'spaces', 'spaces').then((a) => a.spaces),
    collect: () => ask(child, 'gc', 'gc').then(() => undefined),
    heapSnapshot: (path) => ask<{ snapshot: string }>(child, { snapshot: path }, 'snapshot').then((a) => a.snapshot),
    async stop() {
      agent.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SlackRequest {
  contentType: string;
  body: string;
}

export interface Answer {
  /** The HTTP status; 0 when no answer came (the connection failed: see `error`). */
  status: number;
  ms: number;
  error?: string;
}

/** Signs and posts one request to /slack/events, as Slack does; resolves with the status and the time to the ack. */
export function post(server: BenchServer, secret: string, req: SlackRequest): Promise<Answer> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/slack/events',
        method: 'POST',
        agent: server.agent,
        headers: {
          'content-type': req.contentType,
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signRequest(secret, timestamp, req.body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, ms: performance.now() - started, error: error.code ?? error.message }),
    );
    outgoing.end(req.body);
  });
}

/**
 * Slack's requests, built from the stand-in's workspace as Slack would send them: every command and click gets a
 * fresh response_url and trigger_id (a response_url serves 5 posts, so a replayed one would be refused and the
 * app would take its failure path), and every @mention is of a message posted first, so that the threaded reply
 * has a thread to go in.
 */
export class SlackTraffic {
  private clickTemplate: JsonObject | undefined;
  private clickBinding: { channel: string; user: string; source?: unknown } | undefined;
  private readonly mentioned: string[] = [];
  private sequence = 0;

  constructor(readonly slack: SlackStandin) {}

  /** A real wizard click: /realtime answered by the app, then its first answer's button as Slack sends it (once). */
  async prepare(appPort: number): Promise<void> {
    if (this.clickTemplate) return;
    const slack = this.slack;
    slack.setAppUrl(`http://127.0.0.1:${appPort}/slack/events`);
    await slack.slashCommand({ text: '' });
    const ephemeral = slack.ephemerals(PERSON, CHANNEL).at(-1);
    if (!ephemeral) throw new Error('no wizard message from /realtime');
    const click = await slack.clickButtonByText({
      text: 'Server → client only',
      message: { ephemeralId: ephemeral.id },
    });
    this.clickTemplate = click.payload;
    const id = click.responseUrl?.split('/').at(-1) ?? '';
    const binding = slack.workspace.responseUrl(id);
    if (!binding) throw new Error('the click has no response_url');
    this.clickBinding = {
      channel: binding.channel,
      user: binding.user,
      ...(binding.source ? { source: binding.source } : {}),
    };
    slack.clearCalls();
  }

  request(kind: Kind): SlackRequest {
    const ws = this.slack.workspace;
    const form = 'application/x-www-form-urlencoded';
    const command = (text: string) =>
      new URLSearchParams({
        token: this.slack.verificationToken,
        team_id: this.slack.teamId,
        channel_id: CHANNEL,
        user_id: PERSON,
        user_name: 'ada',
        command: '/realtime',
        text,
        response_url: ws.mintResponseUrl({ channel: CHANNEL, user: PERSON }),
        trigger_id: ws.mintTrigger(PERSON),
      }).toString();
    switch (kind) {
      case '/realtime':
        return { contentType: form, body: command('') };
      case 'free text':
        return { contentType: form, body: command(FREE_TEXT) };
      case 'wizard click': {
        if (!this.clickTemplate || !this.clickBinding) throw new Error('call prepare() first');
        const payload = {
          ...this.clickTemplate,
          response_url: ws.mintResponseUrl(this.clickBinding as Parameters<typeof ws.mintResponseUrl>[0]),
          trigger_id: ws.mintTrigger(PERSON),
        };
        return { contentType: form, body: `payload=${encodeURIComponent(JSON.stringify(payload))}` };
      }
      case '@mention': {
        this.sequence += 1;
        const text = `<@${ws.opts.botUserId}> ${MENTION_TEXT}`;
        const message = ws.postHumanMessage(CHANNEL, PERSON, text);
        this.mentioned.push(message.ts);
        const event = {
          type: 'app_mention',
          text,
          user: PERSON,
          ts: message.ts,
          channel: CHANNEL,
          event_ts: message.ts,
          team: this.slack.teamId,
          blocks: message.blocks,
          client_msg_id: message.client_msg_id,
        };
        const envelope = {
          token: this.slack.verificationToken,
          team_id: this.slack.teamId,
          api_app_id: ws.opts.appId,
          event,
          type: 'event_callback',
          event_id: `Ev${Date.now().toString(36).toUpperCase()}${this.sequence}`,
          event_time: Math.floor(Date.now() / 1000),
          authorizations: [
            { enterprise_id: null, team_id: this.slack.teamId, user_id: ws.opts.botUserId, is_bot: true },
          ],
        };
        return { contentType: 'application/json', body: JSON.stringify(envelope) };
      }
    }
  }

  /**
   * What servers did after their acks since the last call, from the stand-in's record: each method (or
   * `response_url`) with how many calls succeeded and how many were refused, and why. Then forgets that record,
   * and the mentioned messages that have their reply (or waited over a minute), so that a long run does not slow
   * the stand-in down.
   */
  takeCalls(into: CallTally = new Map()): CallTally {
    const ws = this.slack.workspace;
    for (const call of ws.calls) {
      const entry = into.get(call.method) ?? { ok: 0, refused: new Map<string, number>() };
      if (call.ok) entry.ok += 1;
      else entry.refused.set(String(call.error), (entry.refused.get(String(call.error)) ?? 0) + 1);
      into.set(call.method, entry);
    }
    ws.calls.length = 0;
    const oldest = ws.now() / 1000 - 60;
    const waiting: string[] = [];
    for (const ts of this.mentioned.splice(0)) {
      const thread = ws.thread(CHANNEL, ts);
      if (thread.length < 2 && Number(ts) > oldest) {
        waiting.push(ts);
        continue;
      }
      for (const reply of thread.slice(1).reverse()) ws.deleteMessage(CHANNEL, reply.ts);
      ws.deleteMessage(CHANNEL, ts);
    }
    this.mentioned.push(...waiting);
    return into;
  }
}

export type CallTally = Map<string, { ok: number; refused: Map<string, number> }>;

/** `chat.postMessage 250 ok`, `response_url 3 ok, 2 used_url`: one line for a tally. */
export function describeCalls(tally: CallTally): string {
  if (tally.size === 0) return 'none';
  return [...tally]
    .map(([method, { ok, refused }]) =>
      [`${method} ${ok} ok`, ...[...refused].map(([code, n]) => `${n} ${code}`)].join(', '),
    )
    .join('; ');
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The q-quantile of sorted values (nearest rank). */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

export const MiB = 1024 * 1024;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
