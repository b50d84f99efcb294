/**
 * An @mention, in a channel or a thread, gets a threaded reply with the free-text verdict and a button that opens
 * the wizard privately for whoever clicks it. Slack retries an event it thinks we missed; a retry of one we
 * answered must not answer twice.
 */
import { ACTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { replyMessage } from '../views/reply.js';
import type { Register } from './types.js';

/** `<@U123>` and `<@U123|name>`: the mention itself is not part of the situation. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

export const registerMention: Register = (app, { advisor, ledger }) => {
  app.event('app_mention', async ({ event, body, context, client, logger }) => {
    // A retry after a timeout means the first delivery reached us: it is being answered already.
    if (context.retryNum && context.retryReason === 'http_timeout') return;
    if (!ledger.claim(`event:${body.event_id}`)) return;
    if (event.bot_id) return; // never converse with bots, ourselves included

    const text = (event.text ?? '').replace(MENTION, ' ').trim();
    const threadTs = event.thread_ts ?? event.ts;
    const message = replyMessage(advisor.reply(text), {
      audience: 'public',
      wizardButton: { actionId: ACTION.open, value: advisor.startValue() },
    });
    const reply = replierFor({ client, logger, user: event.user, channel: event.channel, threadTs });
    await reply.attempt('reply', () =>
      client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...message }),
    );
  });
};
