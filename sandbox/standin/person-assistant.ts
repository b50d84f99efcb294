/**
 * A person using the app's assistant panel: opening it beside a channel, moving to another channel with it open,
 * and writing in it. Each sends the Events API callback Slack documents, in Slack's envelope:
 * - `assistant_thread_started` (https://docs.slack.dev/reference/events/assistant_thread_started) and
 *   `assistant_thread_context_changed` (https://docs.slack.dev/reference/events/assistant_thread_context_changed):
 *   `assistant_thread` with `user_id`, `context` (`channel_id`, `team_id`, `enterprise_id`), `channel_id` (the DM)
 *   and `thread_ts`, and `event_ts`. Bolt's Assistant reads exactly these (node_modules/@slack/bolt/dist/
 *   Assistant.js, extractThreadInfo: `assistant_thread.channel_id`, `.thread_ts`, `.context`).
 * - a message in the panel is a `message.im` event in the thread (`channel_type: 'im'`, `thread_ts`): Bolt's
 *   Assistant takes any threaded DM message without a subtype for the panel (isAssistantMessage).
 */
import type { AppRequests } from './app-requests.js';
import { directMessage, type EventDelivery, type EventResult } from './person-events.js';
import type { PersonText } from './person-text.js';
import type { AssistantContext, AssistantThread } from './workspace-assistant.js';
import { DEFAULT_HUMAN } from './workspace-directory.js';
import type { StoredMessage } from './workspace-messages.js';

/** The context Slack sends for a person viewing `channel`; an empty one when they view none. */
function contextFor(app: AppRequests, user: string, channel: string | undefined): AssistantContext {
  if (channel === undefined) return {};
  const ws = app.ws;
  const found = ws.resolveChannel(channel);
  if (!found) throw new Error(`unknown channel ${channel}`);
  if (!found.members.has(user)) throw new Error(`${user} cannot view ${found.id}`);
  return { channel_id: found.id, team_id: ws.opts.teamId, enterprise_id: ws.opts.enterprise?.id ?? null };
}

function threadEvent(
  type: 'assistant_thread_started' | 'assistant_thread_context_changed',
  app: AppRequests,
  thread: AssistantThread,
) {
  return {
    type,
    assistant_thread: {
      user_id: thread.user,
      context: thread.context,
      channel_id: thread.channel,
      thread_ts: thread.threadTs,
    },
    event_ts: (app.ws.now() / 1000).toFixed(6),
  };
}

export interface OpenAssistantInput {
  user?: string;
  /** The channel the person is viewing as they open the panel; none, for an empty context. */
  channel?: string;
  /** Slack's retries of the event (same event_id). */
  retryNum?: number;
}

/** A person opens the panel: a new thread in their DM with the app, and `assistant_thread_started`. */
export async function openAssistant(
  app: AppRequests,
  events: EventDelivery,
  input: OpenAssistantInput = {},
): Promise<{ thread: AssistantThread; event: EventResult }> {
  const user = input.user ?? DEFAULT_HUMAN;
  const thread = app.ws.openAssistantThread(user, contextFor(app, user, input.channel));
  const event = await events.deliver(
    threadEvent('assistant_thread_started', app, thread),
    input.retryNum ? { retries: input.retryNum } : {},
  );
  return { thread, event };
}

/** A person with the panel open moves to another channel: `assistant_thread_context_changed`. */
export async function viewChannelBesideAssistant(
  app: AppRequests,
  events: EventDelivery,
  input: { thread: Pick<AssistantThread, 'channel' | 'threadTs'>; channel?: string },
): Promise<EventResult> {
  const current = app.ws.assistantThread(input.thread.channel, input.thread.threadTs);
  if (!current) throw new Error(`no assistant thread ${input.thread.threadTs}`);
  const thread = app.ws.changeAssistantContext(
    current.channel,
    current.threadTs,
    contextFor(app, current.user, input.channel),
  );
  return events.deliver(threadEvent('assistant_thread_context_changed', app, thread));
}

/** A person writes in the panel: their message in the thread, and the `message.im` event for it. */
export async function askAssistant(
  app: AppRequests,
  events: EventDelivery,
  input: { thread: Pick<AssistantThread, 'channel' | 'threadTs'>; text: PersonText; retryNum?: number },
): Promise<{ message: StoredMessage; event: EventResult }> {
  const thread = app.ws.assistantThread(input.thread.channel, input.thread.threadTs);
  if (!thread) throw new Error(`no assistant thread ${input.thread.threadTs}`);
  return directMessage(app, events, {
    user: thread.user,
    text: input.text,
    threadTs: thread.threadTs,
    ...(input.retryNum ? { retryNum: input.retryNum } : {}),
  });
}

/** A person clicks one of the suggested prompts the app set: Slack sends its message as theirs. */
export async function clickSuggestedPrompt(
  app: AppRequests,
  events: EventDelivery,
  input: { thread: Pick<AssistantThread, 'channel' | 'threadTs'>; title: string },
): Promise<{ message: StoredMessage; event: EventResult }> {
  const thread = app.ws.assistantThread(input.thread.channel, input.thread.threadTs);
  const prompt = thread?.prompts?.prompts.find((p) => p.title === input.title);
  if (!prompt) {
    const offered = thread?.prompts?.prompts.map((p) => `"${p.title}"`).join(', ') || 'none';
    throw new Error(`no suggested prompt "${input.title}"; offered: ${offered}`);
  }
  return askAssistant(app, events, { thread: input.thread, text: prompt.message });
}
