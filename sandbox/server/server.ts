/**
 * The local Slack sandbox: the Slack stand-in, the real app (createSlackApp, HTTP mode, signed requests and all)
 * and a web server for a page that looks and behaves like a Slack channel. Every click on the page is a person
 * action of the stand-in, so the app receives exactly the requests Slack would send; every change in the stand-in
 * is streamed to the page with server-sent events, and the page re-renders from the snapshot that comes with it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { type Config, parseConfig } from '../../src/config.js';
import { createSlackApp, type RunningApp } from '../../src/slack/app.js';
import { COMMAND } from '../../src/slack/ids.js';
import {
  DEFAULT_HUMAN,
  type Fault,
  type SlackStandin,
  type StandinChange,
  startSlackStandin,
} from '../standin/index.js';
import {
  clickRequest,
  closeRequest,
  commandRequest,
  describeIssues,
  dismissRequest,
  faultRequest,
  homeRequest,
  messageRequest,
  shortcutRequest,
  submitRequest,
} from './api.js';
import { APP_NAME, composeSlackText, type PageNotice, pageSnapshot } from './view-model.js';

/** The page's files, in the source tree, so `node dist/…` and `tsx src/…` serve the same ones. */
export const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));
const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/blocks.js': { file: 'blocks.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};
/** Nothing on the page comes from elsewhere, and nothing typed can run as script even if it became HTML. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const BODY_MAX = 64 * 1024;
const HEARTBEAT_MS = 15_000;
/** Changes that arrive together (a message and its parent's reply count) go out as one event. */
const COALESCE_MS = 15;

export interface SandboxOptions {
  /** 0 picks a free port; default 3000. */
  port?: number;
  /** Default 127.0.0.1: the page can act as anyone in the workspace, so it is not offered to the network. */
  host?: string;
  /** The app's log level; default warn. */
  logLevel?: Config['logLevel'];
  /** The app's Web API timeout; a short one keeps a stalled call from hanging a click for long. */
  timeoutMs?: number;
  /** Seed #general with a welcome from a colleague (default true). */
  seed?: boolean;
}

export interface Sandbox {
  /** The page, e.g. `http://localhost:3000/`. */
  url: string;
  port: number;
  standin: SlackStandin;
  app: RunningApp;
  /** The person the page acts as. */
  me: string;
  close(): Promise<void>;
}

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // Only JSON: a cross-site form cannot send it without a preflight this server never grants.
  if (type !== 'application/json') throw new BadRequest(415, 'expected content-type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_MAX) throw new BadRequest(413, `body larger than ${BODY_MAX} bytes`);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw === '' ? {} : (JSON.parse(raw) as unknown);
  } catch {
    throw new BadRequest(400, 'body: expected JSON');
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequest(400, describeIssues(result.error));
  return result.data;
}

/** Only the names this machine has for itself: a page elsewhere cannot reach the sandbox by rebinding DNS. */
function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

const FAULTS: Record<z.output<typeof faultRequest>['fault'], Fault> = {
  not_in_channel: { error: 'not_in_channel' },
  channel_not_found: { error: 'channel_not_found' },
  ratelimited: { status: 429, retryAfterSeconds: 2 },
  internal_error: { status: 500 },
  slow: { delayMs: 4000 },
};

