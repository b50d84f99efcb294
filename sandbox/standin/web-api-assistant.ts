/**
 * The assistant panel's Web API methods: `assistant.threads.setStatus`, `setSuggestedPrompts` and `setTitle`, with
 * the arguments and refusals Slack documents for each (addresses beside each). Slack answers a bad or missing
 * argument with its generic `invalid_arguments`, as the stand-in does for views; the limits (10 loading messages,
 * four prompts) are documented, the wording of the refusal is ours.
 */
import { isRecord, type JsonObject } from './json.js';
import type { Handler, Parsed } from './web-api.js';
import type { Workspace } from './workspace.js';
import { MAX_LOADING_MESSAGES, MAX_SUGGESTED_PROMPTS, type SuggestedPrompt } from './workspace-assistant.js';

/** What the handlers share with web-api.ts, passed in rather than imported, so that the two modules form no cycle. */
export interface ArgumentTools {
  fail(error: string, extra?: JsonObject): JsonObject;
  str(args: JsonObject, key: string): string | undefined;
  argumentError(message: string): JsonObject;
  jsonArg(args: JsonObject, key: string): Parsed;
  visibleChannel(ws: Workspace, ref: string | undefined): { id: string } | undefined;
}

type Thread = { ok: true; channel: string; threadTs: string } | { ok: false; answer: JsonObject };

export function assistantHandlers(tools: ArgumentTools): Record<string, Handler> {
  const { fail, str, argumentError, jsonArg, visibleChannel } = tools;

  /** `channel_id` and `thread_ts`, both documented as required by setStatus and setTitle. */
  const threadOf = (ws: Workspace, args: JsonObject, threadRequired = true): Thread => {
    const refuse = (answer: JsonObject) => ({ ok: false as const, answer });
    const channelId = str(args, 'channel_id');
    if (channelId === undefined) return refuse(argumentError('missing required field: channel_id'));
    const channel = visibleChannel(ws, channelId);
    if (!channel) return refuse(fail('channel_not_found'));
    const threadTs = str(args, 'thread_ts');
    if (threadTs === undefined) {
      if (threadRequired) return refuse(argumentError('missing required field: thread_ts'));
      // setSuggestedPrompts without a thread: "set for the latest message in the channel".
      const latest = ws
        .assistantThreads()
        .filter((t) => t.channel === channel.id)
        .at(-1);
      return latest ? { ok: true, channel: channel.id, threadTs: latest.threadTs } : refuse(fail('message_not_found'));
    }
    if (!ws.findMessage(channel.id, threadTs)) return refuse(fail('invalid_thread_ts'));
    return { ok: true, channel: channel.id, threadTs };
  };

  /** A JSON array argument: absent, an array, or a refusal naming the field. */
  const arrayArg = (args: JsonObject, field: string): { ok: true; items?: unknown[] } | { ok: false } => {
    const parsed = jsonArg(args, field);
    if (parsed.kind === 'absent') return { ok: true };
    if (parsed.kind === 'bad' || !Array.isArray(parsed.value)) return { ok: false };
    return { ok: true, items: parsed.value };
  };

  return {
    // https://docs.slack.dev/reference/methods/assistant.threads.setStatus: channel_id, thread_ts and status are
    // required; an empty status clears it; loading_messages, at most 10. Errors: channel_not_found,
    // invalid_thread_ts.
    'assistant.threads.setStatus': ({ ws }, args) => {
      const thread = threadOf(ws, args);
      if (!thread.ok) return thread.answer;
      if (typeof args.status !== 'string') return argumentError('missing required field: status');
      const loading = arrayArg(args, 'loading_messages');
      if (!loading.ok || !(loading.items ?? []).every((m) => typeof m === 'string'))
        return argumentError('loading_messages: expected an array of strings');
      if ((loading.items ?? []).length > MAX_LOADING_MESSAGES)
        return argumentError(`loading_messages: at most ${MAX_LOADING_MESSAGES} messages`);
      ws.setAssistantStatus(thread.channel, thread.threadTs, args.status, (loading.items ?? []) as string[]);
      return { ok: true };
    },

    // https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts: channel_id and prompts are
    // required, "up to four", each with a title and a message; an optional title for the list; thread_ts optional.
    // Errors: channel_not_found, invalid_thread_ts, message_not_found.
    'assistant.threads.setSuggestedPrompts': ({ ws }, args) => {
      const thread = threadOf(ws, args, false);
      if (!thread.ok) return thread.answer;
      const prompts = arrayArg(args, 'prompts');
      if (!prompts.ok || prompts.items === undefined) return argumentError('missing required field: prompts');
      const valid = prompts.items.every(
        (p) => isRecord(p) && typeof p.title === 'string' && p.title !== '' && typeof p.message === 'string',
      );
      if (!valid || prompts.items.length === 0)
        return argumentError('prompts: each prompt needs a title and a message');
      if (prompts.items.length > MAX_SUGGESTED_PROMPTS)
        return argumentError(`prompts: at most ${MAX_SUGGESTED_PROMPTS} prompts`);
      const title = str(args, 'title');
      ws.setAssistantPrompts(thread.channel, thread.threadTs, {
        ...(title !== undefined ? { title } : {}),
        prompts: (prompts.items as SuggestedPrompt[]).map(({ title: t, message }) => ({ title: t, message })),
      });
      return { ok: true };
    },

    // https://docs.slack.dev/reference/methods/assistant.threads.setTitle: channel_id, thread_ts and title are
    // required; the title is shown in the DM's history. Errors: channel_not_found, invalid_thread_ts.
    'assistant.threads.setTitle': ({ ws }, args) => {
      const thread = threadOf(ws, args);
      if (!thread.ok) return thread.answer;
      const title = str(args, 'title');
      if (title === undefined) return argumentError('missing required field: title');
      ws.setAssistantTitle(thread.channel, thread.threadTs, title);
      return { ok: true };
    },
  };
}
