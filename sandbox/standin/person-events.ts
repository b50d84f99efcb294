/**
 * People posting and mentioning the app, and opening its Home tab: the messages appear in the workspace and the
 * Events API callbacks (`app_mention`, `app_home_opened`) go to the app in Slack's envelope, with Slack's retries
 * (same event_id, X-Slack-Retry-* headers) on request.
 */
import type { AckResult, AppRequests } from './app-requests.js';
import { randomHex, randomId } from './ids.js';
import type { JsonObject } from './json.js';
import { encodePersonText, mentions, type PersonText } from './person-text.js';
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
  private readonly sent: Map<string, JsonObject>;

  constructor(app: AppRequests, sent = new Map<string, JsonObject>()) {
    this.app = app;
    this.sent = sent;
  }

  /** Delivers through another sender, knowing the same events: a retry can go to another instance. */
  through(app: AppRequests): EventDelivery {
    return new EventDelivery(app, this.sent);
  }

  /**
   * Slack's envelope. In an Enterprise Grid org it carries `enterprise_id`; for an event in a channel shared from
   * another organisation, `team_id` / `enterprise_id` / `context_*` name the team the event comes from and
   * `is_ext_shared_channel` is true, while `authorizations` still name the installation.
   */
  private envelope(event: JsonObject, eventId: string): JsonObject {
    const ws = this.app.ws;
    const installedEnterprise = ws.opts.enterprise?.id ?? null;
    const channel = typeof event.channel === 'string' ? ws.channels.get(event.channel) : undefined;
    const shared = channel?.sharedFrom;
    const teamId = shared?.teamId ?? ws.opts.teamId;
    const enterpriseId = shared ? (shared.enterpriseId ?? null) : installedEnterprise;
    const context = { tid: teamId, ...(enterpriseId ? { eid: enterpriseId } : {}), aid: ws.opts.appId };
    return {
      token: this.app.config.verificationToken,
      team_id: teamId,
      ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      context_team_id: teamId,
      context_enterprise_id: enterpriseId,
      api_app_id: ws.opts.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(ws.now() / 1000),
      authorizations: [
        {
          enterprise_id: installedEnterprise,
          team_id: ws.opts.teamId,
          user_id: ws.opts.botUserId,
          is_bot: true,
          is_enterprise_install: ws.installedOrgWide,
        },
      ],
      is_ext_shared_channel: shared !== undefined,
      event_context: `4-${Buffer.from(JSON.stringify(context)).toString('base64url')}`,
    };
  }

  private post(envelope: JsonObject, retryNum?: number, retryReason = 'http_timeout'): Promise<AckResult> {
    const headers: Record<string, string> =
      retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason };
    return this.app.send('event_callback', envelope, 'application/json', JSON.stringify(envelope), { headers });
  }

  /**
   * Sends an Events API callback; with `retries`, follows it with that many retries of the same event_id. With
   * `firstMarkedAsRetry: n`, the first delivery this app sees already carries retry number n, as when Slack's
   * earlier tries went to another instance or were lost.
   */
  async deliver(
    event: JsonObject,
    options: { retries?: number; retryReason?: string; firstMarkedAsRetry?: number } = {},
  ): Promise<EventResult> {
    const eventId = randomId('Ev', 9);
    const envelope = this.envelope(event, eventId);
    this.sent.set(eventId, envelope);
    const attempts = [await this.post(envelope, options.firstMarkedAsRetry, options.retryReason)];
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

/** Options of a person's message beyond its text. */
export interface MessageOptions {
  /** Files attached to the message (name and type; Slack's file object is built around them). */
  files?: { name: string; mimetype?: string; size?: number }[];
}

/** Slack's file object for a file a person uploaded with a message, with the fields Slack sends. */
export function fileObject(
  ws: AppRequests['ws'],
  user: string,
  file: { name: string; mimetype?: string; size?: number },
): JsonObject {
  const id = randomId('F');
  const created = Math.floor(ws.now() / 1000);
  const mimetype = file.mimetype ?? 'application/octet-stream';
  const filetype = file.name.includes('.') ? (file.name.split('.').pop() as string).toLowerCase() : 'binary';
  const team = ws.opts.teamId;
  const host = `https://files.slack.com/files-pri/${team}-${id}`;
  const thumbs: JsonObject = {};
  if (mimetype.startsWith('image/')) {
    const tmb = `https://files.slack.com/files-tmb/${team}-${id}-${randomId('', 10).toLowerCase()}/${file.name}`;
    for (const size of [64, 80, 360, 480, 160, 720, 800, 960, 1024]) {
      thumbs[`thumb_${size}`] = `${tmb}_${size}.png`;
      if (size >= 360 && size !== 160) {
        thumbs[`thumb_${size}_w`] = size;
        thumbs[`thumb_${size}_h`] = Math.round(size * 0.73);
      }
    }
    Object.assign(thumbs, { original_w: 1024, original_h: 747, thumb_tiny: randomId('', 12) });
  }
  return {
    id,
    created,
    timestamp: created,
    name: file.name,
    title: file.name,
    mimetype,
    filetype,
    pretty_type: filetype.toUpperCase(),
    user,
    user_team: team,
    editable: false,
    size: file.size ?? 1024,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: true,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `${host}/${file.name}`,
    url_private_download: `${host}/download/${file.name}`,
    media_display_type: 'unknown',
    ...thumbs,
    permalink: `https://${ws.opts.teamDomain}.slack.com/files/${user}/${id}/${file.name}`,
    permalink_public: `https://slack-files.com/${team}-${id}-${randomHex(5)}`,
    is_starred: false,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

/**
 * A person posts a message (no event is sent). `text` is what they typed (see person-text.ts): it is stored
 * entity-encoded, with mentions and links in Slack's markup and the rich_text block Slack's client adds.
 */
export function postAsUser(
  app: AppRequests,
  input: { user?: string; channel?: string; text: PersonText; threadTs?: string } & MessageOptions,
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
  const encoded = encodePersonText(ws, input.text);
  const files = input.files?.map((f) => fileObject(ws, user, f));
  return ws.postHumanMessage(channel.id, user, encoded.text, threadTs, {
    blocks: encoded.blocks,
    ...(files ? { extra: { files, upload: false, display_as_bot: false } } : {}),
  });
}

/** Another app posting in a channel, as `postAsUser` does for a person. */
export interface PostingBot {
  botId: string;
  appId?: string;
  username?: string;
}

/** What `mention` takes: a person's message (or another app's, `asBot`) that mentions the app. */
export interface MentionInput extends MessageOptions {
  user?: string;
  channel?: string;
  /** What the person typed; the app's mention is put first unless the text already mentions it. */
  text: PersonText;
  threadTs?: string;
  retryNum?: number;
  /** The first delivery already carries this retry number (X-Slack-Retry-Num), reason http_timeout. */
  firstMarkedAsRetry?: number;
  /** Send the mention as an edit: the message is first posted as `before`, then edited to `text`. */
  edited?: { before: PersonText };
  /** Posted by another app: `subtype: bot_message`, `bot_id`, no `user` (Slack still sends app_mention). */
  asBot?: PostingBot;
}

/**
 * A person mentions the app: the message appears, then (if the app is in the channel, as Slack requires) an
 * `app_mention` event is sent. `retryNum: n` also sends n retries with the same event_id. With `edited`, the
 * event is the one Slack sends for an edited message (`edited: { user, ts }`); with `asBot`, the one for another
 * app's message.
 */
export async function mention(app: AppRequests, events: EventDelivery, input: MentionInput): Promise<MentionResult> {
  const ws = app.ws;
  const bot = ws.opts.botUserId;
  const typed: PersonText = mentions(input.text, bot)
    ? input.text
    : typeof input.text === 'string'
      ? `<@${bot}> ${input.text}`
      : [{ user: bot }, ' ', ...input.text];
  const channel = ws.resolveChannel(input.channel ?? DEFAULT_CHANNEL);
  if (!channel) throw new Error(`unknown channel ${input.channel}`);
  let message: StoredMessage;
  if (input.asBot) {
    const encoded = encodePersonText(ws, typed);
    let threadTs = input.threadTs;
    if (threadTs !== undefined) threadTs = ws.findMessage(channel.id, threadTs)?.thread_ts ?? threadTs;
    message = ws.postOtherBotMessage(
      channel.id,
      { botId: input.asBot.botId, appId: input.asBot.appId ?? randomId('A'), username: input.asBot.username ?? 'bot' },
      encoded.text,
      encoded.blocks,
      threadTs,
    );
  } else {
    const { edited: _edited, asBot: _asBot, retryNum: _retryNum, firstMarkedAsRetry: _first, ...posted } = input;
    message = postAsUser(app, { ...posted, text: input.edited ? input.edited.before : typed });
    if (input.edited) {
      const encoded = encodePersonText(ws, typed);
      message = ws.editHumanMessage(channel.id, message.ts, encoded.text, encoded.blocks);
    }
  }
  if (!channel.botIsMember) return { message };
  const fromBot = input.asBot !== undefined;
  const event: JsonObject = {
    ...(fromBot ? {} : { client_msg_id: message.client_msg_id }),
    type: 'app_mention',
    ...(fromBot ? { subtype: 'bot_message' } : {}),
    text: message.text,
    ...(message.files ? { files: message.files, upload: false } : {}),
    ...(fromBot
      ? { username: message.username, bot_id: message.bot_id, app_id: message.app_id }
      : { user: message.user }),
    ...(message.files ? { display_as_bot: false } : {}),
    ts: message.ts,
    blocks: message.blocks,
    ...(fromBot ? {} : { team: channel.sharedFrom?.teamId ?? ws.opts.teamId }),
    ...(message.edited ? { edited: message.edited } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    channel: channel.id,
    event_ts: message.ts,
  };
  const result = await events.deliver(event, {
    ...(input.retryNum ? { retries: input.retryNum } : {}),
    ...(input.firstMarkedAsRetry ? { firstMarkedAsRetry: input.firstMarkedAsRetry } : {}),
  });
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

/** What `directMessage` takes: a person writing to the app in its Messages tab (their DM with the app). */
export interface DirectMessageInput extends MessageOptions {
  user?: string;
  text: PersonText;
  /** A reply in a thread of the DM. */
  threadTs?: string;
  retryNum?: number;
}

/**
 * A person writes to the app in its Messages tab: the message appears in their DM with the app and a `message`
 * event with `channel_type: 'im'` goes to the app (the `message.im` subscription), as Slack sends it.
 */
export async function directMessage(
  app: AppRequests,
  events: EventDelivery,
  input: DirectMessageInput,
): Promise<{ message: StoredMessage; event: EventResult }> {
  const ws = app.ws;
  const user = input.user ?? DEFAULT_HUMAN;
  const im = ws.imChannelFor(user);
  const message = postAsUser(app, {
    user,
    channel: im.id,
    text: input.text,
    ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    ...(input.files ? { files: input.files } : {}),
  });
  const event: JsonObject = {
    client_msg_id: message.client_msg_id,
    type: 'message',
    ...(message.files ? { subtype: 'file_share', files: message.files, upload: false, display_as_bot: false } : {}),
    text: message.text,
    user,
    ts: message.ts,
    blocks: message.blocks,
    team: ws.opts.teamId,
    ...(message.thread_ts
      ? { thread_ts: message.thread_ts, parent_user_id: ws.findMessage(im.id, message.thread_ts)?.user }
      : {}),
    channel: im.id,
    event_ts: message.ts,
    channel_type: 'im',
  };
  const result = await events.deliver(event, input.retryNum ? { retries: input.retryNum } : {});
  return { message, event: result };
}

/**
 * A person edits a message in their DM with the app: Slack sends a `message` event with subtype
 * `message_changed`, the new message inside it and the old one as `previous_message`.
 */
export function editDirectMessage(
  app: AppRequests,
  events: EventDelivery,
  input: { user?: string; ts: string; text: PersonText },
): Promise<EventResult> {
  const ws = app.ws;
  const im = ws.imChannelFor(input.user ?? DEFAULT_HUMAN);
  const before = ws.findMessage(im.id, input.ts);
  if (!before) throw new Error(`no message ${input.ts} in ${im.id}`);
  const previous = structuredClone(before);
  const encoded = encodePersonText(ws, input.text);
  const edited = ws.editHumanMessage(im.id, input.ts, encoded.text, encoded.blocks);
  const ts = edited.edited?.ts ?? input.ts;
  return events.deliver({
    type: 'message',
    subtype: 'message_changed',
    message: edited as unknown as JsonObject,
    previous_message: previous as unknown as JsonObject,
    channel: im.id,
    hidden: true,
    ts,
    event_ts: ts,
    channel_type: 'im',
  });
}
