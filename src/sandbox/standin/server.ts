/**
 * Starts the Slack stand-in: an HTTP server on 127.0.0.1 serving the Web API (`/api/<method>`) and response_urls
 * (`/respond/<id>`) from one workspace model, with injectable faults (errors, 429 + Retry-After, 500, delays) and a
 * record of every call. The returned object also acts as people (see client.ts), so end-to-end tests and the
 * browser sandbox drive a Bolt app through real HTTP, signatures and all, without a Slack workspace.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACK_DEADLINE_MS, PersonActions } from './client.js';
import { postToResponseUrl } from './response-url.js';
import { callWebApi, decodeArgs } from './web-api.js';
import {
  type CallRecord,
  type Fault,
  isRecord,
  type JsonObject,
  type Notice,
  type StandinChange,
  type StandinChannel,
  type StandinUser,
  type StoredEphemeral,
  type StoredMessage,
  type StoredView,
  Workspace,
} from './workspace.js';

export interface StandinOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  signingSecret?: string;
  botToken?: string;
  /** Milliseconds since the epoch; drives message ts, trigger and response_url expiry, request timestamps. */
  clock?: () => number;
  /** How long the app gets to acknowledge a request; Slack's is 3000 ms. */
  ackTimeoutMs?: number;
  botName?: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ParsedRequest = { ok: true; args: JsonObject; token?: string } | { ok: false; error: string };

/** Reads Web API arguments the way Slack accepts them: form-encoded or JSON bodies, plus query parameters. */
function parseApiRequest(req: IncomingMessage, url: URL, raw: string): ParsedRequest {
  const args: JsonObject = Object.fromEntries(url.searchParams);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let bodyToken: string | undefined;
  if (raw !== '') {
    if (contentType === '') return { ok: false, error: 'missing_post_type' };
    if (contentType === 'application/x-www-form-urlencoded') {
      for (const [key, value] of new URLSearchParams(raw)) args[key] = value;
      if (typeof args.token === 'string') bodyToken = args.token;
    } else if (contentType === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return { ok: false, error: 'invalid_json' };
      }
      if (!isRecord(parsed)) return { ok: false, error: 'invalid_json' };
      // Slack ignores a token inside a JSON body: JSON callers must send Authorization: Bearer.
      const { token: _ignored, ...rest } = parsed;
      Object.assign(args, rest);
    } else return { ok: false, error: 'invalid_post_type' };
  } else if (typeof args.token === 'string') bodyToken = args.token;
  const auth = req.headers.authorization;
  const headerToken = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
  const token = headerToken ?? bodyToken;
  return token === undefined ? { ok: true, args } : { ok: true, args, token };
}

