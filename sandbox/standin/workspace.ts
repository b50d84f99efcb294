/**
 * The in-memory Slack workspace behind the stand-in: team, users, channels, messages and threads, ephemeral
 * messages, modal stacks, Home tabs, trigger_ids and response_urls. The Web API, the response_url endpoint and the
 * simulated people all read and change this one model, so what a test (or the browser sandbox) sees is exactly what
 * the app did to it. Every change is announced on `events` so a UI can stream it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

export interface StandinUser {
  id: string;
  name: string;
  realName: string;
  isBot: boolean;
}

export interface StandinChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  archived: boolean;
  botIsMember: boolean;
  /** Human members (the bot's membership is `botIsMember`). */
  members: Set<string>;
  created: number;
}

/** A channel message in the public shape Slack returns from the Web API and in payloads. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  user: string;
  text: string;
  team: string;
  blocks?: JsonObject[];
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  [key: string]: unknown;
}

export interface StoredEphemeral {
  /** Stand-in handle for the ephemeral message (Slack has none; tests and the UI need one). */
  id: string;
  /** The `message_ts` Slack reports for it. */
  ts: string;
  channel: string;
  /** The only person who sees it. */
  user: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
  via: 'chat.postEphemeral' | 'response_url' | 'ack';
}

/** A view in the `ViewOutput` shape Slack returns and puts in payloads. */
export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title: JsonObject | null;
  submit: JsonObject | null;
  close: JsonObject | null;
  blocks: JsonObject[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, JsonObject>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  [key: string]: unknown;
}

export interface Trigger {
  id: string;
  user: string;
  createdAt: number;
  used: boolean;
}

export type ResponseSource = { kind: 'message'; channel: string; ts: string } | { kind: 'ephemeral'; id: string };

export interface ResponseUrlBinding {
  id: string;
  url: string;
  channel: string;
  user: string;
  source?: ResponseSource;
  threadTs?: string;
  createdAt: number;
  uses: number;
}

export interface CallRecord {
  /** Web API method name, or `response_url`. */
  method: string;
  /** Decoded arguments: JSON-valued fields (blocks, view, …) parsed, the token left out. */
  args: JsonObject;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
}

export type Fault =
  | { error: string; status?: number }
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 }
  | { delayMs: number };

/** Something Slack itself shows the person (an error banner), not a message from the app. */
export interface Notice {
  kind: 'timeout' | 'http_error' | 'invalid_response';
  user: string;
  channel?: string;
  text: string;
  at: number;
}

export type StandinChange =
  | { kind: 'message_posted' | 'message_changed'; channel: string; ts: string; message: StoredMessage }
  | { kind: 'message_deleted'; channel: string; ts: string }
  | { kind: 'ephemeral_posted' | 'ephemeral_changed'; ephemeral: StoredEphemeral }
  | { kind: 'ephemeral_deleted'; id: string; user: string; channel: string }
  | { kind: 'view_opened' | 'view_updated' | 'view_pushed'; user: string; view: StoredView }
  | { kind: 'view_closed'; user: string; viewId: string }
  | { kind: 'home_published'; user: string; view: StoredView }
  | { kind: 'notice'; notice: Notice }
  | { kind: 'call'; call: CallRecord };

export interface WorkspaceOptions {
  clock: () => number;
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
}

export const DEFAULT_HUMAN = 'U0HUMAN01';
export const DEFAULT_CHANNEL = 'C0GENERAL';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return out;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Copies blocks and fills in what Slack fills in on storage: a `block_id` on every block and an `action_id` on
 * every interactive element that lacks one.
 */
export function withGeneratedIds(blocks: unknown): JsonObject[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.filter(isRecord).map((original) => {
    const block = clone(original);
    if (typeof block.block_id !== 'string') block.block_id = randomId('', 5).toLowerCase();
    const elements: unknown[] = [];
    if (isRecord(block.accessory)) elements.push(block.accessory);
    if (isRecord(block.element)) elements.push(block.element);
    if (Array.isArray(block.elements) && block.type === 'actions') elements.push(...block.elements);
    for (const el of elements) {
      if (isRecord(el) && el.type !== 'image' && typeof el.action_id !== 'string') {
        el.action_id = randomId('', 5).toLowerCase();
      }
    }
    return block;
  });
}

