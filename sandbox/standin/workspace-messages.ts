/**
 * Messages in the workspace: channel messages and threads (reply counts on the parent, broadcasts, tombstones for
 * a deleted parent, as Slack keeps them) and ephemeral messages, which only their one person sees.
 */
import { randomUUID } from 'node:crypto';
import { randomId, withGeneratedIds } from './ids.js';
import type { JsonObject } from './json.js';
import { decodeEntities } from './person-text.js';
import { WorkspaceDirectory } from './workspace-directory.js';

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
  /** What an app attached with `metadata` (https://api.slack.com/metadata/using); read back only when asked for. */
  metadata?: MessageMetadata;
  [key: string]: unknown;
}

/** Message metadata as Slack keeps it: an event type and a payload object of the app's own. */
export interface MessageMetadata {
  event_type: string;
  event_payload: JsonObject;
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

export class WorkspaceMessages extends WorkspaceDirectory {
  /** Every message of a channel (top level and replies), in ts order. */
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly ephemeralList: StoredEphemeral[] = [];

  /** A known channel's messages, kept from its first message on; undefined for an unknown channel. */
  private messagesOf(channel: string): StoredMessage[] | undefined {
    if (!this.channels.has(channel)) return undefined;
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  isBotMessage(message: StoredMessage): boolean {
    return message.bot_id === this.opts.botId || message.user === this.opts.botUserId;
  }

  /** Posts as the app's bot user. */
  postBotMessage(
    channel: string,
    content: { text: string; blocks?: unknown[]; threadTs?: string; broadcast?: boolean; metadata?: MessageMetadata },
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
    if (content.metadata !== undefined) message.metadata = structuredClone(content.metadata);
    return this.insertMessage(channel, message, content.threadTs, content.broadcast);
  }

  /**
   * Posts as a person. `text` is in Slack's form (entity-encoded, see person-text.ts); `blocks` is the rich_text
   * Slack's client sends with it (one text element holding the decoded text by default); `extra` adds fields such
   * as `files`.
   */
  postHumanMessage(
    channel: string,
    user: string,
    text: string,
    threadTs?: string,
    content: { blocks?: JsonObject[]; extra?: JsonObject } = {},
  ): StoredMessage {
    const message: StoredMessage = {
      user,
      type: 'message',
      ts: this.nextTs(),
      client_msg_id: randomUUID(),
      text,
      team: this.opts.teamId,
      ...content.extra,
      blocks: content.blocks ?? [
        {
          type: 'rich_text',
          block_id: randomId('', 5).toLowerCase(),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: decodeEntities(text) }] }],
        },
      ],
    };
    return this.insertMessage(channel, message, threadTs, false);
  }

  /**
   * Posts as another app (not this one): `subtype: bot_message`, `bot_id`, no `user`, as Slack stores a message
   * an integration posted.
   */
  postOtherBotMessage(
    channel: string,
    bot: { botId: string; appId: string; username: string },
    text: string,
    blocks: JsonObject[],
    threadTs?: string,
  ): StoredMessage {
    const message = {
      type: 'message',
      subtype: 'bot_message',
      text,
      ts: this.nextTs(),
      username: bot.username,
      bot_id: bot.botId,
      app_id: bot.appId,
      blocks,
    } as unknown as StoredMessage;
    return this.insertMessage(channel, message, threadTs, false);
  }

  /** A person edits their message: new text and blocks, and `edited: { user, ts }` as Slack records it. */
  editHumanMessage(channel: string, ts: string, text: string, blocks: JsonObject[]): StoredMessage {
    const message = this.findMessage(channel, ts);
    if (!message) throw new Error(`no message ${ts} in ${channel}`);
    message.text = text;
    message.blocks = blocks;
    message.edited = { user: message.user, ts: this.nextTs() };
    this.emit({ kind: 'message_changed', channel, ts, message: structuredClone(message) });
    return structuredClone(message);
  }

  protected insertMessage(
    channel: string,
    message: StoredMessage,
    threadTs: string | undefined,
    broadcast: boolean | undefined,
  ): StoredMessage {
    const list = this.messagesOf(channel);
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
      this.emit({ kind: 'message_posted', channel, ts: message.ts, message: structuredClone(message) });
      this.emit({ kind: 'message_changed', channel, ts: parent.ts, message: structuredClone(parent) });
      return structuredClone(message);
    }
    list.push(message);
    this.emit({ kind: 'message_posted', channel, ts: message.ts, message: structuredClone(message) });
    return structuredClone(message);
  }

  updateMessage(
    channel: string,
    ts: string,
    content: { text?: string; blocks?: unknown[]; metadata?: MessageMetadata },
  ): StoredMessage {
    const message = this.findMessage(channel, ts);
    if (!message) throw new Error(`no message ${ts} in ${channel}`);
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = withGeneratedIds(content.blocks);
    if (content.metadata !== undefined) message.metadata = structuredClone(content.metadata);
    message.edited = { user: message.user, ts: this.nextTs() };
    this.emit({ kind: 'message_changed', channel, ts, message: structuredClone(message) });
    return structuredClone(message);
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
      this.emit({ kind: 'message_changed', channel, ts, message: structuredClone(tombstone) });
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
        this.emit({ kind: 'message_changed', channel, ts: parent.ts, message: structuredClone(parent) });
      }
    }
  }

  /** Top-level messages of a channel (including thread broadcasts), oldest first; the latest `limit` if given. */
  channelHistory(channel: string, limit?: number): StoredMessage[] {
    const list = this.messages.get(channel) ?? [];
    const top = list.filter(
      (m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast',
    );
    return structuredClone(limit === undefined ? top : top.slice(-limit));
  }

  /** How many top-level messages a channel has, without copying them. */
  historyLength(channel: string): number {
    const list = this.messages.get(channel) ?? [];
    let count = 0;
    for (const m of list)
      if (m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast') count += 1;
    return count;
  }

  /** A thread: the parent followed by its replies (the latest `limit` if given), oldest first; empty if none. */
  thread(channel: string, ts: string, limit?: number): StoredMessage[] {
    const parent = this.findMessage(channel, ts);
    if (!parent) return [];
    const list = this.messages.get(channel) ?? [];
    const replies = list.filter((m) => m.thread_ts === ts && m.ts !== ts);
    return structuredClone([parent, ...(limit === undefined ? replies : replies.slice(-limit))]);
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
    this.emit({ kind: 'ephemeral_posted', ephemeral: structuredClone(ephemeral) });
    return structuredClone(ephemeral);
  }

  findEphemeral(id: string): StoredEphemeral | undefined {
    return this.ephemeralList.find((e) => e.id === id);
  }

  replaceEphemeral(id: string, content: { text: string; blocks?: unknown[] }): StoredEphemeral {
    const ephemeral = this.findEphemeral(id);
    if (!ephemeral) throw new Error(`no ephemeral ${id}`);
    ephemeral.text = content.text;
    if (content.blocks !== undefined) ephemeral.blocks = withGeneratedIds(content.blocks);
    else delete ephemeral.blocks;
    this.emit({ kind: 'ephemeral_changed', ephemeral: structuredClone(ephemeral) });
    return structuredClone(ephemeral);
  }

  deleteEphemeral(id: string): void {
    const index = this.ephemeralList.findIndex((e) => e.id === id);
    if (index < 0) return;
    const [gone] = this.ephemeralList.splice(index, 1);
    if (gone) this.emit({ kind: 'ephemeral_deleted', id, user: gone.user, channel: gone.channel });
  }

  /** What one person sees privately in a channel, oldest first. */
  ephemerals(user: string, channel?: string): StoredEphemeral[] {
    return structuredClone(
      this.ephemeralList.filter((e) => e.user === user && (channel === undefined || e.channel === channel)),
    );
  }
}
