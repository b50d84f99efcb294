/**
 * Share in channel: a short verdict in the channel, attributed to the person, and the full reasoning in its
 * thread. Where the app is not a member, the share goes out through the click's response_url instead (no
 * thread possible there) and the person is told privately how to get the threaded form. No chat:write.public.
 */
import { conversationKind, isConversationBetweenPeople } from '../conversation.js';
import { ACTION } from '../ids.js';
import { replierFor } from '../replier.js';
import { isProblem, type SlackErrorCode } from '../slack-errors.js';
import { shareValue } from '../values.js';
import { noticeMessage, outOfDateMessage } from '../views/problems.js';
import { sharedPost } from '../views/share.js';
import type { ButtonClick, Register } from './types.js';

/** Codes after which the response_url can still post: it works in channels the app has not joined. */
const NOT_A_MEMBER: readonly SlackErrorCode[] = ['not_in_channel', 'channel_not_found'];

export const registerShare: Register = (app, { advisor, ledger }) => {
  app.action<ButtonClick>(ACTION.share, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const user = body.user.id;
    const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const conversation = conversationKind(channel, body.channel?.name);
    const reply = replierFor({ client, logger, respond, user, channel, conversation });
    const named = shareValue.decode(advisor, action.value);
    if (!named.ok) logger.info('out-of-date share button', { reason: named.error.code, user });
    if (!named.ok || !channel) {
      await reply.replace(outOfDateMessage(advisor.startValue()), 'share');
      return;
    }
    const post = sharedPost(named.value, user);
    // Two clicks on one button are two payloads: the key is the message and what it shares.
    const key = `share:${channel}:${body.container.message_ts ?? body.message?.ts}:${action.value}`;
    if (!ledger.claim(key)) {
      await reply.privately(noticeMessage('Already shared: it is in the channel.'), 'share');
      return;
    }

    const parent = await reply.attempt(
      'share this in the channel',
      () => client.chat.postMessage({ channel, ...post.channel }),
      { tell: false },
    );
    if (parent.ok) {
      const thread = await reply.attempt('add the reasoning to the thread', () =>
        client.chat.postMessage({ channel, thread_ts: parent.value.ts, ...post.thread }),
      );
      if (thread.ok)
        await reply.privately(
          noticeMessage(`Shared in <#${channel}>, with the reasoning in the thread.`),
          'confirm the share',
        );
      return;
    }
    if (!isProblem(parent.problem, NOT_A_MEMBER)) {
      ledger.release(key); // nothing was posted: the person can try again
      await reply.explain('share this in the channel', parent.problem);
      return;
    }

    // Not a member: the response_url can still post in the channel, as one message with no thread.
    if (!(await reply.inChannel(post.combined, 'share this in the channel'))) {
      ledger.release(key);
      return;
    }
    await reply.privately(
      noticeMessage(
        isConversationBetweenPeople(conversation)
          ? 'Shared here as one message, with the reasoning in it: Slack does not let apps into direct messages between people, so there is no thread.'
          : 'Shared in the channel without a thread, because I am not a member here. Invite me with `/invite @Realtime Advisor` to share with the reasoning in a thread.',
      ),
      'confirm the share',
    );
  });
};
