/**
 * An @mention, in a channel or a thread, gets a threaded reply with the free-text verdict and a button that opens
 * the wizard privately for whoever clicks it. Slack retries an event it thinks we missed; a retry of one we
 * answered must not answer twice. The event_id says which: a first delivery can arrive marked as a retry (the
 * try before it went to another process, or was lost), and it is answered.
 */
import type { Advisor } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { fromSlack, plainText, type SlackText, without } from '../slack-text.js';
import { sendWithTableFallback } from '../table-fallback.js';
import type { SlackMessage } from '../views/blocks.js';
import { replyMessage } from '../views/reply.js';
import type { Register } from './types.js';

/**
 * What the app answers to words written to it, by @mention or in its Messages tab (direct-message.ts): the
 * free-text verdict and a button that opens the wizard privately for whoever clicks. `text` is as Slack sent it;
 * the mention of the app is how the person called it, not part of their situation (other mentions are).
 */
export function answerTo(
  advisor: Advisor,
  text: string,
  botUserId: string | undefined,
  askedIn: 'mention' | 'direct-message',
): SlackMessage {
  const asked: SlackText = without(fromSlack(text), (s) => s.kind === 'user' && s.id === botUserId);
  return replyMessage(advisor.reply(plainText(asked)), {
    audience: 'public',
    wizardButton: { actionId: ACTION.open, value: advisor.startValue() },
    asked,
    askedIn,
  });
}

export const registerMention: Register = (app, { advisor, ledger }) => {
  app.event('app_mention', async ({ event, body, context, client, logger }) => {
    if (!(await ledger.claimFirst(`event:${body.event_id}`))) return;
    if (event.bot_id) return; // never converse with bots, ourselves included
    // Slack sends app_mention again when the message is edited; the first version was answered already.
    if (event.edited) return;

    const threadTs = event.thread_ts ?? event.ts;
    const message = answerTo(advisor, event.text, context.botUserId, 'mention');
    // A problem is told where the person is: in their thread, or beside their message (a thread of a message with
    // no replies is one nobody opens). The reply itself is posted once: after a lost answer it may be there.
    const reply = replierFor({
      client,
      logger,
      user: event.user,
      channel: event.channel,
      threadTs: event.thread_ts,
      again: 'Mention me again',
    });
    await reply.attempt('reply in the thread', () =>
      sendWithTableFallback(message, (m) =>
        client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...m }),
      ),
    );
  });
};
