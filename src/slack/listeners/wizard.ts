/**
 * The wizard's buttons. Every navigation button (an answer, Back, Start over, Change) carries the state to go
 * to, so one listener serves them all: decode, ask the advisor, render, replace in place. In an ephemeral
 * message that is the click's response_url; in the advisor's modal it is views.update.
 */

import type { WizardView } from '../../advisor/index.js';
import { conversationOf } from '../conversation.js';
import { ACTION, WIZARD_NAVIGATION } from '../ids.js';
import { replierFor } from '../replier.js';
import { type ModalContext, modalMetadata, navigationValue, scorecardValue } from '../values.js';
import type { KnownBlock } from '../views/blocks.js';
import { outOfDateMessage, problemMessage } from '../views/problems.js';
import { scorecardMessage } from '../views/reference.js';
import { modalView } from '../views/surfaces.js';
import { wizardMessage } from '../views/wizard.js';
import type { ButtonClick, Register } from './types.js';

export const registerWizard: Register = (app, { advisor }) => {
  app.action<ButtonClick>(WIZARD_NAVIGATION, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const user = body.user.id;
    const resumed = navigationValue.decode(advisor, action.value);
    if (!resumed.ok) logger.info('out-of-date wizard button', { reason: resumed.error.code, user });

    if (body.view?.type === 'modal') {
      const { id, hash, private_metadata } = body.view;
      const metadata = modalMetadata.decode(private_metadata);
      if (!metadata.ok) logger.warn('unreadable modal metadata', { reason: metadata.error.code, user });
      const ctx = metadata.ok ? metadata.value : {};
      const view = resumed.ok
        ? modalView(
            wizardMessage(resumed.value.view, 'modal', [], resumed.value.shape).blocks,
            withWizard(ctx, resumed.value.view),
            resumed.value.view.kind === 'verdict',
          )
        : modalView(outOfDateMessage(advisor.startValue()).blocks, ctx, false);
      const reply = replierFor({ client, logger, user, modalId: id });
      // hash_conflict: two quick clicks; the second one's view is stale and the first already moved on.
      const updated = await reply.attempt('update the wizard', () => client.views.update({ view_id: id, hash, view }), {
        tell: false,
      });
      if (updated.ok || updated.problem.code === 'hash_conflict') return;
      // Told on the step on screen, which keeps its buttons. Sent with the same hash: if the update did happen
      // after all (its answer was lost), Slack refuses this one as a hash_conflict and the new step stays.
      const onScreen = (body.view.blocks ?? []) as KnownBlock[];
      const problem = problemMessage('move the wizard on', updated.problem).blocks;
      const shown = await reply.attempt(
        'show the problem in the wizard',
        () =>
          client.views.update({
            view_id: id,
            hash,
            view: {
              ...modalView([...problem, ...onScreen], ctx, false),
              ...(body.view?.submit ? { submit: body.view.submit } : {}),
            },
          }),
        { tell: false },
      );
      // Slack still refuses the modal: tell beside the thread the modal came from, or in the Messages tab.
      if (!shown.ok && shown.problem.code !== 'hash_conflict')
        await replierFor({ client, logger, user, channel: ctx.channel, threadTs: ctx.threadTs }).explain(
          'move the wizard on',
          updated.problem,
        );
      return;
    }

    const reply = replierFor({
      client,
      logger,
      respond,
      user,
      channel: body.channel?.id,
      conversation: conversationOf(body.channel),
    });
    const message = resumed.ok
      ? wizardMessage(resumed.value.view, 'message', [], resumed.value.shape)
      : outOfDateMessage(advisor.startValue());
    await reply.replace(message, 'update the wizard');
  });

  // Opens the wizard privately for whoever clicks, from a public reply or the Home tab; the public message stays.
  app.action<ButtonClick>(ACTION.open, async ({ ack, body, client, logger }) => {
    await ack();
    const message = body.message;
    const channel = body.channel?.id;
    const threadTs = message ? ((message.thread_ts as string | undefined) ?? message.ts) : undefined;
    // No respond: a problem is told in the thread the button is in, by chat.postEphemeral.
    const reply = replierFor({ client, logger, user: body.user.id, channel, threadTs });
    const ctx = { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) };
    await reply.attempt('open the wizard', () =>
      client.views.open({
        trigger_id: body.trigger_id,
        view: modalView(wizardMessage(advisor.start(), 'modal').blocks, ctx, false),
      }),
    );
  });

  // "Shared in #channel" is a link; Slack sends the click to the app all the same, and it needs an ack.
  app.action<ButtonClick>(ACTION.shared, async ({ ack }) => {
    await ack();
  });

  app.action<ButtonClick>(ACTION.scorecard, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const named = scorecardValue.decode(advisor, action.value);
    if (!named.ok) logger.info('unknown scorecard button', { reason: named.error.code, user: body.user.id });
    const reply = replierFor({
      client,
      logger,
      respond,
      user: body.user.id,
      channel: body.channel?.id,
      conversation: conversationOf(body.channel),
    });
    await reply.privately(scorecardMessage(named.ok ? named.value : advisor.comparison()), 'show the scorecard');
  });
};

/** The modal remembers a finished wizard, so that its submit posts the verdict on screen rather than the advice. */
function withWizard(ctx: ModalContext, view: WizardView): ModalContext {
  const { wizard: _previous, ...rest } = ctx;
  return view.kind === 'verdict' ? { ...rest, wizard: view.state } : rest;
}
