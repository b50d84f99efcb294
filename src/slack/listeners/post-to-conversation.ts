/**
 * The advisor's modal opened from the Home tab has no thread to reply in: its submit posts the verdict in the
 * conversation the person picked ("Post it in", a conversations_select with response_url_enabled). Through the
 * share pipeline, as a Share click is: where the app is a member, the short verdict with the reasoning in its
 * thread; where it is not, the pick's response_url posts the whole share as one message. The modal then says
 * where it went.
 */

import type { Logger, RespondFn, ViewOutput, webApi } from '@slack/bolt';
import { conversationKind, isConversationBetweenPeople } from '../conversation.js';
import type { DecisionDraft } from '../decision-log.js';
import { POST_TO } from '../ids.js';
import { replierFor } from '../replier.js';
import type { SharePipeline } from '../share-pipeline.js';
import type { SharedPost } from '../views/share.js';
import { statusModal } from '../views/surfaces.js';

/** A conversation id as Slack sends it in `selected_conversation`: C…, G… or D…. */
const CONVERSATION_ID = /^[CDG][A-Z0-9]{2,}$/;

/** The conversation picked in the modal's "Post it in", if the modal has one and it holds an id. */
export function pickedConversation(view: ViewOutput): string | undefined {
  const picked = view.state.values[POST_TO.block]?.[POST_TO.action]?.selected_conversation;
  return typeof picked === 'string' && CONVERSATION_ID.test(picked) ? picked : undefined;
}

/** While it posts, the modal says where to; the submit's ack shows this. */
export const postingModal = (channel: string) => statusModal(`Posting in <#${channel}>…`);

export interface PostToConversation {
  /** The submitted modal, already answered with `postingModal`. */
  view: ViewOutput;
  user: string;
  post: SharedPost;
  /** What the decision log keeps once the post is complete. */
  decision?: DecisionDraft | undefined;
  channel: string;
  client: webApi.WebClient;
  logger: Logger;
  respond: RespondFn | undefined;
  shares: SharePipeline;
}

export async function postToConversation(args: PostToConversation): Promise<void> {
  const { view, user, post, decision, channel, client, logger, respond, shares } = args;
  const where = `<#${channel}>`;
  const reply = replierFor({
    client,
    logger,
    user,
    respond,
    modalId: view.id,
    again: 'Run the wizard again from Home',
  });
  const doing = `post it in ${where}`;
  const result = await shares.share(
    {
      // A replayed submit is the same post; the modal is replaced at once, so it cannot be submitted twice.
      key: `post:${view.id}:${channel}`,
      channel,
      post,
      decision,
      fallback: respond ? (message) => reply.inChannel(message, doing) : undefined,
    },
    { client, reply },
  );
  const done = (text: string) =>
    reply.attempt('say where it went', () => client.views.update({ view_id: view.id, view: statusModal(text) }), {
      tell: false, // the post is there for everyone to see; a stale "Posting…" is all that is left
    });
  switch (result.kind) {
    case 'shared':
      await done(
        result.before
          ? `:white_check_mark: Already posted in ${where}.`
          : `:white_check_mark: Posted in ${where}, with the reasoning in its thread.`,
      );
      return;
    case 'shared-without-thread':
      await done(
        `:white_check_mark: Posted in ${where} as one message, with the reasoning in it: ${
          isConversationBetweenPeople(conversationKind(channel))
            ? 'Slack does not let apps into conversations between people, so there is no thread.'
            : 'I am not a member there, so there is no thread. Invite me with `/invite @Realtime Advisor` to have the reasoning threaded next time.'
        }`,
      );
      return;
    case 'in_progress':
      await done(`Already on its way to ${where}.`);
      return;
    case 'unsure':
      await reply.explain(
        doing,
        result.problem ?? {
          code: 'unsure',
          advice: `Slack did not confirm an earlier try, so it may be there already. Look in ${where}.`,
          mayHaveHappened: true,
        },
      );
      return;
    case 'refused':
      await reply.explain(doing, result.problem);
      return;
  }
}