export class Workspace {
  readonly events = new EventEmitter();
  readonly opts: WorkspaceOptions;
  readonly users = new Map<string, StandinUser>();
  readonly channels = new Map<string, StandinChannel>();
  /** Every message of a channel (top level and replies), in ts order. */
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly ephemeralList: StoredEphemeral[] = [];
  private readonly modalStacks = new Map<string, StoredView[]>();
  private readonly homes = new Map<string, StoredView>();
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseUrls = new Map<string, ResponseUrlBinding>();
  private readonly faults = new Map<string, { fault: Fault; remaining: number }[]>();
  readonly calls: CallRecord[] = [];
  readonly noticeList: Notice[] = [];
  /** Base for response_urls, e.g. `http://127.0.0.1:4000`; set once the server listens. */
  baseUrl = 'http://127.0.0.1';
  private lastMicros = 0;
  private counter = 0;

  constructor(opts: WorkspaceOptions) {
    this.opts = opts;
    this.events.setMaxListeners(0);
    this.users.set(opts.botUserId, { id: opts.botUserId, name: opts.botName, realName: opts.botName, isBot: true });
    this.addUser({ id: DEFAULT_HUMAN, name: 'ada', realName: 'Ada Lovelace' });
    this.addChannel({ id: DEFAULT_CHANNEL, name: 'general', botIsMember: true });
  }

  now(): number {
    return this.opts.clock();
  }

