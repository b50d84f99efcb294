/**
 * "Was this right?" on a decision in the log: Yes or No is stored at once, then a small modal offers an optional
 * note (stored with the answer on submit). Only someone who may see the decision answers for it: its person, or
 * anyone for a decision made in a public channel, in the same workspace; a value naming any other decision is
 * refused as no longer there.
 */
import type { Logger, webApi } from '@slack/bolt';
import type { Decision, FeedbackAnswer } from '../../store/store.js';
import { ACTION, FEEDBACK, FEEDBACK_CALLBACK } from '../ids.js';
import { type Replier, replierFor } from '../replier.js';
import { decisionValue, feedbackMetadata } from '../values.js';
import { feedbackModal, feedbackSavedText, mayAnswer } from '../views/decisions.js';
import { noticeMessage } from '../views/problems.js';
import { publishHome } from './home.js';
import type { ButtonClick, ListenerDeps, Register } from './types.js';

const GONE =
  'That decision is no longer in the log (it may have passed the retention period), so there is nothing to answer for.';
const FAILED = ':warning: I could not save your answer just now. Try again in a minute.';

/** The decision the value names, if this person in this workspace may answer for it. */
async function answerable(
  { store }: Pick<ListenerDeps, 'store'>,
  id: string,
  teamId: string | undefined,
  user: string,
): Promise<Decision | null> {
  const decision = await store.decisions.find(id);
  return decision && decision.teamId === teamId && mayAnswer(decision, user) ? decision : null;
}

async function save(
  deps: ListenerDeps,
  logger: Logger,
  reply: Replier,
  ask: { id: string; teamId: string | undefined; user: string; answer: FeedbackAnswer; note?: string | null },
): Promise<Decision | null | 'failed'> {
  try {
    const decision = await answerable(deps, ask.id, ask.teamId, ask.user);
    if (!decision) {
      await reply.privately(noticeMessage(GONE), 'answer for the decision');
      return null;
    }
    const saved = await deps.store.decisions.recordFeedback(decision.id, {
      answer: ask.answer,
      note: ask.note ?? null,
    });
    if (!saved) await reply.privately(noticeMessage(GONE), 'answer for the decision');
    return saved ? decision : null;
  } catch (error) {
    logger.error('could not save feedback', {
      decision: ask.id,
      user: ask.user,
      message: error instanceof Error ? error.message : String(error),
    });
    await reply.privately(noticeMessage(FAILED), 'save your answer');
    return 'failed';
  }
}

export const registerFeedback: Register = (app, deps) => {
  app.action<ButtonClick>(FEEDBACK, async ({ ack, action, body, client, respond, logger }) => {
    await ack();
    const answer: FeedbackAnswer = action.action_id === ACTION.feedbackYes ? 'yes' : 'no';
    const user = body.user.id;
    const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const reply = replierFor({ client, logger, respond, user, channel });
    const id = decisionValue.decode(action.value);
    if (!id.ok) {
      logger.info('out-of-date feedback button', { reason: id.error.code, user });
      await reply.privately(noticeMessage(GONE), 'answer for the decision');
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id;
    const decision = await save(deps, logger, reply, { id: id.value, teamId, user, answer });
    if (!decision || decision === 'failed') return;
    const fromHome = body.view?.type === 'home';
    const pickName = deps.advisor.revisit(decision).shared.name;
    // The answer is saved; the modal only offers a note, so a trigger that expired costs the note, not the answer.
    const opened = await reply.attempt(
      'ask for a note',
      () =>
        client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(decision, pickName, answer, fromHome) }),
      { tell: false },
    );
    if (fromHome && teamId) await publishHome(deps, { client, logger, teamId, user });
    else if (!opened.ok)
      await reply.privately(noticeMessage(feedbackSavedText(pickName, answer)), 'confirm your answer');
  });

  app.view(FEEDBACK_CALLBACK, async ({ ack, view, body, client, logger }) => {
    await ack(); // closes the modal: the answer is saved already, the note follows
    const user = body.user.id;
    const metadata = feedbackMetadata.decode(view.private_metadata);
    if (!metadata.ok) {
      logger.warn('unreadable feedback metadata', { reason: metadata.error.code, user });
      return;
    }
    const note = view.state.values.feedback_note?.note?.value?.trim() || null;
    if (!note) return; // nothing to add to the answer already saved
    const { decisionId, answer, fromHome } = metadata.value;
    const teamId = body.team?.id ?? body.user.team_id;
    const reply = replierFor({ client, logger, user });
    const decision = await save(deps, logger, reply, { id: decisionId, teamId, user, answer, note });
    if (decision && decision !== 'failed' && fromHome && teamId)
      await publishHome(deps, { client: client as webApi.WebClient, logger, teamId, user });
  });
};
