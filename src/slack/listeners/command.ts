/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message.
 */
import { ACTION, COMMAND } from '../ids.js';
import { fromSlack, plainText } from '../slack-text.js';
import { replyMessage } from '../views/reply.js';
import type { Register } from './types.js';

export const registerCommand: Register = (app, { advisor }) => {
  app.command(COMMAND, async ({ ack, command }) => {
    // Slack sends the text entity-encoded, with mentions and links as markup: the advisor reads plain text.
    const asked = fromSlack(command.text);
    const reply = advisor.reply(plainText(asked));
    // "Run the wizard" is a Start over button: the navigation listener runs the wizard in this same message.
    const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
    await ack({ response_type: 'ephemeral', ...replyMessage(reply, { audience: 'private', wizardButton, asked }) });
  });
};
