/**
 * The message shortcut "Get realtime advice" brings the advisor into any thread, where slash commands cannot be
 * typed. It opens a modal at once (a trigger_id lives 3 seconds) with free-text advice for the message, lets
 * the person refine it with the wizard, and its submit replies in that message's thread.
 */
import type { MessageShortcut } from '@slack/bolt';
import type { Advisor } from '../../advisor/index.js';
import { isPublicChannel } from '../conversation.js';
import { decisionDraft, type Sharer } from '../decision-log.js';
import { MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../ids.js';
import { replierFor } from '../replier.js';
import { fromSlack, plainText } from '../slack-text.js';
import { type ModalContext, modalMetadata, type Shareable, shareValue } from '../values.js';
import { quotedBlocks } from '../views/advice.js';
import { sharedPost } from '../views/share.js';
import { modalView, statusModal } from '../views/surfaces.js';
import { wizardMessage } from '../views/wizard.js';
import type { Register } from './types.js';

/** A shortcut has no button to click again: this is how the person tries again. */
const AGAIN = 'Run the “Get realtime advice” shortcut on the message again';

export const registerShortcut: Register = (app, { advisor, shares }) => {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUT_CALLBACK, type: 'message_action' },
    async ({ ack, shortcut, client, respond, logger }) => {
      await ack();
      const { message } = shortcut;
      // Someone's message as Slack sent it: entity-encoded, with mentions and links as markup.
      const words = fromSlack(message.text);
      const situation = plainText(words);
      // A reply's thread is its root; a top-level message starts its own thread.
      const ctx = {
        channel: shortcut.channel.id,
        threadTs: (message.thread_ts as string | undefined) ?? message.ts,
        situation,
        ...(isPublicChannel(shortcut.channel.id, shortcut.channel.name) ? { publicChannel: true } : {}),
      };
      const reply = replierFor({
        client,
        logger,
        respond,
        user: shortcut.user.id,
        channel: ctx.channel,
        threadTs: ctx.threadTs,
        again: AGAIN,
      });
      // What the message says, read as answers to the wizard: the one question it leaves open, or the verdict.
      const { view } = advisor.understand(situation);
      const blocks = wizardMessage(
        view,
        'modal',
        // The modal is private to the person who ran the shortcut; the words are the message author's.
        quotedBlocks({ text: words, audience: 'private', author: { kind: 'message', user: message.user } }),
      ).blocks;
      const withVerdict = view.kind === 'verdict' ? { ...ctx, wizard: view.state } : ctx;
      await reply.attempt('open the advisor', () =>
        client.views.open({
          trigger_id: shortcut.trigger_id,
          view: modalView(blocks, withVerdict, view.kind === 'verdict'),
        }),
      );
    },
  );

  app.view(MODAL_CALLBACK, async ({ ack, view, body, client, logger }) => {
    const user = body.user.id;
    const metadata = modalMetadata.decode(view.private_metadata);
    if (!metadata.ok) logger.warn('unreadable modal metadata', { reason: metadata.error.code, user });
    const ctx = metadata.ok ? metadata.value : {};
    const found = modalPostFor(advisor, ctx, user, {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      enterpriseId: body.enterprise?.id ?? null,
      userId: user,
      inPublicChannel: ctx.publicChannel === true,
      situation: ctx.situation,
    });
    if (!found || !ctx.channel || !ctx.threadTs) {
      await ack({
        response_action: 'update',
        view: statusModal('There is nothing to post yet: finish the wizard first.'),
      });
      return;
    }
    await ack({ response_action: 'update', view: statusModal('Posting in the thread…') });
    const { channel, threadTs } = ctx;
    const reply = replierFor({ client, logger, user, channel, threadTs, modalId: view.id, again: AGAIN });
    // Through the share pipeline: a submit replayed (by Slack or a client) posts once.
    const posted = await shares.share(
      { key: `submit:${view.id}`, channel, inThread: threadTs, post: found.post, decision: found.decision },
      { client, reply },
    );
    if (posted.kind === 'unsure') {
      await reply.explain(
        'reply in the thread',
        posted.problem ?? {
          code: 'unsure',
          advice: 'Slack did not confirm an earlier try, so it may be there already. Look in the thread.',
          mayHaveHappened: true,
        },
      );
      return;
    }
    if (posted.kind === 'refused') {
      await reply.explain('reply in the thread', posted.problem);
      return;
    }
    if (posted.kind === 'shared')
      await reply.attempt(
        'confirm the reply in the modal',
        () =>
          client.views.update({
            view_id: view.id,
            view: statusModal(`:white_check_mark: Posted in the thread in <#${channel}>.`),
          }),
        { tell: false }, // the reply is in the thread for everyone to see; a stale "Posting…" is all that is left
      );
  });
};

/**
 * What the modal's submit posts, and the decision it records: the finished wizard's verdict, else the advice for
 * the message it ran on.
 */
function modalPostFor(advisor: Advisor, ctx: ModalContext, user: string, sharer: Sharer) {
  let shareable: Shareable | undefined;
  if (ctx.wizard) {
    const shared = shareValue.decode(advisor, ctx.wizard);
    shareable = shared.ok ? shared.value : undefined;
  } else if (ctx.situation) {
    const { view } = advisor.understand(ctx.situation);
    shareable = view.kind === 'verdict' ? { kind: 'verdict', view } : undefined;
  }
  return shareable && { post: sharedPost(shareable, user), decision: decisionDraft(advisor, shareable, sharer) };
}
