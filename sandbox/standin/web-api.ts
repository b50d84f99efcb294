/**
 * The Web API methods the app uses, answered from the workspace model with Slack's response shapes and refusals
 * (`not_in_channel`, `invalid_blocks` with `response_metadata.messages`, `expired_trigger_id`, `hash_conflict`, …),
 * so the app's error handling is exercised against what Slack really says rather than against happy-path mocks.
 * Transport concerns (HTTP, faults, recording) live in server.ts.
 */
import { type BlocksVerdict, type ViewVerdict, validateBlocks, validateView } from './block-kit.js';
import { isRecord, type JsonObject } from './json.js';
import type { IssuedToken, StandinOAuth } from './oauth.js';
import { assistantHandlers } from './web-api-assistant.js';
import type { Workspace } from './workspace.js';
import type { MessageMetadata, StoredMessage } from './workspace-messages.js';

export interface ApiContext {
  ws: Workspace;
  botToken: string;
  /** The app-level token (`xapp-…`): accepted by `apps.connections.open` only, as in Slack. */
  appToken?: string;
  /** What `apps.connections.open` answers with: the stand-in's Socket Mode server, set by the test. */
  socketModeUrl?: string | undefined;
  /** Slack's side of OAuth: the bot tokens it issued are accepted too. */
  oauth?: StandinOAuth;
  /** The install the calling token came from, when OAuth issued it (set by callWebApi). */
  grant?: IssuedToken;
}

/** Argument fields Slack expects as JSON (JSON-encoded strings in a form body). */
export const JSON_FIELDS = ['blocks', 'view', 'metadata', 'prompts', 'loading_messages'] as const;

/** The arguments with JSON fields parsed and the token removed, for the call record. */
export function decodeArgs(args: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === 'token') continue;
    if ((JSON_FIELDS as readonly string[]).includes(key) && typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
      } catch {
        out[key] = value;
      }
    } else out[key] = value;
  }
  return out;
}

export type Parsed = { kind: 'absent' } | { kind: 'ok'; value: unknown } | { kind: 'bad' };

function jsonArg(args: JsonObject, key: string): Parsed {
  const value = args[key];
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'ok', value };
  try {
    return { kind: 'ok', value: JSON.parse(value) };
  } catch {
    return { kind: 'bad' };
  }
}

