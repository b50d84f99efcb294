/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message.
 *
 * A suggestion of the help ("Did you mean /realtime compare?") is a button that runs it: the private help is
 * replaced by the answer, as if typed; under a public help, the answer comes privately, and the help stays.
 */
import { conversationOf } from '../conversation.js';
import { ACTION, COMMAND, RUN_SUGGESTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { fromSlack, plainText, textOnly } from '../slack-text.js';
import { commandValue } from '../values.js';
import { outOfDateMessage } from '../views/problems.js';
import { replyMessage } from '../views/reply.js';
import type { ButtonClick, Register } from './types.js';

export const registerCommand: Register = (app, { advisor }) => {
  app.command(COMMAND, async ({ ack, command }) => {
    // Slack sends the text entity-encoded, with mentions and links as markup: the advisor reads plain text.
    const asked = fromSlack(command.text);
    const reply = advisor.reply(plainText(asked));
    // "Run the wizard" is a Start over button: the navigation listener runs the wizard in this same message.
    const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
    await ack({ response_type: 'ephemeral', ...replyMessage(reply, { audience: 'private', wizardButton, asked }) });
  });

  app.action<ButtonClick>(RUN_SUGGESTION, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const user = body.user.id;
    const typed = commandValue.decode(action.value);
    if (!typed.ok) logger.info('out-of-date suggestion button', { reason: typed.error.code, user });
    const reply = replierFor({
      client,
      logger,
      respond,
      user,
      channel: body.channel?.id,
      conversation: conversationOf(body.channel),
    });
    const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
    const message = typed.ok
      ? replyMessage(advisor.reply(typed.value), { audience: 'private', wizardButton, asked: textOnly(typed.value) })
      : outOfDateMessage(advisor.startValue());
    const doing = `run ${COMMAND} ${typed.ok ? typed.value : ''}`.trim();
    if (body.container.is_ephemeral === true) await reply.replace(message, doing);
    else await reply.privately(message, doing);
  });
};
