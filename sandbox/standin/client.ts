/**
 * The stand-in acting as people in the workspace: it builds Slack's real request payloads (slash commands,
 * block_actions, message shortcuts, view submissions, Events API callbacks) from the workspace model, signs them
 * with the signing secret exactly as Slack does, POSTs them to the app, and then applies Slack's handling of the
 * app's acknowledgement (ack bodies shown as messages, `response_action` on modals, the 3-second deadline).
 */
import { createHmac } from 'node:crypto';
import { stringify } from 'node:querystring';
import { type FoundButton, findButtons as findButtonsIn, validateView } from './block-kit.js';
import { applyResponse } from './response-url.js';
import {
  DEFAULT_CHANNEL,
  DEFAULT_HUMAN,
  isRecord,
  type JsonObject,
  randomHex,
  randomId,
  type StoredEphemeral,
  type StoredMessage,
  type StoredView,
  type Workspace,
} from './workspace.js';

/** Slack gives an app 3 seconds to acknowledge a request. */
export const ACK_DEADLINE_MS = 3000;

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` keyed with the signing secret, as Slack signs requests. */
export function signRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface AckResult {
  /** HTTP status the app answered with; 0 when it did not answer in time or could not be reached. */
  status: number;
  /** Response body as text. */
  body: string;
  /** Response body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** Wall-clock time the app took to answer (or until the deadline). */
  ackMs: number;
  timedOut: boolean;
  /** Set when the request could not be sent at all (connection refused, …). */
  networkError?: string;
}

export type DeliveryKind =
  | 'slash_command'
  | 'block_actions'
  | 'message_action'
  | 'view_submission'
  | 'view_closed'
  | 'event_callback'
  | 'url_verification'
  | 'ssl_check'
  | 'raw';

export interface Delivery {
  kind: DeliveryKind;
  payload: unknown;
  headers: Record<string, string>;
  result: AckResult;
  at: number;
}

export type ButtonLocation =
  | { message: { channel: string; ts: string } }
  | { message: { ephemeralId: string } }
  | { viewId: string };

export interface ClickOptions {
  user?: string;
  actionId: string;
  blockId?: string;
  /** Picks among buttons sharing an action_id. */
  value?: string;
  message?: { channel: string; ts: string } | { ephemeralId: string };
  viewId?: string;
}

export interface ClickResult extends AckResult {
  payload: JsonObject;
  triggerId: string;
  responseUrl?: string;
}

export interface SlashCommandResult extends AckResult {
  payload: Record<string, string>;
  triggerId: string;
  responseUrl: string;
}

export interface EventResult extends AckResult {
  eventId: string;
  envelope: JsonObject;
  /** Every delivery of this event, first attempt then retries. */
  attempts: AckResult[];
}

export interface MentionResult {
  message: StoredMessage;
  /** Undefined when the app is not in the channel: Slack then sends no app_mention. */
  event?: EventResult;
}

/** A value for an input block in `submitView`: a string (text, or an option value), several option values, or raw. */
export type SubmittedValue = string | string[] | JsonObject;

export interface SubmitResult extends AckResult {
  payload: JsonObject;
  outcome: 'closed' | 'errors' | 'updated' | 'pushed' | 'cleared' | 'kept';
  errors?: Record<string, string>;
}

export interface ActorConfig {
  signingSecret: string;
  verificationToken: string;
  ackTimeoutMs: number;
}

function personFields(ws: Workspace, userId: string): JsonObject {
  const user = ws.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  return { id: user.id, username: user.name, name: user.name, team_id: ws.opts.teamId };
}

function channelName(ws: Workspace, channelId: string): string {
  const channel = ws.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}`);
  return channel.isIm ? 'directmessage' : channel.name;
}

function optionFor(element: JsonObject, value: string): JsonObject | undefined {
  const options = Array.isArray(element.options) ? element.options : [];
  const groups = Array.isArray(element.option_groups) ? element.option_groups : [];
  const all = [...options, ...groups.flatMap((g) => (isRecord(g) && Array.isArray(g.options) ? g.options : []))];
  return all.find((o): o is JsonObject => isRecord(o) && o.value === value);
}