function str(args: JsonObject, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function bool(args: JsonObject, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

function fail(error: string, extra: JsonObject = {}): JsonObject {
  return { ok: false, error, ...extra };
}

function argumentError(message: string): JsonObject {
  return fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${message}`] } });
}

export function blocksFailure(verdict: Exclude<BlocksVerdict, { ok: true }>): JsonObject {
  return fail(verdict.error, {
    errors: verdict.issues.map((i) => `${i.slack} [json-pointer:${i.pointer}]`),
    response_metadata: { messages: verdict.messages },
  });
}

function viewFailure(verdict: Exclude<ViewVerdict, { ok: true }>): JsonObject {
  return fail('invalid_arguments', { response_metadata: { messages: verdict.messages } });
}

export interface Content {
  text: string;
  blocks?: JsonObject[];
}

/** Reads text and blocks the way chat.* methods do; a refusal body when Slack would refuse. */
export function readContent(args: JsonObject): { ok: true; content: Content } | JsonObject {
  const text = typeof args.text === 'string' ? args.text : undefined;
  const parsedBlocks = jsonArg(args, 'blocks');
  if (parsedBlocks.kind === 'bad') return fail('invalid_blocks_format');
  let blocks: JsonObject[] | undefined;
  if (parsedBlocks.kind === 'ok') {
    const verdict = validateBlocks(parsedBlocks.value, 'message');
    if (!verdict.ok) return blocksFailure(verdict);
    blocks = parsedBlocks.value as JsonObject[];
  }
  const body = text ?? '';
  if (body === '' && (blocks === undefined || blocks.length === 0)) {
    return fail('no_text');
  }
  if (body.length > 40000) return fail('msg_too_long');
  return { ok: true, content: blocks === undefined ? { text: body } : { text: body, blocks } };
}

function isContent(value: { ok: true; content: Content } | JsonObject): value is { ok: true; content: Content } {
  return value.ok === true;
}

/**
 * A message's `metadata` argument (https://api.slack.com/metadata/using): an `event_type` and an `event_payload`
 * object. Not JSON is `invalid_metadata_format`, another shape `invalid_metadata_schema`, the two codes Slack's
 * chat methods document for it.
 */
function readMetadata(args: JsonObject): { ok: true; metadata?: MessageMetadata } | JsonObject {
  const parsed = jsonArg(args, 'metadata');
  if (parsed.kind === 'absent') return { ok: true };
  if (parsed.kind === 'bad') return fail('invalid_metadata_format');
  const value = parsed.value;
  if (
    !isRecord(value) ||
    typeof value.event_type !== 'string' ||
    value.event_type === '' ||
    !isRecord(value.event_payload)
  )
    return fail('invalid_metadata_schema');
  return { ok: true, metadata: { event_type: value.event_type, event_payload: value.event_payload } };
}

function isMetadata(
  value: { ok: true; metadata?: MessageMetadata } | JsonObject,
): value is { ok: true; metadata?: MessageMetadata } {
  return value.ok === true;
}

/**
 * The message in chat.update's answer: the fields Slack sends there (recorded api-responses/chat.update.fieldset.json
 * has no ts and no thread fields; the answer's top level carries the ts).
 */
function updatedMessage(message: StoredMessage): JsonObject {
  const fields = ['type', 'text', 'user', 'team', 'bot_id', 'app_id', 'bot_profile', 'edited', 'blocks', 'metadata'];
  return Object.fromEntries(Object.entries(message).filter(([key]) => fields.includes(key)));
}

/** Slack's cursors are opaque; the stand-in's say where the next page starts. */
const pageCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');

/** Where a cursor's page starts: 0 without one, undefined for a cursor the stand-in never gave. */
function pageOffset(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** A message as the Web API returns it: its metadata only to a caller that asked for it (`include_all_metadata`). */
function withoutMetadata(message: StoredMessage): StoredMessage {
  const { metadata: _metadata, ...rest } = message;
  return rest as StoredMessage;
}

/**
 * What views.open reads and checks, in Slack's order: the view, then the trigger_id (which is used up here).
 * A Slack error object when something is wrong.
 */
function readModalRequest(
  ws: Workspace,
  args: JsonObject,
): { ok: true; input: JsonObject; user: string } | { ok: false; answer: JsonObject } {
  const refuse = (answer: JsonObject) => ({ ok: false as const, answer });
  const view = jsonArg(args, 'view');
  if (view.kind === 'absent') return refuse(argumentError('missing required field: view'));
  if (view.kind === 'bad') return refuse(argumentError('invalid json [json-pointer:/view]'));
  const verdict = validateView(view.value, 'modal');
  if (!verdict.ok) return refuse(viewFailure(verdict));
  const input = view.value as JsonObject;
  if (typeof input.external_id === 'string' && ws.externalIdTaken(input.external_id)) {
    return refuse(fail('duplicate_external_id'));
  }
  const triggerId = str(args, 'trigger_id') ?? str(args, 'interactivity_pointer');
  if (triggerId === undefined) return refuse(argumentError('missing required field: trigger_id'));
  const exchanged = ws.exchangeTrigger(triggerId);
  if (!exchanged.ok) return refuse(fail(exchanged.error));
  return { ok: true, input, user: exchanged.user };
}

/** Resolves `thread_ts` to the thread's parent ts (Slack files a reply-to-a-reply under the parent). */
function threadParent(ws: Workspace, channel: string, threadTs: string): string | undefined {
  const message = ws.findMessage(channel, threadTs);
  if (!message) return undefined;
  if (message.thread_ts !== undefined && message.thread_ts !== message.ts) return message.thread_ts;
  return message.ts;
}

/**
 * The conversation a channel argument names, as the app can see it: a DM between people, a group DM or a private
 * channel the app is not in does not exist for it (Slack answers `channel_not_found`, not `not_in_channel`).
 */
function visibleChannel(ws: Workspace, ref: string | undefined) {
  const channel = ref === undefined ? undefined : ws.resolveChannel(ref);
  if (!channel) return undefined;
  if (!channel.botIsMember && (channel.isIm || channel.isMpim === true || channel.isPrivate)) return undefined;
  return channel;
}

export type Handler = (ctx: ApiContext, args: JsonObject) => JsonObject;

function authTestForWorkspace(ws: Workspace): JsonObject {
  return {
    ok: true,
    url: `https://${ws.opts.teamDomain}.slack.com/`,
    team: ws.opts.teamName,
    user: ws.opts.botName,
    team_id: ws.opts.teamId,
    user_id: ws.opts.botUserId,
    bot_id: ws.opts.botId,
    is_enterprise_install: false,
  };
}

/**
 * The methods the app calls (chat.postMessage, chat.postEphemeral, chat.getPermalink, views.open / update / publish) and the two Bolt
 * calls itself (auth.test at start-up, apps.connections.open for Socket Mode); any other is `unknown_method`, so a
 * new call in the app fails in the tests until the stand-in models it with Slack's refusals.
 */

const handlers: Record<string, Handler> = {
  'apps.connections.open': ({ socketModeUrl }) =>
    socketModeUrl === undefined
      ? fail('internal_error', { detail: 'no Socket Mode server: call setSocketModeUrl() first' })
      : { ok: true, url: socketModeUrl },

  'auth.test': ({ ws, grant }) =>
    grant?.kind === 'org' && grant.enterprise
      ? {
          // An org-wide token answers for the org, not one workspace.
          ok: true,
          url: `https://${ws.opts.teamDomain}.enterprise.slack.com/`,
          team: grant.enterprise.name,
          user: ws.opts.botName,
          team_id: grant.enterprise.id,
          user_id: ws.opts.botUserId,
          bot_id: ws.opts.botId,
          enterprise_id: grant.enterprise.id,
          is_enterprise_install: true,
        }
      : authTestForWorkspace(ws),

  'chat.postMessage': ({ ws }, args) => {
    const channelRef = str(args, 'channel');
    const channel = visibleChannel(ws, channelRef);
    if (!channel) return fail('channel_not_found');
    const read = readContent(args);
    if (!isContent(read)) return read;
    const meta = readMetadata(args);
    if (!isMetadata(meta)) return meta;
    if (channel.archived) return fail('is_archived');
    if (!channel.botIsMember) return fail('not_in_channel');
    const requestedThread = str(args, 'thread_ts');
    let threadTs: string | undefined;
    if (requestedThread !== undefined) {
      threadTs = threadParent(ws, channel.id, requestedThread);
      if (threadTs === undefined) return fail('thread_not_found');
    }
    const message = ws.postBotMessage(channel.id, {
      ...read.content,
      threadTs,
      broadcast: threadTs !== undefined && bool(args, 'reply_broadcast'),
      ...(meta.metadata ? { metadata: meta.metadata } : {}),
    });
    return { ok: true, channel: channel.id, ts: message.ts, message };
  },

  // https://docs.slack.dev/reference/methods/chat.update: only the app's own messages (`cant_update_message`
  // otherwise, as api-responses/chat.update.error-cant_update_message.json records); blocks left out are kept;
  // `metadata` replaces the message's. The answer echoes channel, ts and text, and the message.
  'chat.update': ({ ws }, args) => {
    const channel = visibleChannel(ws, str(args, 'channel'));
    if (!channel) return fail('channel_not_found');
    const ts = str(args, 'ts');
    if (ts === undefined) return argumentError('missing required field: ts');
    const message = ws.findMessage(channel.id, ts);
    if (!message) return fail('message_not_found');
    const read = readContent(args);
    if (!isContent(read)) return read;
    const meta = readMetadata(args);
    if (!isMetadata(meta)) return meta;
    if (!ws.isBotMessage(message)) return fail('cant_update_message');
    const updated = ws.updateMessage(channel.id, ts, {
      ...(typeof args.text === 'string' ? { text: args.text } : {}),
      ...(read.content.blocks ? { blocks: read.content.blocks } : {}),
      ...(meta.metadata ? { metadata: meta.metadata } : {}),
    });
    return { ok: true, channel: channel.id, ts, text: updated.text, message: updatedMessage(updated) };
  },

  // https://docs.slack.dev/reference/methods/conversations.replies: "a message plus all the messages in reply to
  // it", the parent first; `ts` may name a reply, which reads its whole thread; `oldest` / `latest` (with
  // `inclusive`) bound the replies; `limit` (default 1000) pages with a cursor; metadata only with
  // `include_all_metadata`. Errors: `channel_not_found`, `thread_not_found` for a ts with no message.
  'conversations.replies': ({ ws }, args) => {
    const channel = visibleChannel(ws, str(args, 'channel'));
    if (!channel) return fail('channel_not_found');
    const ts = str(args, 'ts');
    if (ts === undefined) return argumentError('missing required field: ts');
    const parentTs = threadParent(ws, channel.id, ts);
    if (parentTs === undefined) return fail('thread_not_found');
    const [parent, ...replies] = ws.thread(channel.id, parentTs);
    const oldest = str(args, 'oldest');
    const latest = str(args, 'latest');
    const inclusive = bool(args, 'inclusive');
    const after = (t: string, bound: string) => (inclusive ? Number(t) >= Number(bound) : Number(t) > Number(bound));
    const before = (t: string, bound: string) => (inclusive ? Number(t) <= Number(bound) : Number(t) < Number(bound));
    const inRange = replies.filter(
      (m) => (oldest === undefined || after(m.ts, oldest)) && (latest === undefined || before(m.ts, latest)),
    );
    const all = parent ? [parent, ...inRange] : inRange;
    const limit = Math.max(1, Math.min(1000, Number(str(args, 'limit') ?? 1000) || 1000));
    const offset = pageOffset(str(args, 'cursor'));
    if (offset === undefined) return fail('invalid_cursor');
    const page = all.slice(offset, offset + limit);
    const hasMore = offset + limit < all.length;
    const metadata = bool(args, 'include_all_metadata');
    return {
      ok: true,
      messages: page.map((m) => (metadata ? m : withoutMetadata(m))),
      has_more: hasMore,
      ...(hasMore ? { response_metadata: { next_cursor: pageCursor(offset + limit) } } : {}),
    };
  },

  ...assistantHandlers({ fail, str, argumentError, jsonArg, visibleChannel }),

  'chat.postEphemeral': ({ ws }, args) => {
    const channelRef = str(args, 'channel');
    const channel = visibleChannel(ws, channelRef);
    if (!channel) return fail('channel_not_found');
    const userId = str(args, 'user');
    const user = userId === undefined ? undefined : ws.users.get(userId);
    if (!user || user.isBot) return fail('user_not_found');
    const read = readContent(args);
    if (!isContent(read)) return read;
    if (channel.archived) return fail('is_archived');
    if (!channel.botIsMember) return fail('not_in_channel');
    if (!channel.members.has(user.id)) return fail('user_not_in_channel');
    const threadTs = str(args, 'thread_ts');
    const ephemeral = ws.postEphemeral({
      channel: channel.id,
      user: user.id,
      text: read.content.text,
      ...(read.content.blocks ? { blocks: read.content.blocks } : {}),
      ...(threadTs ? { thread_ts: threadParent(ws, channel.id, threadTs) ?? threadTs } : {}),
      via: 'chat.postEphemeral',
    });
    return { ok: true, message_ts: ephemeral.ts };
  },

  // Slack: no scope needed; `channel_not_found` for a conversation the app cannot see, `message_not_found` for a
  // ts with no message. A reply's link carries its thread and channel, as Slack's does.
  'chat.getPermalink': ({ ws }, args) => {
    const channel = visibleChannel(ws, str(args, 'channel'));
    if (!channel) return fail('channel_not_found');
    const ts = str(args, 'message_ts');
    const message = ts === undefined ? undefined : ws.findMessage(channel.id, ts);
    if (!message) return fail('message_not_found');
    const base = `https://${ws.opts.teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
    const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    return {
      ok: true,
      channel: channel.id,
      permalink: inThread ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base,
    };
  },

  'views.open': ({ ws }, args) => {
    const request = readModalRequest(ws, args);
    if (!request.ok) return request.answer;
    return { ok: true, view: ws.openModal(request.user, request.input) };
  },

  'views.update': ({ ws }, args) => {
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    if (viewId === undefined && externalId === undefined) return argumentError('missing required field: view_id');
    const found = ws.locateView({ id: viewId, externalId });
    if (!found) return fail('not_found');
    const hash = str(args, 'hash');
    if (hash !== undefined && hash !== found.view.hash) return fail('hash_conflict');
    const view = jsonArg(args, 'view');
    if (view.kind === 'absent') return argumentError('missing required field: view');
    if (view.kind === 'bad') return argumentError('invalid json [json-pointer:/view]');
    const verdict = validateView(view.value, found.view.type);
    if (!verdict.ok) return viewFailure(verdict);
    const input = view.value as JsonObject;
    if (typeof input.external_id === 'string' && ws.externalIdTaken(input.external_id, found.view.id)) {
      return fail('duplicate_external_id');
    }
    return { ok: true, view: ws.replaceView(found.view.id, input) };
  },

  'views.publish': ({ ws }, args) => {
    const userId = str(args, 'user_id');
    const user = userId === undefined ? undefined : ws.users.get(userId);
    if (!user || user.isBot) return fail('user_not_found');
    const view = jsonArg(args, 'view');
    if (view.kind === 'absent') return argumentError('missing required field: view');
    if (view.kind === 'bad') return argumentError('invalid json [json-pointer:/view]');
    const verdict = validateView(view.value, 'home');
    if (!verdict.ok) return viewFailure(verdict);
    const hash = str(args, 'hash');
    const current = ws.homeView(user.id);
    if (hash !== undefined && current !== undefined && hash !== current.hash) return fail('hash_conflict');
    return { ok: true, view: ws.publishHome(user.id, view.value as JsonObject) };
  },
};

/** Methods that take the app-level token instead of the bot token. */
const APP_TOKEN_METHODS: ReadonlySet<string> = new Set(['apps.connections.open']);

/**
 * Answers one Web API call. Authentication comes first, as in Slack: no token → `not_authed`, a wrong one →
 * `invalid_auth`, a real token of the wrong kind (the bot token for `apps.connections.open`, the app-level token
 * for anything else) → `not_allowed_token_type`. Unknown methods → `unknown_method`.
 */
export function callWebApi(ctx: ApiContext, method: string, args: JsonObject, token: string | undefined): JsonObject {
  const handler = handlers[method];
  if (!handler) return fail('unknown_method', { req_method: method });
  if (token === undefined || token === '') return fail('not_authed');
  const grant = ctx.oauth?.lookup(token);
  if (grant) {
    if (APP_TOKEN_METHODS.has(method)) return fail('not_allowed_token_type');
    if (grant.revoked) return fail('token_revoked');
    if (grant.expiresAt !== undefined && ctx.ws.now() >= grant.expiresAt) return fail('token_expired');
    return handler({ ...ctx, grant }, args);
  }
  const expected = APP_TOKEN_METHODS.has(method) ? ctx.appToken : ctx.botToken;
  if (expected !== undefined && token === expected) return handler(ctx, args);
  if (token === ctx.botToken || (ctx.appToken !== undefined && token === ctx.appToken)) {
    return fail('not_allowed_token_type');
  }
  return fail('invalid_auth');
}
