/**
 * The message shortcut "Get realtime advice" brings the advisor into any thread, where slash commands cannot be
 * typed. It opens a modal at once (a trigger_id lives 3 seconds) with free-text advice for the message, lets
 * the person refine it with the wizard, and its submit replies in that message's thread.
 */
import type { MessageShortcut } from '@slack/bolt';
import type { Advisor } from '../../advisor/index.js';
import { ACTION, MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../ids.js';
import { describeSlackError } from '../slack-errors.js';
import { type ModalContext, modalMetadata, shareValue } from '../values.js';
import { adviceMessage } from '../views/advice.js';
import { problemMessage } from '../views/problems.js';
import { sharedAdvice, sharedPost } from '../views/share.js';
import { modalView, statusModal } from '../views/surfaces.js';
import type { Register } from './types.js';

export const registerShortcut: Register = (app, { advisor }) => {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUT_CALLBACK, type: 'message_action' },
    async ({ ack, shortcut, client, respond, logger }) => {
      await ack();
      const { message } = shortcut;
      const situation = message.text ?? '';
      // A reply's thread is its root; a top-level message starts its own thread.
      const ctx = {
        channel: shortcut.channel.id,
        threadTs: (message.thread_ts as string | undefined) ?? message.ts,
        situation,
      };
      const advice = advisor.advise(situation);
      const comparison = advisor.comparison();
      const blocks = adviceMessage(comparison, advice, {
        situation,
        wizardButton: { actionId: ACTION.startOver, value: advisor.startValue(), label: 'Refine with the wizard' },
      }).blocks;
      try {
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: modalView(blocks, ctx, advice.kind === 'match'),
        });
      } catch (error) {
        const problem = describeSlackError(error);
        logger.warn('views.open failed for the shortcut', {
          code: problem.code,
          user: shortcut.user.id,
          channel: ctx.channel,
        });
        await respond({ response_type: 'ephemeral', ...problemMessage('open the advisor', problem) }).catch(
          () => undefined,
        );
      }
    },
  );

  app.view(MODAL_CALLBACK, async ({ ack, view, body, client, logger }) => {
    const user = body.user.id;
    const metadata = modalMetadata.decode(view.private_metadata);
    if (!metadata.ok) logger.warn('unreadable modal metadata', { reason: metadata.error.code, user });
    const ctx = metadata.ok ? metadata.value : {};
    const post = modalPostFor(advisor, ctx, user);
    if (!post || !ctx.channel || !ctx.threadTs) {
      await ack({
        response_action: 'update',
        view: statusModal('There is nothing to post yet: finish the wizard first.'),
      });
      return;
    }
    await ack({ response_action: 'update', view: statusModal('Posting in the thread…') });
    try {
      await client.chat.postMessage({ channel: ctx.channel, thread_ts: ctx.threadTs, ...post.combined });
      await client.views.update({
        view_id: view.id,
        view: statusModal(`:white_check_mark: Posted in the thread in <#${ctx.channel}>.`),
      });
    } catch (error) {
      const problem = describeSlackError(error);
      logger.warn('posting the modal result failed', { code: problem.code, user, channel: ctx.channel });
      await client.views
        .update({ view_id: view.id, view: statusModal(problemMessage('reply in the thread', problem).text) })
        .catch(() => undefined);
    }
  });
};

/** What the modal's submit posts: the finished wizard's verdict, else the advice for the message it ran on. */
function modalPostFor(advisor: Advisor, ctx: ModalContext, user: string) {
  if (ctx.wizard) {
    const shared = shareValue.decode(advisor, ctx.wizard);
    return shared.ok ? sharedPost(shared.value, user) : undefined;
  }
  if (!ctx.situation) return undefined;
  const advice = advisor.advise(ctx.situation);
  return advice.kind === 'match' ? sharedAdvice(advisor.comparison(), advice.best, user) : undefined;
}
