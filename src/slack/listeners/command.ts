/**
 * /realtime. Every answer goes back in the ack body itself: one round trip, no Web API call, nothing that can
 * fail after the person has been answered. Slack shows it as an ephemeral message. `/realtime history` reads the
 * channel's decision log first (one indexed query).
 *
 * A suggestion of the help ("Did you mean /realtime compare?") is a button that runs it: the private help is
 * replaced by the answer, as if typed; under a public help, the answer comes privately, and the help stays.
 */
import type { Reply } from '../../advisor/index.js';
import { conversationOf } from '../conversation.js';
import { revisitAll } from '../decision-log.js';
import { ACTION, COMMAND, RUN_SUGGESTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { fromSlack, plainText, textOnly } from '../slack-text.js';
import { commandValue } from '../values.js';
import type { SlackMessage } from '../views/blocks.js';
import { HISTORY_LIMIT, historyMessage } from '../views/decisions.js';
import { noticeMessage, outOfDateMessage } from '../views/problems.js';
import { replyMessage } from '../views/reply.js';
import type { ButtonClick, ListenerDeps, Register } from './types.js';

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
    const answer = typed.ok ? advisor.reply(typed.value) : undefined;
    const channel = body.channel?.id;
    const history = answer && channel ? await historyFor(answer, deps, channel, user, logger) : undefined;
    const message = answer
      ? replyMessage(answer, {
          audience: 'private',
          wizardButton,
          asked: textOnly(typed.ok ? typed.value : ''),
          history,
        })
      : outOfDateMessage(advisor.startValue());
    const doing = `run ${COMMAND} ${typed.ok ? typed.value : ''}`.trim();
    if (body.container.is_ephemeral === true) await reply.replace(message, doing);
    else await reply.privately(message, doing);
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
