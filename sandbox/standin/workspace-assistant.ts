/**
 * Slack's assistant panel: the split view beside a channel of an app that turns on the Agents & AI Apps feature
 * (the manifest's `assistant_view`). Each conversation a person opens there is a thread in their DM with the app,
 * under a root message of subtype `assistant_app_thread`, and carries what the app set on it (a status while it
 * works, suggested prompts, a title) and the channel the person is viewing beside it (the thread's context).
 *
 * Sources, modelled as documented and no further:
 * - the root message and its title: https://docs.slack.dev/reference/events/message/assistant_app_thread
 *   (subtype `assistant_app_thread`, the title as its text and under `assistant_app_thread.title`);
 * - the context: https://docs.slack.dev/reference/events/assistant_thread_started (`channel_id`, `team_id`,
 *   `enterprise_id` of the channel the person is viewing; an empty context when they view none, as
 *   github.com/slackapi/bolt-js/issues/2579 reports);
 * - the status: https://docs.slack.dev/reference/methods/assistant.threads.setStatus ("automatically cleared when
 *   the app sends a reply"; an empty status clears it; at most 10 loading messages);
 * - suggested prompts: https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts (up to four,
 *   each a title and a message, with an optional title for the list).
 */
import type { JsonObject } from './json.js';
import { WorkspaceInteractions } from './workspace-interactions.js';
import type { MessageMetadata, StoredMessage } from './workspace-messages.js';

/** The channel a person views beside the panel, as Slack sends it in `assistant_thread.context`. */
export interface AssistantContext {
  channel_id?: string;
  team_id?: string;
  enterprise_id?: string | null;
}

export interface SuggestedPrompt {
  title: string;
  message: string;
}

export interface AssistantThread {
  /** The person's DM with the app, where the thread lives. */
  channel: string;
  /** The root message's ts: the thread's `thread_ts`. */
  threadTs: string;
  /** The person who opened it. */
  user: string;
  context: AssistantContext;
  title: string;
  /** What the app said it is doing ("is thinking…"), until its next reply in the thread. */
  status?: { text: string; loadingMessages: string[] };
  prompts?: { title?: string; prompts: SuggestedPrompt[] };
}

/** Slack's limits on what an app sets on a thread (see the sources above). */
export const MAX_SUGGESTED_PROMPTS = 4;
export const MAX_LOADING_MESSAGES = 10;

const key = (channel: string, ts: string) => `${channel}:${ts}`;

export class WorkspaceAssistant extends WorkspaceInteractions {
  private readonly assistantThreadList = new Map<string, AssistantThread>();

  /**
   * A person opens the panel, viewing `context`'s channel: a new thread in their DM with the app, under a root
   * message of subtype `assistant_app_thread` titled as Slack titles a new chat.
   */
  openAssistantThread(user: string, context: AssistantContext): AssistantThread {
    const im = this.imChannelFor(user);
    const title = `Chats from ${new Date(this.now()).toISOString()}`;
    const root = {
      type: 'message',
      subtype: 'assistant_app_thread',
      user,
      text: title,
      team: this.opts.teamId,
      ts: this.nextTs(),
      blocks: [titleBlock(title)],
      assistant_app_thread: { title, title_blocks: [], artifacts: [] },
    } as unknown as StoredMessage;
    const stored = this.insertMessage(im.id, root, undefined, false);
    const thread: AssistantThread = { channel: im.id, threadTs: stored.ts, user, context: { ...context }, title };
    this.assistantThreadList.set(key(im.id, stored.ts), thread);
    this.announce(thread);
    return structuredClone(thread);
  }

  assistantThread(channel: string, threadTs: string): AssistantThread | undefined {
    const thread = this.assistantThreadList.get(key(channel, threadTs));
    return thread && structuredClone(thread);
  }

  /** A person's assistant threads, oldest first. */
  assistantThreads(user?: string): AssistantThread[] {
    return structuredClone([...this.assistantThreadList.values()].filter((t) => user === undefined || t.user === user));
  }

  /** The person moved to another channel with the panel open. */
  changeAssistantContext(channel: string, threadTs: string, context: AssistantContext): AssistantThread {
    const thread = this.requireThread(channel, threadTs);
    thread.context = { ...context };
    this.announce(thread);
    return structuredClone(thread);
  }

  /** `assistant.threads.setStatus`: an empty status clears it. */
  setAssistantStatus(channel: string, threadTs: string, text: string, loadingMessages: string[]): void {
    const thread = this.assistantThreadList.get(key(channel, threadTs));
    if (!thread) return; // a status on another thread of the DM: nothing the panel shows
    if (text === '') delete thread.status;
    else thread.status = { text, loadingMessages: [...loadingMessages] };
    this.announce(thread);
  }

  setAssistantPrompts(channel: string, threadTs: string, prompts: AssistantThread['prompts']): void {
    const thread = this.assistantThreadList.get(key(channel, threadTs));
    if (!thread || !prompts) return;
    thread.prompts = structuredClone(prompts);
    this.announce(thread);
  }

  /** `assistant.threads.setTitle`: the root message's text and its `assistant_app_thread.title` change with it. */
  setAssistantTitle(channel: string, threadTs: string, title: string): void {
    const root = this.findMessage(channel, threadTs);
    if (root) {
      root.text = title;
      root.blocks = [titleBlock(title)];
      const meta = (root.assistant_app_thread ?? {}) as JsonObject;
      root.assistant_app_thread = { ...meta, title };
      root.edited = { user: root.user, ts: this.nextTs() };
      this.emit({ kind: 'message_changed', channel, ts: threadTs, message: structuredClone(root) });
    }
    const thread = this.assistantThreadList.get(key(channel, threadTs));
    if (!thread) return;
    thread.title = title;
    this.announce(thread);
  }

  /** The app's reply in an assistant thread clears the thread's status, as Slack does. */
  override postBotMessage(
    channel: string,
    content: { text: string; blocks?: unknown[]; threadTs?: string; broadcast?: boolean; metadata?: MessageMetadata },
  ): StoredMessage {
    const message = super.postBotMessage(channel, content);
    const thread = content.threadTs ? this.assistantThreadList.get(key(channel, content.threadTs)) : undefined;
    if (thread?.status) {
      delete thread.status;
      this.announce(thread);
    }
    return message;
  }

  private requireThread(channel: string, threadTs: string): AssistantThread {
    const thread = this.assistantThreadList.get(key(channel, threadTs));
    if (!thread) throw new Error(`no assistant thread ${threadTs} in ${channel}`);
    return thread;
  }

  private announce(thread: AssistantThread): void {
    this.emit({ kind: 'assistant_changed', thread: structuredClone(thread) });
  }
}

function titleBlock(title: string): JsonObject {
  return {
    type: 'rich_text',
    block_id: 'title',
    elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: title }] }],
  };
}
