/**
 * The app's Messages tab: a message a person writes to the app in its DM gets the answer an @mention gets
 * (mention.ts), in the DM. A message in a thread of the DM is the assistant panel's (assistant.ts): Bolt's
 * Assistant takes every threaded message in an app's DM for itself. Only a person's new message is answered:
 * not an edit or a deletion (those carry a subtype), nor a bot's message, the app's own replies included (Slack
 * sends those to the `message.im` subscription too). Slack's retries of one event are answered once, by event_id,
 * as mentions are. Messages in channels are left to @mentions: the app reads no channel history.
 */
import { replierFor } from '../replier.js';
import { sendWithTableFallback } from '../table-fallback.js';
import { answerTo } from './mention.js';
import type { Register } from './types.js';

/** A person's new message in the DM, with or without files; anything else in the DM is left alone. */
export interface PersonMessage {
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string | undefined;
}

export function personMessage(
  event: Record<string, unknown>,
  botUserId: string | undefined,
): PersonMessage | undefined {
  if (event.channel_type !== 'im') return undefined;
  if (event.subtype !== undefined && event.subtype !== 'file_share') return undefined; // edits, deletions, joins…
  if (event.bot_id !== undefined || typeof event.user !== 'string' || event.user === botUserId) return undefined;
  if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return undefined;
  return {
    channel: event.channel,
    user: event.user,
    text: typeof event.text === 'string' ? event.text : '',
    ts: event.ts,
    thread_ts: typeof event.thread_ts === 'string' ? event.thread_ts : undefined,
  };
}

export const registerDirectMessage: Register = (app, { advisor, ledger }) => {
  app.event('message', async ({ event, body, context, client, logger }) => {
    const message = personMessage(event as unknown as Record<string, unknown>, context.botUserId);
    if (!message) return;
    if (!(await ledger.claimFirst(`event:${body.event_id}`))) return;
    const reply = replierFor({
      client,
      logger,
      user: message.user,
      channel: message.channel,
      threadTs: message.thread_ts,
      again: 'Send me the message again',
    });
    const answer = answerTo(advisor, message.text, context.botUserId, 'direct-message');
    const where = { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
    await reply.attempt('answer your message', () =>
      sendWithTableFallback(answer, (m) => client.chat.postMessage({ ...where, ...m })),
    );
  });
};
