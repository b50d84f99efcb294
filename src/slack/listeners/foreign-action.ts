/**
 * A button the app never made: a message left by an older version of the app, or a payload that was never ours.
 * It is acknowledged at once, like any click, and the person is told where they clicked: the Home tab is
 * published afresh, a modal says the view is out of date, and a message gets a private "out of date" note with
 * a button that starts again. Nothing is posted for others to see.
 */
import type { BlockAction } from '@slack/bolt';
import { conversationOf } from '../conversation.js';
import { FOREIGN_ACTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { outOfDateMessage } from '../views/problems.js';
import { homeView, modalView } from '../views/surfaces.js';
import type { Register } from './types.js';

export const registerForeignActions: Register = (app, { advisor }) => {
  app.action<BlockAction>({ action_id: FOREIGN_ACTION }, async ({ ack, body, respond, client, logger }) => {
    await ack();
    const user = body.user.id;
    logger.info('a button this app never made', { action: body.actions[0]?.action_id, user });
    const outOfDate = outOfDateMessage(advisor.startValue());

    if (body.view?.type === 'home') {
      const reply = replierFor({ client, logger, user });
      await reply.attempt('refresh the Home tab', () =>
        client.views.publish({ user_id: user, view: homeView(advisor.comparison(), advisor.startValue()) }),
      );
      return;
    }
    if (body.view?.type === 'modal') {
      const view = body.view;
      const reply = replierFor({ client, logger, user, modalId: view.id });
      await reply.attempt('update the modal', () =>
        client.views.update({ view_id: view.id, view: modalView(outOfDate.blocks, {}, false) }),
      );
      return;
    }
    const channel = body.channel?.id;
    // A click always says where it was; `?.` keeps a body without it (not Slack's) from throwing after the ack.
    const threadTs = (body.container?.thread_ts as string | undefined) ?? undefined;
    const reply = replierFor({
      client,
      logger,
      respond,
      user,
      channel,
      threadTs,
      conversation: conversationOf(body.channel),
    });
    // A new private message: the clicked one may not be ours to replace (another app's, or a colleague's).
    if (body.response_url) await reply.privately(outOfDate, 'say the message is out of date');
    else if (channel)
      await reply.attempt('say the message is out of date', () =>
        client.chat.postEphemeral({ channel, user, ...(threadTs ? { thread_ts: threadTs } : {}), ...outOfDate }),
      );
  });
};
