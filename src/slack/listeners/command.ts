/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message.
 */
import { COMMAND } from '../ids.js';
import { replyMessage } from '../views/reply.js';
import type { Register } from './types.js';

export const registerCommand: Register = (app, { advisor }) => {
  app.command(COMMAND, async ({ ack, command }) => {
    const reply = advisor.reply(command.text ?? '');
    await ack({ response_type: 'ephemeral', ...replyMessage(reply, { shareable: true }) });
  });
};
