/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message.
 */
import { ACTION, COMMAND } from '../ids.js';
import { replyMessage } from '../views/reply.js';
import type { Register } from './types.js';

export const registerCommand: Register = (app, { advisor }) => {
  app.command(COMMAND, async ({ ack, command }) => {
    const reply = advisor.reply(command.text ?? '');
    // "Run the wizard" is a Start over button: the navigation listener runs the wizard in this same message.
    const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
    await ack({ response_type: 'ephemeral', ...replyMessage(reply, { audience: 'private', wizardButton }) });
  });
};
