/**
 * How a button click updates what the person is looking at. An ephemeral message cannot be edited with
 * chat.update, so it is replaced through the click's response_url; a modal is updated with views.update.
 * When that fails (a response_url lasts 30 minutes), the person is told privately what to do.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { describeSlackError } from '../slack-errors.js';
import type { SlackMessage } from '../views/blocks.js';
import { problemMessage } from '../views/problems.js';
import type { ButtonClick } from './types.js';

interface Logger {
  warn(...msg: unknown[]): void;
}

/** Tells the person privately; used when the normal way to answer has failed. Never throws. */
export async function tellPrivately(
  client: WebClient,
  logger: Logger,
  where: { channel?: string | undefined; user: string; threadTs?: string | undefined },
  message: SlackMessage,
): Promise<void> {
  if (!where.channel) return;
  try {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      ...message,
    });
  } catch (error) {
    logger.warn('could not tell the person privately', {
      code: describeSlackError(error).code,
      channel: where.channel,
      user: where.user,
    });
  }
}

/** Sends through respond(); on failure, says why privately in the channel. Returns whether it got through. */
export async function respondOrExplain(
  respond: RespondFn,
  client: WebClient,
  logger: Logger,
  body: ButtonClick | { user: { id: string }; channel?: { id: string } },
  message: Parameters<RespondFn>[0],
  doing: string,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    const problem = describeSlackError(error);
    logger.warn(`respond failed while trying to ${doing}`, {
      code: problem.code,
      user: body.user.id,
      channel: body.channel?.id,
    });
    await tellPrivately(
      client,
      logger,
      { channel: body.channel?.id, user: body.user.id },
      problemMessage(doing, problem),
    );
    return false;
  }
}
