/**
 * The workspace's people and places: users (the app's bot user among them), channels and the app's DMs, and how
 * Slack resolves a channel argument (an ID, `#name`, or a user ID for the DM with the app).
 */
import { randomId } from './ids.js';
import { WorkspaceBase, type WorkspaceOptions } from './workspace-base.js';

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
  /** A group DM between people (`mpdm-a--b--c-1`); the app is never in one. */
  isMpim?: boolean;
  /** A channel shared with another organisation (Slack Connect): the team it comes from. */
  sharedFrom?: { teamId: string; enterpriseId?: string };
  /** Human members (the bot's membership is `botIsMember`). */
  members: Set<string>;
  created: number;
}

export const DEFAULT_HUMAN = 'U0HUMAN01';
export const DEFAULT_CHANNEL = 'C0GENERAL';

export class WorkspaceDirectory extends WorkspaceBase {
  readonly users = new Map<string, StandinUser>();
  readonly channels = new Map<string, StandinChannel>();

  constructor(opts: WorkspaceOptions) {
    super(opts);
    this.users.set(opts.botUserId, { id: opts.botUserId, name: opts.botName, realName: opts.botName, isBot: true });
    this.addUser({ id: DEFAULT_HUMAN, name: 'ada', realName: 'Ada Lovelace' });
    this.addChannel({ id: DEFAULT_CHANNEL, name: 'general', botIsMember: true });
  }

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
    /** Shared with another organisation: events from it carry `is_ext_shared_channel` and its team. */
    sharedFrom?: { teamId: string; enterpriseId?: string };
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
      ...(input.sharedFrom ? { sharedFrom: input.sharedFrom } : {}),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /**
   * A direct message between two people. The app cannot be a member of it (Slack answers `channel_not_found` to
   * the app there); slash commands from it carry `channel_name=directmessage`.
   */
  addDirectMessage(users: [string, string]): StandinChannel {
    for (const user of users)
      if (!this.users.get(user) || this.users.get(user)?.isBot) throw new Error(`no person ${user}`);
    const channel: StandinChannel = {
      id: randomId('D'),
      name: users.join('-'),
      isPrivate: true,
      isIm: true,
      archived: false,
      botIsMember: false,
      members: new Set(users),
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /**
   * A group DM between people, named as Slack names it (`mpdm-ada--grace--alan-1`). The app is not in it;
   * slash commands from it carry that name as `channel_name`.
   */
  addGroupDirectMessage(users: string[]): StandinChannel {
    const names = users.map((id) => {
      const user = this.users.get(id);
      if (!user || user.isBot) throw new Error(`no person ${id}`);
      return user.name;
    });
    const channel: StandinChannel = {
      id: randomId('C'),
      name: `mpdm-${names.join('--')}-1`,
      isPrivate: true,
      isIm: false,
      isMpim: true,
      archived: false,
      botIsMember: false,
      members: new Set(users),
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
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
}
