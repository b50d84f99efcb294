/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message. `/realtime history` reads the
 * channel's decision log first (one indexed query).
 */
import type { Reply } from '../../advisor/index.js';
import { revisitAll } from '../decision-log.js';
import { ACTION, COMMAND } from '../ids.js';
import { fromSlack, plainText } from '../slack-text.js';
import type { SlackMessage } from '../views/blocks.js';
import { HISTORY_LIMIT, historyMessage } from '../views/decisions.js';
import { noticeMessage } from '../views/problems.js';
import { replyMessage } from '../views/reply.js';
import type { ListenerDeps, Register } from './types.js';

export const registerCommand: Register = (app, deps) => {
  const { advisor } = deps;
  app.command(COMMAND, async ({ ack, command, logger }) => {
    // Slack sends the text entity-encoded, with mentions and links as markup: the advisor reads plain text.
    const asked = fromSlack(command.text);
    const reply = advisor.reply(plainText(asked));
    // "Run the wizard" is a Start over button: the navigation listener runs the wizard in this same message.
    const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
    const history = await historyFor(reply, deps, command.channel_id, command.user_id, logger);
    await ack({
      response_type: 'ephemeral',
      ...replyMessage(reply, { audience: 'private', wizardButton, asked, history }),
    });
  });
};

async function historyFor(
  reply: Reply,
  { advisor, store }: ListenerDeps,
  channel: string,
  user: string,
  logger: { error(...args: unknown[]): void },
): Promise<SlackMessage | undefined> {
  if (reply.kind !== 'history') return undefined;
  try {
    const decisions = await store.decisions.listByChannel(channel, { limit: HISTORY_LIMIT });
    return historyMessage(channel, revisitAll(advisor, decisions), user);
  } catch (error) {
    logger.error('could not read the decision log', {
      channel,
      user,
      message: error instanceof Error ? error.message : String(error),
    });
    return noticeMessage(':warning: I could not read the decision log just now. Try again in a minute.');
  }
}
