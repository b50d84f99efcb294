/**
 * The assistant panel (Slack's split view; Bolt's Assistant, the manifest's `assistant_view`): a person asks in
 * their own words beside the channel they are reading.
 *
 * - Opened (`assistant_thread_started`): a one-line greeting, and prompts to try from the data. The greeting
 *   carries the thread's context (the channel in view) as Bolt's store keeps it; `assistant_thread_context_changed`
 *   updates it there (assistant-context.ts). A verdict's Share button shares in that channel (share.ts).
 * - A message: the status says the app is working, then the answer /realtime gives to the same words, with its
 *   buttons in place. A message that starts a case titles the thread; a later one refines the case
 *   (assistant-case.ts, advisor.refine) rather than starting over; "start over" starts over.
 *
 * Slack's retries of an event are answered once, by event_id. A status, prompts or a title Slack refuses is logged
 * and the answer goes on; the person is told only of what they would otherwise miss (the greeting, the answer).
 */
import { Assistant } from '@slack/bolt';
import { type PanelCase, panelCase, type ThreadMessage } from '../assistant-case.js';
import { threadContexts } from '../assistant-context.js';
import { ACTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { fromSlack, plainText } from '../slack-text.js';
import { sendWithTableFallback } from '../table-fallback.js';
import {
  greetingMessage,
  panelAnswerMessage,
  suggestedPrompts,
  threadTitle,
  WORKING_STATUS,
} from '../views/assistant.js';
import { personMessage } from './direct-message.js';
import type { Register } from './types.js';

/** The most of a thread read back: a conversation about one case is far shorter. */
const THREAD_READ_LIMIT = 200;

export const registerAssistant: Register = (app, { advisor, ledger }) => {
  app.assistant(
    new Assistant({
      threadContextStore: threadContexts,

      threadStarted: async ({ event, body, say, setSuggestedPrompts, client, logger }) => {
        if (!(await ledger.claimFirst(`event:${body.event_id}`))) return;
        const { user_id: user, channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
        const reply = replierFor({ client, logger, user, channel, threadTs, again: 'Open the panel again' });
        // Bolt's say() puts the context in the greeting's metadata: that is where the store keeps it.
        await reply.attempt('greet you in the panel', () => say(greetingMessage()));
        await reply.attempt('suggest what to ask', () => setSuggestedPrompts(suggestedPrompts(advisor.comparison())), {
          tell: false,
        });
      },

      threadContextChanged: async ({ body, saveThreadContext, client, logger, event }) => {
        if (!(await ledger.claimFirst(`event:${body.event_id}`))) return;
        const { user_id: user, channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
        // Not told: the person sees where a share lands when they share.
        await replierFor({ client, logger, user, channel, threadTs }).attempt(
          'keep the channel you are viewing',
          () => saveThreadContext(),
          { tell: false },
        );
      },

      userMessage: async ({ message, body, context, client, logger, setStatus, setTitle }) => {
        const said = personMessage(message as unknown as Record<string, unknown>, context.botUserId);
        if (!said?.thread_ts) return;
        if (!(await ledger.claimFirst(`event:${body.event_id}`))) return;
        const { channel, user, thread_ts: threadTs } = said;
        const reply = replierFor({ client, logger, user, channel, threadTs, again: 'Send me the message again' });
        await reply.attempt('show that I am working on it', () => setStatus(WORKING_STATUS), { tell: false });

        const asked = fromSlack(said.text);
        const words = plainText(asked);
        const answer = advisor.reply(words);
        let thread: PanelCase | undefined;
        let threadUnread = false;
        if (answer.kind === 'understood') {
          const read = await reply.attempt(
            'read our conversation',
            () => client.conversations.replies({ channel, ts: threadTs, limit: THREAD_READ_LIMIT }),
            { tell: false },
          );
          threadUnread = !read.ok;
          const messages = (read.ok ? (read.value.messages ?? []) : []) as ThreadMessage[];
          thread = panelCase(
            advisor,
            messages,
            { ts: said.ts, text: said.text },
            { person: user, botUserId: context.botUserId },
          );
        }
        const refined = thread && thread.texts.length > 0 ? advisor.refine(thread.texts, thread.earlier) : undefined;
        const shown =
          answer.kind === 'understood' && refined
            ? { ...answer, view: refined.view, reading: refined.reading }
            : answer;
        const answerMessage = panelAnswerMessage(shown, {
          asked,
          wizardActionId: ACTION.startOver,
          startValue: advisor.startValue(),
          nothingNew: thread?.earlier !== undefined && refined?.reading.findings.length === 0,
          threadUnread,
        });

        const posted = await reply.attempt('answer your message', () =>
          sendWithTableFallback(answerMessage, (m) => client.chat.postMessage({ channel, thread_ts: threadTs, ...m })),
        );
        // Slack clears the status when the app replies; when the reply failed, the status would stay for minutes.
        if (!posted.ok) await reply.attempt('clear my status', () => setStatus(''), { tell: false });
        else if (thread?.begins)
          await reply.attempt('title the conversation', () => setTitle(threadTitle(words)), { tell: false });
      },
    }),
  );
};
