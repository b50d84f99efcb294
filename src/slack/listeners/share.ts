/**
 * Share in channel: a short verdict in the channel, attributed to the person, and the full reasoning in its
 * thread. Where the app is not a member, the share goes out through the click's response_url instead (no
 * thread possible there) and the person is told privately how to get the threaded form. No chat:write.public.
 */
import { ACTION } from '../ids.js';
import { describeSlackError } from '../slack-errors.js';
import { shareValue } from '../values.js';
import type { SlackMessage } from '../views/blocks.js';
import { noticeMessage, outOfDateMessage, problemMessage } from '../views/problems.js';
import { sharedPost } from '../views/share.js';
import { respondOrExplain } from './reply-in-place.js';
import type { ButtonClick, Register } from './types.js';

/** Codes after which the response_url can still post: it works in channels the app has not joined. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

export const registerShare: Register = (app, { advisor, ledger }) => {
  app.action<ButtonClick>(ACTION.share, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const user = body.user.id;
    const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const named = shareValue.decode(advisor, action.value);
    if (!named.ok) logger.info('out-of-date share button', { reason: named.error.code, user });
    const post = named.ok ? sharedPost(named.value, user) : undefined;
    const tell = (message: Parameters<typeof respond>[0], doing: string) =>
      respondOrExplain(respond, client, logger, body, message, doing);
    /** A new private message beside the one clicked, which stays as it is. */
    const privately = (message: SlackMessage, doing = 'share') =>
      tell({ replace_original: false, response_type: 'ephemeral', ...message }, doing);

    if (!post || !channel) {
      await tell(
        { replace_original: true, response_type: 'ephemeral', ...outOfDateMessage(advisor.startValue()) },
        'share',
      );
      return;
    }
    // Two clicks on one button are two payloads: the key is the message and what it shares.
    const key = `share:${channel}:${body.container.message_ts ?? body.message?.ts}:${action.value}`;
    if (!ledger.claim(key)) {
      await privately(noticeMessage('Already shared: it is in the channel.'));
      return;
    }

    let parentTs: string | undefined;
    try {
      const parent = await client.chat.postMessage({ channel, ...post.channel });
      parentTs = parent.ts;
      await client.chat.postMessage({ channel, thread_ts: parentTs, ...post.thread });
      await privately(noticeMessage(`Shared in <#${channel}>, with the reasoning in the thread.`), 'confirm the share');
      return;
    } catch (error) {
      const problem = describeSlackError(error);
      logger.warn('share failed', { code: problem.code, channel, user, posted: Boolean(parentTs) });
      if (parentTs) {
        await privately(problemMessage('add the reasoning to the thread', problem));
        return;
      }
      if (!NOT_A_MEMBER.has(problem.code)) {
        ledger.release(key);
        await privately(problemMessage('share this in the channel', problem));
        return;
      }
    }

    // Not a member: the response_url can still post in the channel, as one message with no thread.
    const shared = await tell(
      { replace_original: false, response_type: 'in_channel', ...post.combined },
      'share this in the channel',
    );
    if (!shared) {
      ledger.release(key);
      return;
    }
    await privately(
      noticeMessage(
        'Shared in the channel without a thread, because I am not a member here. Invite me with `/invite @Realtime Advisor` to share with the reasoning in a thread.',
      ),
      'confirm the share',
    );
  });
};