/** The `view.state.values` entry Slack sends for one input element. */
function stateValue(element: JsonObject, submitted: SubmittedValue | undefined): JsonObject {
  const type = String(element.type);
  if (isRecord(submitted) && !Array.isArray(submitted)) return { type, ...submitted };
  const values = submitted === undefined ? undefined : Array.isArray(submitted) ? submitted : [submitted];
  switch (type) {
    case 'static_select':
    case 'radio_buttons': {
      const chosen = values?.[0] ?? (isRecord(element.initial_option) ? String(element.initial_option.value) : '');
      return { type, selected_option: chosen === '' ? null : (optionFor(element, chosen) ?? null) };
    }
    case 'multi_static_select':
    case 'checkboxes': {
      const initial = Array.isArray(element.initial_options)
        ? element.initial_options.filter(isRecord).map((o) => String(o.value))
        : [];
      const chosen = values ?? initial;
      return { type, selected_options: chosen.map((v) => optionFor(element, v)).filter(isRecord) };
    }
    case 'users_select':
      return { type, selected_user: values?.[0] ?? element.initial_user ?? null };
    case 'conversations_select':
      return { type, selected_conversation: values?.[0] ?? element.initial_conversation ?? null };
    case 'channels_select':
      return { type, selected_channel: values?.[0] ?? element.initial_channel ?? null };
    case 'datepicker':
      return { type, selected_date: values?.[0] ?? element.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: values?.[0] ?? element.initial_time ?? null };
    default: {
      const initial = typeof element.initial_value === 'string' ? element.initial_value : null;
      const value = values?.[0] ?? initial;
      return { type, value: value === '' ? null : value };
    }
  }
}

function isEmptyState(state: JsonObject): boolean {
  if ('value' in state) return state.value === null || state.value === '';
  if ('selected_option' in state) return state.selected_option === null;
  if ('selected_options' in state) return Array.isArray(state.selected_options) && state.selected_options.length === 0;
  return Object.entries(state).every(([key, v]) => key === 'type' || v === null);
}

/** Acts as people: sends Slack's requests to the app and applies Slack's handling of the answers. */
export class PersonActions {
  /** Where the app receives Slack requests, e.g. `http://127.0.0.1:3000/slack/events`. */
  appUrl: string | undefined;
  readonly deliveries: Delivery[] = [];
  protected readonly ws: Workspace;
  protected readonly config: ActorConfig;
  private readonly sentEvents = new Map<string, JsonObject>();

  constructor(ws: Workspace, config: ActorConfig) {
    this.ws = ws;
    this.config = config;
  }

  setAppUrl(url: string): void {
    this.appUrl = url;
  }

  // ---- transport ---------------------------------------------------------------------------------------------

