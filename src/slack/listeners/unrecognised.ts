/**
 * Interactions no other listener knows: a shortcut, modal, select menu or slash command from an older version of
 * the app (or from a manifest that does not match this code). Bolt leaves them unacknowledged, so Slack shows
 * the person an error after 3 seconds. Each is acknowledged at once here and logged once; where a person acted,
 * they are told it is out of date and what to use instead. Nothing is posted for others to see.
 * Buttons the app never made are answered in foreign-action.ts.
 */

import type { GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { anyIdBut, COMMAND, KNOWN, SHORTCUT_NAME } from '../ids.js';
import { replierFor } from '../replier.js';
import { decodeEntities, escapeText } from '../slack-text.js';
import { noticeMessage } from '../views/problems.js';
import { statusModal } from '../views/surfaces.js';
import type { Register } from './types.js';

const WHAT_INSTEAD = `Use \`${COMMAND}\`, or *${SHORTCUT_NAME}* from a message's ⋯ menu.`;
const outOfDate = (what: string) =>
  `:hourglass: ${what} is out of date: it is from an older version of this app. ${WHAT_INSTEAD}`;

export const registerUnrecognised: Register = (app) => {
  app.shortcut<GlobalShortcut>(
    { type: 'shortcut', callback_id: anyIdBut(KNOWN.globalShortcuts) },
    async ({ ack, shortcut, client, logger }) => {
      await ack();
      const user = shortcut.user.id;
      logger.info('a shortcut this app does not have', { callback_id: shortcut.callback_id, user });
      // No channel to answer in: the trigger opens a modal that says so, within its 3 seconds.
      await replierFor({ client, logger, user }).attempt('say the shortcut is out of date', () =>
        client.views.open({ trigger_id: shortcut.trigger_id, view: statusModal(outOfDate('This shortcut')) }),
      );
    },
  );

  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: anyIdBut(KNOWN.messageShortcuts) },
    async ({ ack, shortcut, client, respond, logger }) => {
      await ack();
      const user = shortcut.user.id;
      const channel = shortcut.channel?.id;
      logger.info('a message shortcut this app does not have', { callback_id: shortcut.callback_id, user, channel });
      const reply = replierFor({ client, logger, user, channel, respond });
      await reply.privately(noticeMessage(outOfDate('That shortcut')), 'say the shortcut is out of date');
    },
  );

  app.view({ type: 'view_submission', callback_id: anyIdBut(KNOWN.submittedViews) }, async ({ ack, view, body }) => {
    // The modal on screen is replaced: there is nothing left in it to submit.
    await ack({ response_action: 'update', view: statusModal(outOfDate('This form')) });
    app.logger.info('a modal this app does not know was submitted', {
      callback_id: view.callback_id,
      user: body.user.id,
    });
  });

  app.view({ type: 'view_closed', callback_id: anyIdBut(KNOWN.closedViews) }, async ({ ack }) => {
    await ack(); // The person has already closed it: nothing to say.
  });

  app.options({ action_id: anyIdBut(KNOWN.optionSources) }, async ({ ack, payload, body, logger }) => {
    await ack({ options: [] });
    logger.info('a select menu this app does not know asked for options', {
      action_id: payload.action_id,
      user: body.user?.id,
    });
  });

  app.command(anyIdBut(KNOWN.commands), async ({ ack, command, logger }) => {
    // The command's name as Slack sent it is echoed once encoded, like any text the app did not write.
    const name = escapeText(decodeEntities(command.command));
    await ack({ response_type: 'ephemeral', text: `${name} is not a command of this app. ${WHAT_INSTEAD}` });
    logger.info('a slash command this app does not have', { command: command.command, user: command.user_id });
  });
};
