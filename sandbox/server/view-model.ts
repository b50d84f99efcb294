/**
 * What the sandbox page sees: the stand-in's workspace from one person's seat (their channels with threads, their
 * ephemeral messages, modals, Home tab and Slack's notices to them), and the composer's text turned into the
 * `text` a Slack client would send.
 */
import type { Fault, SlackStandin, StandinUser, StoredEphemeral, StoredMessage, StoredView } from '../standin/index.js';
import { assistantSnapshot, type PageAssistant } from './assistant-panel.js';

/** What the app is called in the page; Slack shows the app's display name, not the bot user's handle. */
export const APP_NAME = 'Realtime Advisor';

/** Something Slack or Slackbot tells the person that is not a message from the app. */
export interface PageNotice {
  id: string;
  /** `error`: Slack's own failure notices (timeouts, dispatch failures); `slackbot`: Slackbot's hints. */
  kind: 'error' | 'slackbot';
  text: string;
  channel?: string;
  threadTs?: string;
  at: number;
}

export interface PageChannel {
  id: string;
  name: string;
  botIsMember: boolean;
  isPrivate: boolean;
  archived: boolean;
  /** The latest PAGE_MESSAGES top-level messages (and thread broadcasts), oldest first. */
  messages: StoredMessage[];
  /** How many older top-level messages are left out. */
  earlier: number;
  /** The latest PAGE_MESSAGES replies of each thread shown, by the parent's ts, oldest first. */
  threads: Record<string, StoredMessage[]>;
}

/**
 * How many messages of a channel, and replies of a thread, a snapshot carries. Every change re-sends the
 * snapshot, so it is bounded: a whole history (2,000 long messages) took the sandbox to 4 GB.
 */
export const PAGE_MESSAGES = 100;
/** The latest of the person's ephemeral messages and notices a snapshot carries. */
export const PAGE_EPHEMERALS = 100;

/** A simulated failure that is armed: what it hits, what it does, how many more calls it spoils. */
export interface PageFault {
  id: string;
  method: string;
  label: string;
  remaining: number;
}

/** A fault in words, as the fault form names it ("HTTP 429, Retry-After 2 s"). */
export function describeFault(fault: Fault): string {
  if ('error' in fault) return fault.error;
  if ('retryAfterSeconds' in fault) return `HTTP 429, Retry-After ${fault.retryAfterSeconds} s`;
  if ('status' in fault) return `HTTP ${fault.status}`;
  if ('delayMs' in fault) return `a ${fault.delayMs / 1000} s delay`;
  if ('answerLateMs' in fault) return `an answer ${fault.answerLateMs / 1000} s late`;
  return `the answer lost (${fault.afterActing})`;
}

export interface PageSnapshot {
  version: number;
  me: StandinUser;
  app: { name: string; botUserId: string; botId: string; appId: string };
  team: { id: string; domain: string; name: string };
  users: StandinUser[];
  channels: PageChannel[];
  ephemerals: StoredEphemeral[];
  /** The person's modal stack, bottom first; the last one is shown. */
  modals: StoredView[];
  home: StoredView | null;
  notices: PageNotice[];
  /** Simulated failures still armed, so that they can be seen and disarmed. */
  faults: PageFault[];
  /** The person's assistant panel thread, once they opened it. */
  assistant: PageAssistant | null;
}

export function pageSnapshot(standin: SlackStandin, me: string, local: PageNotice[], version: number): PageSnapshot {
  const whole = standin.snapshot(PAGE_MESSAGES);
  const user = whole.users.find((u) => u.id === me);
  if (!user) throw new Error(`unknown person ${me}`);
  const channels = whole.channels
    .filter((c) => !c.isIm && c.members.includes(me))
    .map((c) => {
      const threads: Record<string, StoredMessage[]> = {};
      for (const m of c.messages) {
        if ((m.reply_count ?? 0) > 0) threads[m.ts] = standin.thread(c.id, m.ts, PAGE_MESSAGES).slice(1);
      }
      return {
        id: c.id,
        name: c.name,
        botIsMember: c.botIsMember,
        isPrivate: c.isPrivate,
        archived: c.archived,
        messages: c.messages,
        earlier: c.earlier,
        threads,
      };
    });
  const fromSlack: PageNotice[] = standin.notices(me).map((n, i) => ({
    id: `slack-${i}`,
    kind: 'error',
    text: n.text,
    ...(n.channel ? { channel: n.channel } : {}),
    at: n.at,
  }));
  return {
    version,
    me: user,
    app: { name: APP_NAME, botUserId: whole.bot.userId, botId: whole.bot.botId, appId: whole.bot.appId },
    team: whole.team,
    users: whole.users,
    channels,
    ephemerals: standin.ephemerals(me).slice(-PAGE_EPHEMERALS),
    modals: standin.openViews(me),
    home: standin.homeView(me) ?? null,
    notices: [...fromSlack, ...local].sort((a, b) => a.at - b.at).slice(-PAGE_EPHEMERALS),
    faults: standin.pendingFaults().map(({ id, method, fault, remaining }) => ({
      id,
      method,
      label: describeFault(fault),
      remaining,
    })),
    assistant: assistantSnapshot(standin, me, PAGE_MESSAGES),
  };
}

/**
 * The `text` a Slack client sends for what a person typed: `&`, `<` and `>` escaped (so typed text can never
 * become a link or a mention by itself), `@Realtime Advisor` and `@name` as user mentions, `#channel` as channel
 * links.
 */
export function composeSlackText(
  typed: string,
  ctx: { botUserId: string; users: StandinUser[]; channels: { id: string; name: string }[] },
): string {
  const escaped = typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const appMention = new RegExp(`@${APP_NAME.replace(/ /g, '\\s+')}\\b`, 'gi');
  return escaped
    .replace(appMention, `<@${ctx.botUserId}>`)
    .replace(/(^|[\s(])@([a-z0-9_-]+(?:\.[a-z0-9_-]+)*)/gi, (whole, before: string, name: string) => {
      const user = ctx.users.find((u) => u.name.toLowerCase() === name.toLowerCase());
      return user ? `${before}<@${user.id}>` : whole;
    })
    .replace(/(^|[\s(])#([a-z0-9_-]+)/gi, (whole, before: string, name: string) => {
      const channel = ctx.channels.find((c) => c.name === name.toLowerCase());
      return channel ? `${before}<#${channel.id}|${channel.name}>` : whole;
    });
}