  /** A unique, increasing message timestamp in Slack's `seconds.micros` form. */
  nextTs(): string {
    const micros = Math.max(Math.floor(this.now() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  nextCounter(): number {
    this.counter += 1;
    return this.counter;
  }

  private emit(change: StandinChange): void {
    this.events.emit('change', change);
  }

  // ---- people and places -------------------------------------------------------------------------------------

  addUser(input: { id?: string; name: string; realName?: string }): StandinUser {
    const user: StandinUser = {
      id: input.id ?? randomId('U'),
      name: input.name,
      realName: input.realName ?? input.name,
      isBot: false,
    };
    this.users.set(user.id, user);
    for (const channel of this.channels.values()) {
      if (channel.id === DEFAULT_CHANNEL) channel.members.add(user.id);
    }
    return user;
  }

  addChannel(input: {
    id?: string;
    name: string;
    botIsMember?: boolean;
    archived?: boolean;
    isPrivate?: boolean;
    /** Human members; every human by default. */
    members?: string[];
  }): StandinChannel {
    const humans = [...this.users.values()].filter((u) => !u.isBot).map((u) => u.id);
    const channel: StandinChannel = {
      id: input.id ?? randomId(input.isPrivate ? 'G' : 'C'),
      name: input.name.replace(/^#/, ''),
      isPrivate: input.isPrivate ?? false,
      isIm: false,
      archived: input.archived ?? false,
      botIsMember: input.botIsMember ?? true,
      members: new Set(input.members ?? humans),
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  /** The direct-message channel between the app and a person (created on first use). */
  imChannelFor(userId: string): StandinChannel {
    const id = `D${userId.replace(/^[UW]/, '')}`;
    const existing = this.channels.get(id);
    if (existing) return existing;
    const channel: StandinChannel = {
      id,
      name: userId,
      isPrivate: true,
      isIm: true,
      archived: false,
      botIsMember: true,
      members: new Set([userId]),
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(id, channel);
    this.messages.set(id, []);
    return channel;
  }

  /** Resolves a channel argument as Slack does: an ID, `#name`/`name`, or a user ID (their DM with the app). */
  resolveChannel(ref: string): StandinChannel | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    if (this.users.has(ref) && !this.users.get(ref)?.isBot) return this.imChannelFor(ref);
    const name = ref.replace(/^#/, '');
    for (const channel of this.channels.values()) if (!channel.isIm && channel.name === name) return channel;
    return undefined;
  }

  // ---- messages ----------------------------------------------------------------------------------------------

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  isBotMessage(message: StoredMessage): boolean {
    return message.bot_id === this.opts.botId || message.user === this.opts.botUserId;
  }

  /** Posts as the app's bot user. */
  postBotMessage(
    channel: string,
    content: { text: string; blocks?: unknown[]; threadTs?: string; broadcast?: boolean },
  ): StoredMessage {
    const message: StoredMessage = {
      user: this.opts.botUserId,
      type: 'message',
      ts: this.nextTs(),
      bot_id: this.opts.botId,
      app_id: this.opts.appId,
      text: content.text,
      team: this.opts.teamId,
      bot_profile: {
        id: this.opts.botId,
        app_id: this.opts.appId,
        name: this.opts.botName,
        team_id: this.opts.teamId,
        deleted: false,
      },
    };
    if (content.blocks !== undefined) message.blocks = withGeneratedIds(content.blocks);
    return this.insertMessage(channel, message, content.threadTs, content.broadcast);
  }

  /** Posts as a person. */
  postHumanMessage(channel: string, user: string, text: string, threadTs?: string): StoredMessage {
    const message: StoredMessage = {
      user,
      type: 'message',
      ts: this.nextTs(),
      client_msg_id: randomUUID(),
      text,
      team: this.opts.teamId,
      blocks: [
        {
          type: 'rich_text',
          block_id: randomId('', 5).toLowerCase(),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
        },
      ],
    };
    return this.insertMessage(channel, message, threadTs, false);
  }

  private insertMessage(
    channel: string,
    message: StoredMessage,
    threadTs: string | undefined,
    broadcast: boolean | undefined,
  ): StoredMessage {
    const list = this.messages.get(channel);
    if (!list) throw new Error(`unknown channel ${channel}`);
    if (threadTs !== undefined) {
      const parent = this.findMessage(channel, threadTs);
      if (!parent) throw new Error(`no message ${threadTs} in ${channel}`);
      message.thread_ts = threadTs;
      message.parent_user_id = parent.user;
      if (broadcast) message.subtype = 'thread_broadcast';
      parent.thread_ts = threadTs;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
      const replyUsers = new Set(parent.reply_users ?? []);
      replyUsers.add(message.user);
      parent.reply_users = [...replyUsers];
      parent.reply_users_count = replyUsers.size;
      parent.latest_reply = message.ts;
      list.push(message);
      this.emit({ kind: 'message_posted', channel, ts: message.ts, message: clone(message) });
      this.emit({ kind: 'message_changed', channel, ts: parent.ts, message: clone(parent) });
      return clone(message);
    }
    list.push(message);
    this.emit({ kind: 'message_posted', channel, ts: message.ts, message: clone(message) });
    return clone(message);
  }

  updateMessage(channel: string, ts: string, content: { text?: string; blocks?: unknown[] }): StoredMessage {
    const message = this.findMessage(channel, ts);
    if (!message) throw new Error(`no message ${ts} in ${channel}`);
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = withGeneratedIds(content.blocks);
    message.edited = { user: message.user, ts: this.nextTs() };
    this.emit({ kind: 'message_changed', channel, ts, message: clone(message) });
    return clone(message);
  }

  /** Deletes a message; a parent that still has replies becomes a tombstone, as in Slack. */
  deleteMessage(channel: string, ts: string): void {
    const list = this.messages.get(channel);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return;
    const message = list[index] as StoredMessage;
    if (message.thread_ts === ts && (message.reply_count ?? 0) > 0) {
      const tombstone: StoredMessage = {
        type: 'message',
        subtype: 'tombstone',
        ts,
        user: 'USLACKBOT',
        text: 'This message was deleted.',
        team: this.opts.teamId,
        thread_ts: ts,
        reply_count: message.reply_count,
        reply_users: message.reply_users,
        reply_users_count: message.reply_users_count,
        latest_reply: message.latest_reply,
      };
      list[index] = tombstone;
      this.emit({ kind: 'message_changed', channel, ts, message: clone(tombstone) });
      return;
    }
    list.splice(index, 1);
    this.emit({ kind: 'message_deleted', channel, ts });
    if (message.thread_ts !== undefined && message.thread_ts !== ts) {
      const parent = this.findMessage(channel, message.thread_ts);
      if (parent) {
        const replies = list.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts);
        parent.reply_count = replies.length;
        parent.latest_reply = replies.at(-1)?.ts ?? parent.ts;
        this.emit({ kind: 'message_changed', channel, ts: parent.ts, message: clone(parent) });
      }
    }
  }

  /** Top-level messages of a channel (including thread broadcasts), oldest first. */
  channelHistory(channel: string): StoredMessage[] {
    const list = this.messages.get(channel) ?? [];
    return clone(
      list.filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast'),
    );
  }

  /** A thread: the parent followed by its replies, oldest first; empty if there is no such message. */
  thread(channel: string, ts: string): StoredMessage[] {
    const parent = this.findMessage(channel, ts);
    if (!parent) return [];
    const list = this.messages.get(channel) ?? [];
    return clone([parent, ...list.filter((m) => m.thread_ts === ts && m.ts !== ts)]);
  }

  /** The thread a message lives in (its parent's ts), if any. */
  threadOf(channel: string, ts: string): string | undefined {
    const message = this.findMessage(channel, ts);
    if (!message?.thread_ts) return undefined;
    return message.thread_ts;
  }

  // ---- ephemeral messages ------------------------------------------------------------------------------------

  postEphemeral(input: Omit<StoredEphemeral, 'id' | 'ts' | 'blocks'> & { blocks?: unknown[] }): StoredEphemeral {
    const ephemeral: StoredEphemeral = {
      id: `eph-${this.nextCounter()}`,
      ts: this.nextTs(),
      channel: input.channel,
      user: input.user,
      text: input.text,
      via: input.via,
    };
    if (input.blocks !== undefined) ephemeral.blocks = withGeneratedIds(input.blocks);
    if (input.thread_ts !== undefined) ephemeral.thread_ts = input.thread_ts;
    this.ephemeralList.push(ephemeral);
    this.emit({ kind: 'ephemeral_posted', ephemeral: clone(ephemeral) });
    return clone(ephemeral);
  }

  findEphemeral(id: string): StoredEphemeral | undefined {
    return this.ephemeralList.find((e) => e.id === id);
  }

  findEphemeralByTs(ts: string): StoredEphemeral | undefined {
    return this.ephemeralList.find((e) => e.ts === ts);
  }

  replaceEphemeral(id: string, content: { text: string; blocks?: unknown[] }): StoredEphemeral {
    const ephemeral = this.findEphemeral(id);
    if (!ephemeral) throw new Error(`no ephemeral ${id}`);
    ephemeral.text = content.text;
    if (content.blocks !== undefined) ephemeral.blocks = withGeneratedIds(content.blocks);
    else delete ephemeral.blocks;
    this.emit({ kind: 'ephemeral_changed', ephemeral: clone(ephemeral) });
    return clone(ephemeral);
  }

  deleteEphemeral(id: string): void {
    const index = this.ephemeralList.findIndex((e) => e.id === id);
    if (index < 0) return;
    const [gone] = this.ephemeralList.splice(index, 1);
    if (gone) this.emit({ kind: 'ephemeral_deleted', id, user: gone.user, channel: gone.channel });
  }

  /** What one person sees privately in a channel, oldest first. */
  ephemerals(user: string, channel?: string): StoredEphemeral[] {
    return clone(this.ephemeralList.filter((e) => e.user === user && (channel === undefined || e.channel === channel)));
  }

  // ---- views -------------------------------------------------------------------------------------------------

  buildView(
    input: JsonObject,
    placement: { id?: string; rootViewId?: string | null; previousViewId?: string | null },
  ): StoredView {
    const id = placement.id ?? randomId('V');
    const type = input.type === 'home' ? 'home' : 'modal';
    const view: StoredView = {
      id,
      team_id: this.opts.teamId,
      type,
      title: isRecord(input.title) ? clone(input.title) : null,
      submit: isRecord(input.submit) ? clone(input.submit) : null,
      close: isRecord(input.close) ? clone(input.close) : null,
      blocks: withGeneratedIds(input.blocks),
      private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
      callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
      external_id: typeof input.external_id === 'string' ? input.external_id : '',
      state: { values: {} },
      hash: `${Math.floor(this.now() / 1000)}.${randomHex(4)}`,
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      root_view_id: type === 'modal' ? (placement.rootViewId ?? id) : null,
      previous_view_id: placement.previousViewId ?? null,
      app_id: this.opts.appId,
      app_installed_team_id: this.opts.teamId,
      bot_id: this.opts.botId,
    };
    return view;
  }

  /** Finds a modal or Home view by id (or external_id). */
  locateView(ref: { id?: string; externalId?: string }): { user: string; view: StoredView } | undefined {
    const matches = (v: StoredView) =>
      (ref.id !== undefined && v.id === ref.id) ||
      (ref.externalId !== undefined && ref.externalId !== '' && v.external_id === ref.externalId);
    for (const [user, stack] of this.modalStacks) {
      const view = stack.find(matches);
      if (view) return { user, view };
    }
    for (const [user, view] of this.homes) if (matches(view)) return { user, view };
    return undefined;
  }

  externalIdTaken(externalId: string, exceptViewId?: string): boolean {
    if (externalId === '') return false;
    const found = this.locateView({ externalId });
    return found !== undefined && found.view.id !== exceptViewId;
  }

  /** views.open: a new modal replaces whatever stack the person had. */
  openModal(user: string, input: JsonObject): StoredView {
    const view = this.buildView(input, {});
    this.modalStacks.set(user, [view]);
    this.emit({ kind: 'view_opened', user, view: clone(view) });
    return clone(view);
  }

  pushModal(user: string, input: JsonObject): StoredView {
    const stack = this.modalStacks.get(user) ?? [];
    const top = stack.at(-1);
    const view = this.buildView(input, { rootViewId: top?.root_view_id ?? null, previousViewId: top?.id ?? null });
    stack.push(view);
    this.modalStacks.set(user, stack);
    this.emit({ kind: 'view_pushed', user, view: clone(view) });
    return clone(view);
  }

  /** Replaces a view's content in place: same id, new hash. */
  replaceView(viewId: string, input: JsonObject): StoredView {
    const found = this.locateView({ id: viewId });
    if (!found) throw new Error(`no view ${viewId}`);
    const old = found.view;
    const view = this.buildView(input, {
      id: old.id,
      rootViewId: old.root_view_id,
      previousViewId: old.previous_view_id,
    });
    if (view.external_id === '' && input.external_id === undefined) view.external_id = old.external_id;
    if (old.type === 'home') {
      this.homes.set(found.user, view);
      this.emit({ kind: 'home_published', user: found.user, view: clone(view) });
    } else {
      const stack = this.modalStacks.get(found.user) ?? [];
      stack[stack.findIndex((v) => v.id === viewId)] = view;
      this.emit({ kind: 'view_updated', user: found.user, view: clone(view) });
    }
    return clone(view);
  }

  setViewState(viewId: string, values: StoredView['state']['values']): void {
    const found = this.locateView({ id: viewId });
    if (found) found.view.state = { values: clone(values) };
  }

  setViewErrors(viewId: string, errors: Record<string, string>): void {
    const found = this.locateView({ id: viewId });
    if (!found) return;
    found.view.errors = clone(errors);
    this.emit({ kind: 'view_updated', user: found.user, view: clone(found.view) });
  }

  /** Closes the top modal of a person's stack, or all of them. */
  closeModal(user: string, all = false): void {
    const stack = this.modalStacks.get(user) ?? [];
    const closing = all ? stack.splice(0) : stack.splice(-1);
    for (const view of closing.reverse()) this.emit({ kind: 'view_closed', user, viewId: view.id });
    if (stack.length === 0) this.modalStacks.delete(user);
  }

  openViews(user: string): StoredView[] {
    return clone(this.modalStacks.get(user) ?? []);
  }

  publishHome(user: string, input: JsonObject): StoredView {
    const existing = this.homes.get(user);
    const view = this.buildView(input, { id: existing?.id });
    this.homes.set(user, view);
    this.emit({ kind: 'home_published', user, view: clone(view) });
    return clone(view);
  }

  homeView(user: string): StoredView | undefined {
    const view = this.homes.get(user);
    return view ? clone(view) : undefined;
  }

  // ---- trigger_ids and response_urls -------------------------------------------------------------------------

  mintTrigger(user: string): string {
    const id = `${this.nextCounter()}${Math.floor(this.now() / 1000)}.${this.opts.teamId.replace(/\D/g, '') || '1'}.${randomHex(16)}`;
    this.triggers.set(id, { id, user, createdAt: this.now(), used: false });
    return id;
  }

  /** Uses up a trigger_id the way views.open/views.push do; Slack's error code when it cannot. */
  exchangeTrigger(id: string): { ok: true; user: string } | { ok: false; error: string } {
    const trigger = this.triggers.get(id);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.now() - trigger.createdAt > TRIGGER_LIFETIME_MS) return { ok: false, error: 'expired_trigger_id' };
    trigger.used = true;
    return { ok: true, user: trigger.user };
  }

  mintResponseUrl(binding: Omit<ResponseUrlBinding, 'id' | 'url' | 'createdAt' | 'uses'>): string {
    const id = randomHex(18);
    const url = `${this.baseUrl}/respond/${id}`;
    this.responseUrls.set(id, { ...binding, id, url, createdAt: this.now(), uses: 0 });
    return url;
  }

  responseUrl(id: string): ResponseUrlBinding | undefined {
    return this.responseUrls.get(id);
  }

  // ---- calls, faults, notices --------------------------------------------------------------------------------

  recordCall(call: CallRecord): void {
    this.calls.push(call);
    this.emit({ kind: 'call', call: clone(call) });
  }

  addFault(method: string, fault: Fault, times: number): void {
    const queue = this.faults.get(method) ?? [];
    queue.push({ fault, remaining: times });
    this.faults.set(method, queue);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The next pending fault for a method, consuming one use of it. */
  takeFault(method: string): Fault | undefined {
    const queue = this.faults.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.fault;
  }

  addNotice(notice: Omit<Notice, 'at'>): void {
    const full = { ...notice, at: this.now() };
    this.noticeList.push(full);
    this.emit({ kind: 'notice', notice: clone(full) });
  }
}

export const TRIGGER_LIFETIME_MS = 3000;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
export const RESPONSE_URL_MAX_USES = 5;
