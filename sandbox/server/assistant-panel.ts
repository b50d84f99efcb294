/**
 * The assistant panel on the sandbox page: what the page shows of the person's latest panel thread (its messages,
 * the private notices in it, the status, the suggested prompts, the title and the channel in view), and what the
 * person does there, each as the stand-in's person action, so the app gets the events Slack would send.
 */
import type { AssistantThread, SlackStandin, StoredEphemeral, StoredMessage } from '../standin/index.js';
import { assistantMessageRequest, assistantOpenRequest, assistantPromptRequest, assistantViewRequest } from './api.js';
import { BadRequest, parse } from './http.js';
import type { PageAction } from './page-actions.js';
import type { SlackSide } from './slack-side.js';

/** The panel as the page renders it. */
export interface PageAssistant {
  /** The person's DM with the app, where the thread lives: the location of its buttons. */
  channel: string;
  threadTs: string;
  title: string;
  /** The channel in view beside the panel, if any. */
  viewing: string | null;
  /** What the app said it is doing, until it answers. */
  status: string | null;
  prompts: AssistantThread['prompts'] | null;
  /** The thread's replies (the root is Slack's, not shown), oldest first. */
  messages: StoredMessage[];
  /** The app's private notices in the thread. */
  ephemerals: StoredEphemeral[];
}

/** The latest of the person's panel threads, or null before they open the panel. */
export function assistantSnapshot(standin: SlackStandin, me: string, limit: number): PageAssistant | null {
  const thread = standin.assistantThreads(me).at(-1);
  if (!thread) return null;
  return {
    channel: thread.channel,
    threadTs: thread.threadTs,
    title: thread.title,
    viewing: thread.context.channel_id ?? null,
    status: thread.status?.text ?? null,
    prompts: thread.prompts ?? null,
    messages: standin.thread(thread.channel, thread.threadTs, limit).slice(1),
    ephemerals: standin
      .ephemerals(me, thread.channel)
      .filter((e) => e.thread_ts === thread.threadTs)
      .slice(-limit),
  };
}

/** `POST /api/assistant-open`, `assistant-view`, `assistant-message` and `assistant-prompt`. */
export function assistantActions({ standin, me, slackText }: SlackSide): Record<string, PageAction> {
  const viewable = (ref: string | undefined) => {
    if (ref === undefined) return undefined;
    const channel = standin.workspace.resolveChannel(ref);
    if (!channel || channel.isIm || !channel.members.has(me)) throw new BadRequest(400, `channel: no channel ${ref}`);
    return channel.id;
  };
  const current = () => {
    const thread = standin.assistantThreads(me).at(-1);
    if (!thread) throw new BadRequest(400, 'the assistant panel is not open: open it first');
    return thread;
  };
  const ack = (result: { status: number; timedOut: boolean; ackMs: number }) => ({
    ack: { status: result.status, timedOut: result.timedOut, ms: Math.round(result.ackMs) },
  });

  return {
    async 'assistant-open'(body) {
      const input = parse(assistantOpenRequest, body);
      const channel = viewable(input.channel);
      const { thread, event } = await standin.openAssistant({ user: me, ...(channel ? { channel } : {}) });
      return { threadTs: thread.threadTs, ...ack(event) };
    },

    async 'assistant-view'(body) {
      const input = parse(assistantViewRequest, body);
      const channel = viewable(input.channel);
      const thread = current();
      if ((thread.context.channel_id ?? undefined) === channel) return {};
      return ack(await standin.viewChannelBesideAssistant({ thread, ...(channel ? { channel } : {}) }));
    },

    async 'assistant-message'(body) {
      const input = parse(assistantMessageRequest, body);
      const { message, event } = await standin.askAssistant({ thread: current(), text: slackText(input.text) });
      return { ts: message.ts, ...ack(event) };
    },

    async 'assistant-prompt'(body) {
      const input = parse(assistantPromptRequest, body);
      const { message, event } = await standin.clickSuggestedPrompt({ thread: current(), title: input.title });
      return { ts: message.ts, ...ack(event) };
    },
  };
}
