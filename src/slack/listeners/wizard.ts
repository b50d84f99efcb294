/**
 * The wizard's buttons. Every navigation button (an answer, Back, Start over, Change) carries the state to go
 * to, so one listener serves them all: decode, ask the advisor, render, replace in place. In an ephemeral
 * message that is the click's response_url; in the advisor's modal it is views.update.
 */
import type { WizardView } from '../../advisor/index.js';
import { ACTION, WIZARD_NAVIGATION } from '../ids.js';
import { describeSlackError } from '../slack-errors.js';
import { type ModalContext, modalMetadata, scorecardValue, wizardValue } from '../values.js';
import { outOfDateMessage, problemMessage } from '../views/problems.js';
import { scorecardMessage } from '../views/reference.js';
import { modalView } from '../views/surfaces.js';
import { wizardMessage } from '../views/wizard.js';
import { respondOrExplain, tellPrivately } from './reply-in-place.js';
import type { ButtonClick, Register } from './types.js';

export const registerWizard: Register = (app, { advisor }) => {
  app.action<ButtonClick>(WIZARD_NAVIGATION, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const resumed = wizardValue.decode(advisor, action.value);
    if (!resumed.ok) logger.info('out-of-date wizard button', { reason: resumed.error.code, user: body.user.id });

    if (body.view?.type === 'modal') {
      const metadata = modalMetadata.decode(body.view.private_metadata);
      if (!metadata.ok) logger.warn('unreadable modal metadata', { reason: metadata.error.code, user: body.user.id });
      const ctx = metadata.ok ? metadata.value : {};
      const view = resumed.ok
        ? modalView(
            wizardMessage(resumed.value, 'modal').blocks,
            withWizard(ctx, resumed.value),
            resumed.value.kind === 'verdict',
          )
        : modalView(outOfDateMessage(advisor.startValue()).blocks, ctx, false);
      try {
        await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
      } catch (error) {
        // hash_conflict: two quick clicks; the second one's view is stale and the first already moved on.
        const problem = describeSlackError(error);
        logger.warn('views.update failed', { code: problem.code, user: body.user.id, view: body.view.id });
      }
      return;
    }

    const message = resumed.ok ? wizardMessage(resumed.value, 'message') : outOfDateMessage(advisor.startValue());
    await respondOrExplain(
      respond,
      client,
      logger,
      body,
      { replace_original: true, response_type: 'ephemeral', ...message },
      'update the wizard',
    );
  });

  // Opens the wizard privately for whoever clicks, from a public reply or the Home tab; the public message stays.
  app.action<ButtonClick>(ACTION.open, async ({ ack, body, client, logger }) => {
    await ack();
    const start = advisor.start();
    const message = body.message;
    const channel = body.channel?.id;
    const threadTs = message ? ((message.thread_ts as string | undefined) ?? message.ts) : undefined;
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: modalView(
          wizardMessage(start, 'modal').blocks,
          { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) },
          false,
        ),
      });
    } catch (error) {
      const problem = describeSlackError(error);
      logger.warn('views.open failed', { code: problem.code, user: body.user.id, channel });
      await tellPrivately(
        client,
        logger,
        { channel, user: body.user.id, threadTs },
        problemMessage('open the wizard', problem),
      );
    }
  });

  app.action<ButtonClick>(ACTION.scorecard, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const named = scorecardValue.decode(advisor, action.value);
    if (!named.ok) logger.info('unknown scorecard button', { reason: named.error.code, user: body.user.id });
    const comparison = named.ok ? named.value : advisor.comparison();
    await respondOrExplain(
      respond,
      client,
      logger,
      body,
      { replace_original: false, response_type: 'ephemeral', ...scorecardMessage(comparison) },
      'show the scorecard',
    );
  });
};

/** The modal remembers a finished wizard, so that its submit posts the verdict on screen rather than the advice. */
function withWizard(ctx: ModalContext, view: WizardView): ModalContext {
  const { wizard: _previous, ...rest } = ctx;
  return view.kind === 'verdict' ? { ...rest, wizard: view.state } : rest;
}