  private async send(
    kind: DeliveryKind,
    payload: unknown,
    contentType: string,
    body: string,
    extra: { headers?: Record<string, string>; timestamp?: number; signature?: string | null } = {},
  ): Promise<AckResult> {
    if (this.appUrl === undefined) throw new Error('call setAppUrl() before acting as a person');
    // Signed with wall-clock time, not the workspace clock: the app checks freshness against its own clock, and a
    // fixed test clock must not make every request look stale.
    const timestamp = extra.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      ...extra.headers,
    };
    const signature =
      extra.signature === undefined ? signRequest(this.config.signingSecret, timestamp, body) : extra.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    const controller = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(), this.config.ackTimeoutMs);
    let result: AckResult;
    try {
      const response = await fetch(this.appUrl, { method: 'POST', headers, body, signal: controller.signal });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      result = {
        status: response.status,
        body: text,
        ...(json !== undefined ? { json } : {}),
        ackMs: performance.now() - started,
        timedOut: false,
      };
    } catch (error) {
      const timedOut = controller.signal.aborted;
      result = {
        status: 0,
        body: '',
        ackMs: performance.now() - started,
        timedOut,
        ...(timedOut ? {} : { networkError: error instanceof Error ? error.message : String(error) }),
      };
    } finally {
      clearTimeout(timer);
    }
    this.deliveries.push({ kind, payload, headers, result, at: this.ws.now() });
    return result;
  }

  private sendInteraction(kind: DeliveryKind, payload: JsonObject): Promise<AckResult> {
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return this.send(kind, payload, 'application/x-www-form-urlencoded', body);
  }

  private failureNotice(result: AckResult, user: string, channel: string | undefined, what: string): boolean {
    if (result.timedOut) {
      this.ws.addNotice({
        kind: 'timeout',
        user,
        ...(channel ? { channel } : {}),
        text: `${what} failed with the error "operation_timeout"`,
      });
      return true;
    }
    if (result.status !== 200) {
      this.ws.addNotice({
        kind: 'http_error',
        user,
        ...(channel ? { channel } : {}),
        text: `${what} failed with the error "dispatch_failed" (HTTP ${result.status || 'no response'})`,
      });
      return true;
    }
    return false;
  }

  /** Sends arbitrary bytes, signed unless `signature` is given (or `null` to omit the header). */
  sendRaw(input: {
    contentType: string;
    body: string;
    timestamp?: number;
    signature?: string | null;
    headers?: Record<string, string>;
  }): Promise<AckResult> {
    return this.send('raw', input.body, input.contentType, input.body, {
      ...(input.timestamp !== undefined ? { timestamp: input.timestamp } : {}),
      ...(input.signature !== undefined ? { signature: input.signature } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
    });
  }

  /** Slack's SSL check for slash command URLs: `ssl_check=1` form post. */
  sslCheck(): Promise<AckResult> {
    const body = stringify({ ssl_check: '1', token: this.config.verificationToken });
    return this.send('ssl_check', body, 'application/x-www-form-urlencoded', body);
  }

  /** The Events API `url_verification` handshake; the app must echo the challenge. */
  async verifyUrl(): Promise<AckResult & { challenge: string; echoed: boolean }> {
    const payload = { token: this.config.verificationToken, challenge: randomHex(20), type: 'url_verification' };
    const result = await this.send('url_verification', payload, 'application/json', JSON.stringify(payload));
    const echoed =
      (isRecord(result.json) && result.json.challenge === payload.challenge) || result.body === payload.challenge;
    return { ...result, challenge: payload.challenge, echoed };
  }

  // ---- slash commands ----------------------------------------------------------------------------------------

  /**
   * Types a slash command. A non-empty ack body is shown the way Slack shows it: plain text or JSON without
   * `response_type` as an ephemeral message, `response_type: 'in_channel'` as a channel message (after the
   * person's own command, as Slack echoes it).
   */
  async slashCommand(input: {
    user?: string;
    channel?: string;
    command?: string;
    text?: string;
  }): Promise<SlashCommandResult> {
    const ws = this.ws;
    const user = input.user ?? DEFAULT_HUMAN;
    const channel = ws.resolveChannel(input.channel ?? DEFAULT_CHANNEL);
    if (!channel) throw new Error(`unknown channel ${input.channel}`);
    const userRecord = ws.users.get(user);
    if (!userRecord) throw new Error(`unknown user ${user}`);
    const command = input.command ?? '/realtime';
    const text = input.text ?? '';
    const triggerId = ws.mintTrigger(user);
    const binding = { channel: channel.id, user };
    const responseUrl = ws.mintResponseUrl(binding);
    const payload: Record<string, string> = {
      token: this.config.verificationToken,
      team_id: ws.opts.teamId,
      team_domain: ws.opts.teamDomain,
      channel_id: channel.id,
      channel_name: channelName(ws, channel.id),
      user_id: user,
      user_name: userRecord.name,
      command,
      text,
      api_app_id: ws.opts.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    const body = stringify(payload);
    const result = await this.send('slash_command', payload, 'application/x-www-form-urlencoded', body);
    const what = `${command}`;
    if (!this.failureNotice(result, user, channel.id, what) && result.body !== '') {
      const shown: JsonObject = isRecord(result.json) ? result.json : { text: result.body };
      if (shown.response_type === 'in_channel') {
        ws.postHumanMessage(channel.id, user, text === '' ? command : `${command} ${text}`);
      }
      const outcome = applyResponse(ws, binding, shown, 'ack');
      if (outcome.status !== 200) {
        ws.addNotice({
          kind: 'invalid_response',
          user,
          channel: channel.id,
          text: `${what} failed with the error "${String(outcome.body.error)}"`,
        });
      }
    }
    return { ...result, payload, triggerId, responseUrl };
  }

  // ---- buttons -----------------------------------------------------------------------------------------------

  private surfaceBlocks(location: { message?: ClickOptions['message']; viewId?: string }): {
    blocks: unknown;
    message?: StoredMessage & { channel: string };
    ephemeral?: StoredEphemeral;
    view?: { user: string; view: StoredView };
  } {
    const ws = this.ws;
    if (location.viewId !== undefined) {
      const view = ws.locateView({ id: location.viewId });
      if (!view) throw new Error(`no open view ${location.viewId}`);
      return { blocks: view.view.blocks, view };
    }
    const where = location.message;
    if (where === undefined)
      throw new Error('say where the button is: message: { channel, ts } | { ephemeralId }, or viewId');
    if ('ephemeralId' in where) {
      const ephemeral = ws.findEphemeral(where.ephemeralId);
      if (!ephemeral) throw new Error(`no ephemeral message ${where.ephemeralId}`);
      return { blocks: ephemeral.blocks, ephemeral };
    }
    const channel = ws.resolveChannel(where.channel);
    const message = channel ? ws.findMessage(channel.id, where.ts) : undefined;
    if (!channel || !message) throw new Error(`no message ${where.ts} in ${where.channel}`);
    return { blocks: message.blocks, message: { ...structuredClone(message), channel: channel.id } };
  }

  /** The buttons a person sees on a message, an ephemeral message or a view. */
  findButtons(location: { message?: ClickOptions['message']; viewId?: string }): FoundButton[] {
    return findButtonsIn(this.surfaceBlocks(location).blocks);
  }

  /** Clicks a button found by action_id (and block_id / value when several match). */
  async clickButton(input: ClickOptions): Promise<ClickResult> {
    const ws = this.ws;
    const surface = this.surfaceBlocks(input);
    const candidates = findButtonsIn(surface.blocks).filter(
      (b) =>
        b.actionId === input.actionId &&
        (input.blockId === undefined || b.blockId === input.blockId) &&
        (input.value === undefined || b.value === input.value),
    );
    const button = candidates[0];
    if (!button) {
      const seen = findButtonsIn(surface.blocks)
        .map((b) => `${b.blockId}/${b.actionId} "${b.text}"`)
        .join(', ');
      throw new Error(`no button with action_id ${input.actionId} here; buttons: ${seen || 'none'}`);
    }
    const user = input.user ?? surface.ephemeral?.user ?? surface.view?.user ?? DEFAULT_HUMAN;
    if (surface.ephemeral && surface.ephemeral.user !== user) {
      throw new Error(`ephemeral ${surface.ephemeral.id} is only visible to ${surface.ephemeral.user}`);
    }
    const triggerId = ws.mintTrigger(user);
    const action: JsonObject = {
      type: 'button',
      action_id: button.actionId,
      block_id: button.blockId,
      text: button.element.text,
      ...(button.value !== undefined ? { value: button.value } : {}),
      ...(button.style !== undefined ? { style: button.style } : {}),
      ...(button.url !== undefined ? { url: button.url } : {}),
      action_ts: (ws.now() / 1000).toFixed(6),
    };
    const payload: JsonObject = {
      type: 'block_actions',
      user: personFields(ws, user),
      api_app_id: ws.opts.appId,
      token: this.config.verificationToken,
    };
    let responseUrl: string | undefined;
    let channelId: string | undefined;
    if (surface.message) {
      const { channel, ...message } = surface.message;
      channelId = channel;
      responseUrl = ws.mintResponseUrl({
        channel,
        user,
        source: { kind: 'message', channel, ts: message.ts },
        ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      });
      payload.container = {
        type: 'message',
        message_ts: message.ts,
        channel_id: channel,
        is_ephemeral: false,
        ...(message.thread_ts && message.thread_ts !== message.ts ? { thread_ts: message.thread_ts } : {}),
      };
      payload.trigger_id = triggerId;
      payload.team = { id: ws.opts.teamId, domain: ws.opts.teamDomain };
      payload.enterprise = null;
      payload.is_enterprise_install = false;
      payload.channel = { id: channel, name: channelName(ws, channel) };
      payload.message = message;
      payload.state = { values: {} };
      payload.response_url = responseUrl;
    } else if (surface.ephemeral) {
      const ephemeral = surface.ephemeral;
      channelId = ephemeral.channel;
      responseUrl = ws.mintResponseUrl({
        channel: ephemeral.channel,
        user,
        source: { kind: 'ephemeral', id: ephemeral.id },
        ...(ephemeral.thread_ts ? { threadTs: ephemeral.thread_ts } : {}),
      });
      // Slack does not keep ephemeral messages, so the payload has no `message`, only the container.
      payload.container = {
        type: 'message',
        message_ts: ephemeral.ts,
        channel_id: ephemeral.channel,
        is_ephemeral: true,
        ...(ephemeral.thread_ts ? { thread_ts: ephemeral.thread_ts } : {}),
      };
      payload.trigger_id = triggerId;
      payload.team = { id: ws.opts.teamId, domain: ws.opts.teamDomain };
      payload.enterprise = null;
      payload.is_enterprise_install = false;
      payload.channel = { id: ephemeral.channel, name: channelName(ws, ephemeral.channel) };
      payload.state = { values: {} };
      payload.response_url = responseUrl;
    } else if (surface.view) {
      const view = surface.view.view;
      payload.container = { type: 'view', view_id: view.id };
      payload.trigger_id = triggerId;
      payload.team = { id: ws.opts.teamId, domain: ws.opts.teamDomain };
      payload.enterprise = null;
      payload.is_enterprise_install = false;
      payload.view = structuredClone(view);
    }
    payload.actions = [action];
    const result = await this.sendInteraction('block_actions', payload);
    this.failureNotice(result, user, channelId, `The button "${button.text}"`);
    return { ...result, payload, triggerId, ...(responseUrl ? { responseUrl } : {}) };
  }

  /** Clicks the button whose visible label is `text`. */
  clickButtonByText(input: {
    user?: string;
    text: string;
    message?: ClickOptions['message'];
    viewId?: string;
  }): Promise<ClickResult> {
    const buttons = this.findButtons(input);
    const button = buttons.find((b) => b.text === input.text);
    if (!button) {
      throw new Error(`no button labelled "${input.text}"; buttons: ${buttons.map((b) => `"${b.text}"`).join(', ')}`);
    }
    return this.clickButton({
      ...(input.user ? { user: input.user } : {}),
      actionId: button.actionId,
      blockId: button.blockId,
      ...(button.value !== undefined ? { value: button.value } : {}),
      ...(input.message ? { message: input.message } : {}),
      ...(input.viewId ? { viewId: input.viewId } : {}),
    });
  }

  // ---- message shortcuts -------------------------------------------------------------------------------------

  /** Runs a message shortcut ("…" menu on a message). */
  async messageShortcut(input: {
    user?: string;
    channel: string;
    ts: string;
    callbackId: string;
  }): Promise<AckResult & { payload: JsonObject; triggerId: string; responseUrl: string }> {
    const ws = this.ws;
    const user = input.user ?? DEFAULT_HUMAN;
    const channel = ws.resolveChannel(input.channel);
    const message = channel ? ws.findMessage(channel.id, input.ts) : undefined;
    if (!channel || !message) throw new Error(`no message ${input.ts} in ${input.channel}`);
    const triggerId = ws.mintTrigger(user);
    const threadTs = message.thread_ts;
    const responseUrl = ws.mintResponseUrl({ channel: channel.id, user, ...(threadTs ? { threadTs } : {}) });
    const payload: JsonObject = {
      type: 'message_action',
      token: this.config.verificationToken,
      action_ts: (ws.now() / 1000).toFixed(6),
      team: { id: ws.opts.teamId, domain: ws.opts.teamDomain },
      user: personFields(ws, user),
      channel: { id: channel.id, name: channelName(ws, channel.id) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: triggerId,
      response_url: responseUrl,
      message_ts: message.ts,
      message: structuredClone(message),
    };
    const result = await this.sendInteraction('message_action', payload);
    this.failureNotice(result, user, channel.id, 'The shortcut');
    return { ...result, payload, triggerId, responseUrl };
  }

  // ---- modals ------------------------------------------------------------------------------------------------

  private viewStateFor(view: StoredView, values: Record<string, Record<string, SubmittedValue>> = {}) {
    const state: Record<string, Record<string, JsonObject>> = {};
    const missing: string[] = [];
    for (const block of view.blocks) {
      if (block.type !== 'input' || !isRecord(block.element)) continue;
      const blockId = String(block.block_id);
      const actionId = String(block.element.action_id);
      const submitted = values[blockId]?.[actionId];
      const entry = stateValue(block.element, submitted);
      state[blockId] = { [actionId]: entry };
      if (block.optional !== true && isEmptyState(entry)) missing.push(blockId);
    }
    return { state, missing };
  }

  /**
   * Submits the person's top modal. `values` is keyed by block_id then action_id. Slack's client refuses to submit
   * while a required input is empty; so does this. The ack's `response_action` is applied as Slack applies it.
   */
  async submitView(input: {
    user?: string;
    viewId: string;
    values?: Record<string, Record<string, SubmittedValue>>;
  }): Promise<SubmitResult> {
    const ws = this.ws;
    const found = ws.locateView({ id: input.viewId });
    if (found?.view.type !== 'modal') throw new Error(`no open modal ${input.viewId}`);
    const user = input.user ?? found.user;
    const stack = ws.openViews(found.user);
    if (stack.at(-1)?.id !== input.viewId) throw new Error(`modal ${input.viewId} is not the one on top`);
    const { state, missing } = this.viewStateFor(found.view, input.values);
    if (missing.length > 0) throw new Error(`Slack would not submit: required input empty in ${missing.join(', ')}`);
    ws.setViewState(input.viewId, state);
    const view = structuredClone(ws.locateView({ id: input.viewId })?.view as StoredView);
    const payload: JsonObject = {
      type: 'view_submission',
      team: { id: ws.opts.teamId, domain: ws.opts.teamDomain },
      user: personFields(ws, user),
      api_app_id: ws.opts.appId,
      token: this.config.verificationToken,
      trigger_id: ws.mintTrigger(user),
      view,
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const result = await this.sendInteraction('view_submission', payload);
    if (this.failureNotice(result, user, undefined, 'The form')) return { ...result, payload, outcome: 'kept' };
    if (result.body === '') {
      ws.closeModal(found.user);
      return { ...result, payload, outcome: 'closed' };
    }
    const ack = isRecord(result.json) ? result.json : undefined;
    const invalid = (why: string): SubmitResult => {
      ws.addNotice({ kind: 'invalid_response', user, text: `The form could not be submitted: ${why}` });
      return { ...result, payload, outcome: 'kept' };
    };
    switch (ack?.response_action) {
      case 'errors': {
        const errors = isRecord(ack.errors) ? (ack.errors as Record<string, string>) : {};
        ws.setViewErrors(input.viewId, errors);
        return { ...result, payload, outcome: 'errors', errors };
      }
      case 'update': {
        const verdict = validateView(ack.view, 'modal');
        if (!verdict.ok) return invalid(verdict.problems.join('; '));
        ws.replaceView(input.viewId, ack.view as JsonObject);
        return { ...result, payload, outcome: 'updated' };
      }
      case 'push': {
        const verdict = validateView(ack.view, 'modal');
        if (!verdict.ok) return invalid(verdict.problems.join('; '));
        if (ws.openViews(found.user).length >= 3) return invalid('push_limit_reached');
        ws.pushModal(found.user, ack.view as JsonObject);
        return { ...result, payload, outcome: 'pushed' };
      }
      case 'clear':
        ws.closeModal(found.user, true);
        return { ...result, payload, outcome: 'cleared' };
      default:
        return invalid(`unexpected ack body ${result.body.slice(0, 200)}`);
    }
  }

  /**
   * Closes the person's top modal (Cancel). The app hears `view_closed` only if the view set `notify_on_close`.
   */
  async closeView(input: {
    user?: string;
    viewId: string;
  }): Promise<(AckResult & { payload: JsonObject }) | undefined> {
    const ws = this.ws;
    const found = ws.locateView({ id: input.viewId });
    if (found?.view.type !== 'modal') throw new Error(`no open modal ${input.viewId}`);
    const user = input.user ?? found.user;
    ws.closeModal(found.user);
    if (!found.view.notify_on_close) return undefined;
    const payload: JsonObject = {
      type: 'view_closed',
      team: { id: ws.opts.teamId, domain: ws.opts.teamDomain },
      user: personFields(ws, user),
      view: found.view,
      api_app_id: ws.opts.appId,
      token: this.config.verificationToken,
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
    };
    const result = await this.sendInteraction('view_closed', payload);
    return { ...result, payload };
  }

  // ---- messages and events -----------------------------------------------------------------------------------

  /** A person posts a message (no event is sent). */
  postAsUser(input: { user?: string; channel?: string; text: string; threadTs?: string }): StoredMessage {
    const ws = this.ws;
    const user = input.user ?? DEFAULT_HUMAN;
    const channel = ws.resolveChannel(input.channel ?? DEFAULT_CHANNEL);
    if (!channel) throw new Error(`unknown channel ${input.channel}`);
    if (channel.archived) throw new Error(`#${channel.name} is archived`);
    if (!channel.members.has(user)) throw new Error(`${user} is not in #${channel.name}`);
    let threadTs = input.threadTs;
    if (threadTs !== undefined) {
      const parent = ws.findMessage(channel.id, threadTs);
      if (!parent) throw new Error(`no message ${threadTs} in ${channel.id}`);
      threadTs = parent.thread_ts ?? parent.ts;
    }
    return ws.postHumanMessage(channel.id, user, input.text, threadTs);
  }

  private envelope(event: JsonObject, eventId: string): JsonObject {
    const ws = this.ws;
    return {
      token: this.config.verificationToken,
      team_id: ws.opts.teamId,
      context_team_id: ws.opts.teamId,
      context_enterprise_id: null,
      api_app_id: ws.opts.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(ws.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: ws.opts.teamId,
          user_id: ws.opts.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ tid: ws.opts.teamId, aid: ws.opts.appId })).toString('base64url')}`,
    };
  }

  private async deliverEnvelope(envelope: JsonObject, retryNum?: number, retryReason = 'http_timeout') {
    const headers: Record<string, string> =
      retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason };
    return this.send('event_callback', envelope, 'application/json', JSON.stringify(envelope), { headers });
  }

  /** Sends an Events API callback; with `retries`, follows it with that many retries of the same event_id. */
  async deliverEvent(
    event: JsonObject,
    options: { retries?: number; retryReason?: string } = {},
  ): Promise<EventResult> {
    const eventId = randomId('Ev', 9);
    const envelope = this.envelope(event, eventId);
    this.sentEvents.set(eventId, envelope);
    const attempts = [await this.deliverEnvelope(envelope)];
    for (let n = 1; n <= (options.retries ?? 0); n += 1) {
      attempts.push(await this.deliverEnvelope(envelope, n, options.retryReason));
    }
    const last = attempts.at(-1) as AckResult;
    return { ...last, eventId, envelope, attempts };
  }

  /** Delivers an already-sent event again, as Slack's retry number `retryNum` (headers X-Slack-Retry-*). */
  async redeliver(eventId: string, retryNum = 1, retryReason = 'http_timeout'): Promise<AckResult> {
    const envelope = this.sentEvents.get(eventId);
    if (!envelope) throw new Error(`no event ${eventId} was sent`);
    return this.deliverEnvelope(envelope, retryNum, retryReason);
  }

  /**
   * A person mentions the app: the message appears, then (if the app is in the channel, as Slack requires) an
   * `app_mention` event is sent. `retryNum: n` also sends n retries with the same event_id.
   */
  async mention(input: {
    user?: string;
    channel?: string;
    text: string;
    threadTs?: string;
    retryNum?: number;
  }): Promise<MentionResult> {
    const ws = this.ws;
    const tag = `<@${ws.opts.botUserId}>`;
    const text = input.text.includes(tag) ? input.text : `${tag} ${input.text}`;
    const message = this.postAsUser({ ...input, text });
    const channel = ws.resolveChannel(input.channel ?? DEFAULT_CHANNEL);
    if (!channel?.botIsMember) return { message };
    const event: JsonObject = {
      client_msg_id: message.client_msg_id,
      type: 'app_mention',
      text: message.text,
      user: message.user,
      ts: message.ts,
      blocks: message.blocks,
      team: ws.opts.teamId,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      channel: channel.id,
      event_ts: message.ts,
    };
    const result = await this.deliverEvent(event, { ...(input.retryNum ? { retries: input.retryNum } : {}) });
    return { message, event: result };
  }

  /** A person opens the app's Home tab: `app_home_opened` (with the current Home view, if one was published). */
  openHome(input: { user?: string } = {}): Promise<EventResult> {
    const ws = this.ws;
    const user = input.user ?? DEFAULT_HUMAN;
    const view = ws.homeView(user);
    const event: JsonObject = {
      type: 'app_home_opened',
      user,
      channel: ws.imChannelFor(user).id,
      tab: 'home',
      ...(view ? { view } : {}),
      event_ts: (ws.now() / 1000).toFixed(6),
    };
    return this.deliverEvent(event);
  }
}