function ackSummary(result: { status: number; timedOut: boolean; ackMs: number }) {
  return { status: result.status, timedOut: result.timedOut, ms: Math.round(result.ackMs) };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!existsSync(PAGE_DIR)) throw new Error(`the sandbox page is missing: expected it in ${PAGE_DIR}`);
  const standin = await startSlackStandin();
  const me = DEFAULT_HUMAN;
  const grace = standin.addUser({ name: 'grace', realName: 'Grace Hopper' });
  const random = standin.addChannel({ id: 'C0RANDOM', name: 'random', botIsMember: false });
  /** What a Slack client sends for typed text (escaped, with mentions and channel links). */
  const slackText = (typed: string) =>
    composeSlackText(typed, {
      botUserId: standin.botUserId,
      users: [...standin.workspace.users.values()],
      channels: [...standin.workspace.channels.values()].filter((c) => !c.isIm),
    });
  if (options.seed !== false) {
    standin.postAsUser({
      user: grace.id,
      channel: random.id,
      text: slackText(
        `@${APP_NAME} is not in #random: a verdict shared here arrives as one message, with no thread for its reasoning.`,
      ),
    });
    standin.postAsUser({
      user: grace.id,
      text: slackText(
        `Welcome to the sandbox! Type \`${COMMAND}\` for the wizard, \`${COMMAND} streaming LLM tokens to a browser\` for advice, or mention @${APP_NAME}. Hover a message and open ⋯ for *Get realtime advice*.`,
      ),
    });
  }

  // Per-session credentials from the stand-in; nothing here is a real Slack secret.
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: standin.botToken,
    SLACK_SIGNING_SECRET: standin.signingSecret,
    SLACK_API_URL: standin.apiUrl,
    PORT: '0',
    LOG_LEVEL: options.logLevel ?? 'warn',
  });
  if (!parsed.ok) {
    await standin.close();
    throw new Error(parsed.problems.join('\n'));
  }
  // The production retry policy (the default), so what a newcomer sees on a fault is what production does.
  const { start } = createSlackApp({
    config: parsed.config,
    advisor: createAdvisor(loadComparisons()),
    timeoutMs: options.timeoutMs ?? 3000,
  });
  let app: RunningApp;
  try {
    app = await start();
  } catch (error) {
    await standin.close();
    throw error;
  }
  standin.setAppUrl(`http://127.0.0.1:${app.port}/slack/events`);

  // ---- the page's notices and the event stream -------------------------------------------------------------

  const localNotices: PageNotice[] = [];
  let noticeCounter = 0;
  let version = 0;
  const streams = new Set<ServerResponse>();
  let pending: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;

  const snapshot = () => pageSnapshot(standin, me, localNotices, version);

  const flush = () => {
    flushTimer = undefined;
    version += 1;
    const kinds = [...new Set(pending)];
    pending = [];
    if (streams.size === 0) return;
    const data = JSON.stringify({ kinds, snapshot: snapshot() });
    for (const res of streams) res.write(`event: change\nid: ${version}\ndata: ${data}\n\n`);
  };
  const changed = (kind: string) => {
    pending.push(kind);
    flushTimer ??= setTimeout(flush, COALESCE_MS);
  };
  const unsubscribe = standin.subscribe((change: StandinChange) => {
    if (change.kind !== 'call') changed(change.kind);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /** Slackbot's line to the person, as Slack shows for things it handles itself. */
  const slackbot = (text: string, channel: string, threadTs?: string) => {
    noticeCounter += 1;
    localNotices.push({
      id: `slackbot-${noticeCounter}`,
      kind: 'slackbot',
      text,
      channel,
      ...(threadTs ? { threadTs } : {}),
      at: Date.now(),
    });
    changed('notice');
  };

  const requireChannel = (ref: string) => {
    const channel = standin.workspace.resolveChannel(ref);
    if (!channel || channel.isIm || !channel.members.has(me)) throw new BadRequest(400, `channel: no channel ${ref}`);
    return channel;
  };

  // ---- the page's actions --------------------------------------------------------------------------------------

  const actions: Record<string, (body: unknown) => Promise<Record<string, unknown>>> = {
    async command(body) {
      const input = parse(commandRequest, body);
      const channel = requireChannel(input.channel);
      if (input.threadTs !== undefined) {
        slackbot(
          `Slash commands are not supported in threads. Use the message shortcut *Get realtime advice* (⋯ on a message) or mention @${APP_NAME}.`,
          channel.id,
          input.threadTs,
        );
        return { handled: 'not_in_threads' };
      }
      if (input.command.toLowerCase() !== COMMAND) {
        slackbot(
          `\`${input.command}\` is not a valid command. In this sandbox the only installed command is \`${COMMAND}\`.`,
          channel.id,
        );
        return { handled: 'not_a_command' };
      }
      const result = await standin.slashCommand({ user: me, channel: channel.id, command: COMMAND, text: input.text });
      return { ack: ackSummary(result) };
    },

    async message(body) {
      const input = parse(messageRequest, body);
      const channel = requireChannel(input.channel);
      const text = slackText(input.text);
      const threadTs = input.threadTs;
      if (!text.includes(`<@${standin.botUserId}>`)) {
        const message = standin.postAsUser({ user: me, channel: channel.id, text, ...(threadTs ? { threadTs } : {}) });
        return { ts: message.ts };
      }
      const mention = await standin.mention({ user: me, channel: channel.id, text, ...(threadTs ? { threadTs } : {}) });
      if (!mention.event) {
        slackbot(
          `You mentioned @${APP_NAME}, but they’re not in this channel, so they were not notified. Share a verdict here to see how the app copes.`,
          channel.id,
          threadTs,
        );
      }
      return { ts: mention.message.ts, ...(mention.event ? { ack: ackSummary(mention.event) } : {}) };
    },

    async click(body) {
      const input = parse(clickRequest, body);
      const where = input.location;
      const result = await standin.clickButton({
        user: me,
        actionId: input.actionId,
        ...(input.blockId !== undefined ? { blockId: input.blockId } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...('viewId' in where ? { viewId: where.viewId } : { message: where }),
      });
      return { ack: ackSummary(result) };
    },

    async shortcut(body) {
      const input = parse(shortcutRequest, body);
      const channel = requireChannel(input.channel);
      const result = await standin.messageShortcut({
        user: me,
        channel: channel.id,
        ts: input.ts,
        callbackId: input.callbackId,
      });
      return { ack: ackSummary(result) };
    },

    async submit(body) {
      const input = parse(submitRequest, body);
      const result = await standin.submitView({ user: me, viewId: input.viewId, values: input.values });
      return { ack: ackSummary(result), outcome: result.outcome };
    },

    async close(body) {
      const input = parse(closeRequest, body);
      const stack = standin.openViews(me);
      if (stack.at(-1)?.id !== input.viewId) throw new BadRequest(400, `viewId: ${input.viewId} is not the open modal`);
      for (const view of input.all ? stack.reverse() : stack.slice(-1)) {
        await standin.closeView({ user: me, viewId: view.id });
      }
      return {};
    },

    async home(body) {
      parse(homeRequest, body);
      const result = await standin.openHome({ user: me });
      return { ack: ackSummary(result) };
    },

    async dismiss(body) {
      const input = parse(dismissRequest, body);
      const ephemeral = standin.workspace.findEphemeral(input.ephemeralId);
      if (ephemeral?.user !== me) throw new BadRequest(400, `ephemeralId: no message ${input.ephemeralId} for you`);
      standin.workspace.deleteEphemeral(input.ephemeralId);
      return {};
    },

    async fault(body) {
      const input = parse(faultRequest, body);
      standin.injectFault(input.method, FAULTS[input.fault], input.times);
      return {};
    },
  };

  // ---- HTTP --------------------------------------------------------------------------------------------------

  async function servePage(res: ServerResponse, path: string): Promise<void> {
    const entry = PAGE_FILES[path];
    if (!entry) {
      sendJson(res, 404, { ok: false, error: 'not_found', reason: `no page ${path}` });
      return;
    }
    const content = await readFile(`${PAGE_DIR}${entry.file}`);
    res.writeHead(200, { 'content-type': entry.type, ...SECURITY_HEADERS });
    res.end(content);
  }

  function openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    // The current state first, so a page that (re)connects is up to date without asking.
    res.write(`retry: 1000\nevent: snapshot\nid: ${version}\ndata: ${JSON.stringify({ snapshot: snapshot() })}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLocalHost(req.headers.host)) throw new BadRequest(403, 'the sandbox answers only on localhost');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new BadRequest(405, `${req.method} is not allowed here`);
      await servePage(res, path);
      return;
    }
    const name = path.slice('/api/'.length);
    if (name === 'snapshot' || name === 'events') {
      if (req.method !== 'GET') throw new BadRequest(405, `use GET for /api/${name}`);
      if (name === 'events') openStream(req, res);
      else sendJson(res, 200, snapshot());
      return;
    }
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) throw new BadRequest(404, `no endpoint /api/${name}`);
    if (req.method !== 'POST') throw new BadRequest(405, `use POST for /api/${name}`);
    const body = await readJson(req);
    let result: Record<string, unknown>;
    try {
      result = await action(body);
    } catch (error) {
      if (error instanceof BadRequest) throw error;
      // The stand-in refuses what Slack would refuse (a button that is not there, a modal not on top, an empty
      // required input): that is the request's fault, and its reason is worth showing.
      throw new BadRequest(400, error instanceof Error ? error.message : String(error));
    }
    sendJson(res, 200, { ok: true, ...result });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof BadRequest ? error.status : 500;
      const reason = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        sendJson(res, status, { ok: false, error: status === 500 ? 'internal' : 'bad_request', reason });
      else res.end();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    unsubscribe();
    clearInterval(heartbeat);
    await app.stop();
    await standin.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}/`,
    port,
    standin,
    app,
    me,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.stop();
      await standin.close();
    },
  };
}
