/**
 * Which channel a person is viewing beside the assistant panel: the thread's context, kept by Bolt's own thread
 * context store. Its DefaultThreadContextStore keeps the context in Slack, in the metadata of the app's first
 * message in the thread (the greeting), updated on `assistant_thread_context_changed` (chat.update) and read back
 * with conversations.replies, so any instance of the app reads any thread's context and none needs our store.
 *
 * One thing is not used: a store instance also caches the last context it saved and returns it for every thread
 * of every person (node_modules/@slack/bolt/dist/AssistantThreadContextStore.js, `get`: `if
 * (this.context.channel_id) return this.context`), so with one instance per app a second person's verdict would
 * be shared in the first person's channel. A fresh instance per call reads each thread's own context.
 */
import type { Logger, webApi } from '@slack/bolt';
// Not exported from @slack/bolt's index; the class itself, reused rather than rewritten.
import {
  type AssistantThreadContextStore,
  DefaultThreadContextStore,
} from '@slack/bolt/dist/AssistantThreadContextStore.js';

export const threadContexts: AssistantThreadContextStore = {
  get: (args) => new DefaultThreadContextStore().get(args),
  save: (args) => new DefaultThreadContextStore().save(args),
};

/**
 * The channel a person views beside the panel thread `threadTs` of `channel` (their DM with the app), read as the
 * store reads it in the Assistant's own listeners: from the thread, with the app's bot user id. Undefined when the
 * thread holds none (the panel was opened where no channel was in view). Throws what the Web API throws.
 */
export async function viewedChannel(input: {
  client: webApi.WebClient;
  logger: Logger;
  botUserId: string | undefined;
  channel: string;
  threadTs: string;
}): Promise<string | undefined> {
  // What the store reads of a listener's arguments: the client, the logger, the bot user id in the context, and
  // the channel and thread of the payload.
  const args = {
    client: input.client,
    logger: input.logger,
    context: { botUserId: input.botUserId },
    payload: { type: 'message', channel: input.channel, thread_ts: input.threadTs },
  } as unknown as Parameters<AssistantThreadContextStore['get']>[0];
  const context = await threadContexts.get(args);
  return typeof context.channel_id === 'string' && context.channel_id !== '' ? context.channel_id : undefined;
}