export class SlackStandin extends PersonActions {
  readonly botToken: string;
  readonly signingSecret: string;
  readonly verificationToken: string;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `http://127.0.0.1:PORT/api/` — give this to Bolt as `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  private readonly server: Server;

  constructor(ws: Workspace, server: Server, opts: { botToken: string; signingSecret: string; ackTimeoutMs: number }) {
    const verificationToken = randomBytes(12).toString('hex');
    super(ws, { signingSecret: opts.signingSecret, verificationToken, ackTimeoutMs: opts.ackTimeoutMs });
    this.server = server;
    this.botToken = opts.botToken;
    this.signingSecret = opts.signingSecret;
    this.verificationToken = verificationToken;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    ws.baseUrl = this.baseUrl;
  }

  get workspace(): Workspace {
    return this.ws;
  }
  get teamId(): string {
    return this.ws.opts.teamId;
  }
  get teamDomain(): string {
    return this.ws.opts.teamDomain;
  }
  get appId(): string {
    return this.ws.opts.appId;
  }
  get botId(): string {
    return this.ws.opts.botId;
  }
  get botUserId(): string {
    return this.ws.opts.botUserId;
  }
  /** Emits `change` with a `StandinChange` whenever a message, ephemeral, view, Home tab or call changes. */
  get events() {
    return this.ws.events;
  }

  subscribe(listener: (change: StandinChange) => void): () => void {
    this.ws.events.on('change', listener);
    return () => this.ws.events.off('change', listener);
  }

  // ---- workspace set-up and snapshots ------------------------------------------------------------------------

  addUser(input: { id?: string; name: string; realName?: string }): StandinUser {
    return this.ws.addUser(input);
  }

  addChannel(input: {
    id?: string;
    name: string;
    botIsMember?: boolean;
    archived?: boolean;
    isPrivate?: boolean;
    members?: string[];
  }): StandinChannel {
    return this.ws.addChannel(input);
  }

  channelHistory(channel: string): StoredMessage[] {
    const found = this.ws.resolveChannel(channel);
    return found ? this.ws.channelHistory(found.id) : [];
  }

  thread(channel: string, ts: string): StoredMessage[] {
    const found = this.ws.resolveChannel(channel);
    return found ? this.ws.thread(found.id, ts) : [];
  }

  ephemerals(user: string, channel?: string): StoredEphemeral[] {
    const found = channel === undefined ? undefined : this.ws.resolveChannel(channel);
    return this.ws.ephemerals(user, found?.id ?? channel);
  }

  openViews(user: string): StoredView[] {
    return this.ws.openViews(user);
  }

  homeView(user: string): StoredView | undefined {
    return this.ws.homeView(user);
  }

  /** The whole visible workspace at once (channels with their top-level messages), for a UI's first render. */
  snapshot(): {
    team: { id: string; domain: string; name: string };
    bot: { userId: string; botId: string; appId: string };
    users: StandinUser[];
    channels: (Omit<StandinChannel, 'members'> & { members: string[]; messages: StoredMessage[] })[];
  } {
    const ws = this.ws;
    return {
      team: { id: ws.opts.teamId, domain: ws.opts.teamDomain, name: ws.opts.teamName },
      bot: { userId: ws.opts.botUserId, botId: ws.opts.botId, appId: ws.opts.appId },
      users: structuredClone([...ws.users.values()]),
      channels: [...ws.channels.values()].map((c) => ({
        ...c,
        members: [...c.members],
        messages: ws.channelHistory(c.id),
      })),
    };
  }

  notices(user?: string): Notice[] {
    return structuredClone(this.ws.noticeList.filter((n) => user === undefined || n.user === user));
  }

  // ---- calls and faults --------------------------------------------------------------------------------------

  /** Every Web API call and response_url POST, oldest first. */
  get calls(): CallRecord[] {
    return structuredClone(this.ws.calls);
  }

  callsTo(method: string): CallRecord[] {
    return this.calls.filter((c) => c.method === method);
  }

  clearCalls(): void {
    this.ws.calls.length = 0;
  }

  /** Makes the next `times` calls to `method` (or to any response_url) fail or stall as described. */
  injectFault(method: string, fault: Fault, times = 1): void {
    this.ws.addFault(method, fault, times);
  }

  clearFaults(): void {
    this.ws.clearFaults();
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}

/** Applies an injected fault; true when it answered the request itself. */
async function applyFault(
  ws: Workspace,
  res: ServerResponse,
  method: string,
  args: JsonObject,
  fault: Fault | undefined,
): Promise<boolean> {
  if (fault === undefined) return false;
  const record = (status: number, error: string) =>
    ws.recordCall({ method, args, ok: false, error, status, at: ws.now() });
  if ('delayMs' in fault) {
    await delay(fault.delayMs);
    return false;
  }
  if ('error' in fault) {
    const status = fault.status ?? 200;
    record(status, fault.error);
    sendJson(res, status, { ok: false, error: fault.error });
    return true;
  }
  if (fault.status === 429) {
    record(429, 'ratelimited');
    sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSeconds) });
    return true;
  }
  record(500, 'internal_error');
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal Server Error');
  return true;
}

/** Starts the stand-in on 127.0.0.1. */
export async function startSlackStandin(options: StandinOptions = {}): Promise<SlackStandin> {
  const ws = new Workspace({
    clock: options.clock ?? Date.now,
    teamId: 'T0STANDIN',
    teamDomain: 'standin',
    teamName: 'Stand-in Workspace',
    appId: 'A0STANDIN',
    botId: 'B0STANDIN',
    botUserId: 'U0STANDBOT',
    botName: options.botName ?? 'realtime-advisor',
  });
  const botToken = options.botToken ?? `xoxb-${Date.now()}-${randomBytes(12).toString('hex')}`;
  const signingSecret = options.signingSecret ?? randomBytes(16).toString('hex');

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const parsed = parseApiRequest(req, url, raw);
      const args = parsed.ok ? decodeArgs(parsed.args) : { raw };
      if (await applyFault(ws, res, method, args, ws.takeFault(method))) return;
      const body = parsed.ok
        ? callWebApi({ ws, botToken }, method, parsed.args, parsed.token)
        : { ok: false, error: parsed.error };
      ws.recordCall({
        method,
        args,
        ok: body.ok === true,
        ...(body.ok === true ? {} : { error: String(body.error) }),
        status: 200,
        at: ws.now(),
      });
      sendJson(res, 200, body);
      return;
    }
    if (url.pathname.startsWith('/respond/') && req.method === 'POST') {
      const id = url.pathname.slice('/respond/'.length);
      let args: JsonObject;
      try {
        const parsed: unknown = JSON.parse(raw);
        args = isRecord(parsed) ? decodeArgs(parsed) : { raw };
      } catch {
        args = { raw };
      }
      if (await applyFault(ws, res, 'response_url', args, ws.takeFault('response_url'))) return;
      const outcome = postToResponseUrl(ws, id, raw);
      ws.recordCall({
        method: 'response_url',
        args,
        ok: outcome.status === 200,
        ...(outcome.status === 200 ? {} : { error: String(outcome.body.error) }),
        status: outcome.status,
        at: ws.now(),
      });
      sendJson(res, outcome.status, outcome.body);
      return;
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return new SlackStandin(ws, server, {
    botToken,
    signingSecret,
    ackTimeoutMs: options.ackTimeoutMs ?? ACK_DEADLINE_MS,
  });
}
