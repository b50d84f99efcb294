/**
 * People posting and mentioning the app, and opening its Home tab: the messages appear in the workspace and the
 * Events API callbacks (`app_mention`, `app_home_opened`) go to the app in Slack's envelope, with Slack's retries
 * (same event_id, X-Slack-Retry-* headers) on request.
 */
import type { AckResult, AppRequests } from './app-requests.js';
import { randomId } from './ids.js';
import type { JsonObject } from './json.js';
import { DEFAULT_CHANNEL, DEFAULT_HUMAN } from './workspace-directory.js';
import type { StoredMessage } from './workspace-messages.js';

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

/** Sends Events API callbacks and keeps each envelope, so an event can be delivered again as a retry. */
export class EventDelivery {
  private readonly app: AppRequests;
  private readonly sent = new Map<string, JsonObject>();

  constructor(app: AppRequests) {
    this.app = app;
  }

  private envelope(event: JsonObject, eventId: string): JsonObject {
    const ws = this.app.ws;
    return {
      token: this.app.config.verificationToken,
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

  private post(envelope: JsonObject, retryNum?: number, retryReason = 'http_timeout'): Promise<AckResult> {
    const headers: Record<string, string> =
      retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason };
    return this.app.send('event_callback', envelope, 'application/json', JSON.stringify(envelope), { headers });
  }

  /** Sends an Events API callback; with `retries`, follows it with that many retries of the same event_id. */
  async deliver(event: JsonObject, options: { retries?: number; retryReason?: string } = {}): Promise<EventResult> {
    const eventId = randomId('Ev', 9);
    const envelope = this.envelope(event, eventId);
    this.sent.set(eventId, envelope);
    const attempts = [await this.post(envelope)];
    for (let n = 1; n <= (options.retries ?? 0); n += 1) {
      attempts.push(await this.post(envelope, n, options.retryReason));
    }
    const last = attempts.at(-1) as AckResult;
    return { ...last, eventId, envelope, attempts };
  }

  /** Delivers an already-sent event again, as Slack's retry number `retryNum` (headers X-Slack-Retry-*). */
  redeliver(eventId: string, retryNum = 1, retryReason = 'http_timeout'): Promise<AckResult> {
    const envelope = this.sent.get(eventId);
    if (!envelope) throw new Error(`no event ${eventId} was sent`);
    return this.post(envelope, retryNum, retryReason);
  }
}

/** A person posts a message (no event is sent). */
export function postAsUser(
  app: AppRequests,
  input: { user?: string; channel?: string; text: string; threadTs?: string },
): StoredMessage {
  const ws = app.ws;
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

/**
 * A person mentions the app: the message appears, then (if the app is in the channel, as Slack requires) an
 * `app_mention` event is sent. `retryNum: n` also sends n retries with the same event_id.
 */
export async function mention(
  app: AppRequests,
  events: EventDelivery,
  input: { user?: string; channel?: string; text: string; threadTs?: string; retryNum?: number },
): Promise<MentionResult> {
  const ws = app.ws;
  const tag = `<@${ws.opts.botUserId}>`;
  const text = input.text.includes(tag) ? input.text : `${tag} ${input.text}`;
  const message = postAsUser(app, { ...input, text });
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
  const result = await events.deliver(event, { ...(input.retryNum ? { retries: input.retryNum } : {}) });
  return { message, event: result };
}

/** A person opens the app's Home tab: `app_home_opened` (with the current Home view, if one was published). */
export function openHome(app: AppRequests, events: EventDelivery, input: { user?: string } = {}): Promise<EventResult> {
  const ws = app.ws;
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
  return events.deliver(event);
}
