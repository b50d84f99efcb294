/**
 * Share in channel: a short verdict in the channel, attributed to the person, and the full reasoning in its
 * thread, through the share pipeline (share-pipeline.ts), which posts each part at most once. Where the app is
 * not a member, the share goes out through the click's response_url instead (no thread possible there) and the
 * person is told privately how to get the threaded form. No chat:write.public.
 *
 * "Share anyway" is offered only after Slack did not confirm a part of the share: the person looked, and it was
 * not there.
 */
import { conversationKind, isConversationBetweenPeople, isPublicChannel } from '../conversation.js';
import { decisionDraft } from '../decision-log.js';
import { ACTION, SHARE } from '../ids.js';
import { replierFor } from '../replier.js';
import type { ShareResult } from '../share-pipeline.js';
import { type SharedIn, shareAnywayValue, shareValue } from '../values.js';
import { withFeedback } from '../views/decisions.js';
import { noticeMessage, outOfDateMessage } from '../views/problems.js';
import { sharedPost, unsureShareMessage } from '../views/share.js';
import { verdictMessage } from '../views/verdict.js';
import type { ButtonClick, Register } from './types.js';

/** The cause of a lost answer, as the start of a sentence's second half ("Slack did not answer in time"). */
const causeOf = (result: Extract<ShareResult, { kind: 'unsure' }>) => result.problem?.advice.split(', so it may')[0];

export const registerShare: Register = (app, { advisor, shares }) => {
  app.action<ButtonClick>(SHARE, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const force = action.action_id === ACTION.shareAnyway;
    const user = body.user.id;
    const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const conversation = conversationKind(channel, body.channel?.name);
    const reply = replierFor({ client, logger, respond, user, channel, conversation });
    // Share anyway carries the message its share started on; Share is that message.
    const anyway = force ? shareAnywayValue.decode(action.value) : undefined;
    const startedOn = anyway?.ok ? anyway.value.startedOn : (body.container.message_ts ?? body.message?.ts);
    const value = anyway?.ok ? anyway.value.value : action.value;
    const named = anyway && !anyway.ok ? anyway : shareValue.decode(advisor, value);
    if (!named.ok) logger.info('out-of-date share button', { reason: named.error.code, user });
    if (!named.ok || !channel || value === undefined) {
      await reply.replace(outOfDateMessage(advisor.startValue()), 'share');
      return;
    }
    // The same verdict is the same share, whether it was shown collapsed or expanded.
    const shared = named.value.kind === 'verdict' ? named.value.view.state : value;
    const result = await shares.share(
      {
        // Two clicks on one button are two payloads: the key is the message and what it shares.
        key: `share:${channel}:${startedOn}:${shared}`,
        channel,
        post: sharedPost(named.value, user),
        fallback: (message) => reply.inChannel(message, 'share this in the channel'),
        force,
        decision: decisionDraft(advisor, named.value, {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          enterpriseId: body.enterprise?.id ?? null,
          userId: user,
          inPublicChannel: isPublicChannel(channel, body.channel?.name),
        }),
      },
      { client, reply },
    );

    switch (result.kind) {
      case 'shared': {
        // The private verdict itself says so: its Share button becomes "Shared in #channel", a link to the post.
        // Only a private one (replacing a public message would change it for everyone), and only from its own
        // Share button: "Share anyway" sits on a notice beside it.
        if (named.value.kind === 'verdict' && !force && body.container.is_ephemeral === true && result.ts) {
          // The decision log asked Slack for the link as it recorded the share (once is enough, even when Slack
          // gave none); without a log, ask now.
          const link = result.decision
            ? { ok: true as const, value: { permalink: result.decision.permalink.url ?? undefined } }
            : await reply.attempt(
                'find the link to the share',
                () => client.chat.getPermalink({ channel, message_ts: result.ts as string }),
                { tell: false },
              );
          const where: SharedIn = {
            channel,
            ...(body.channel?.name && (conversation === 'channel' || conversation === 'private-channel')
              ? { name: body.channel.name }
              : {}),
            ...(link.ok && link.value.permalink ? { link: link.value.permalink } : {}),
          };
          const shape = { expanded: named.value.shape?.expanded ?? false, shared: where };
          // "Was this right?" stays with the verdict it asks about.
          const message = withFeedback(verdictMessage(named.value.view, 'message', [], shape), result.decision);
          if (await reply.replace(message, 'show that the verdict is shared')) return;
        }
        await reply.privately(
          withFeedback(
            noticeMessage(
              result.before
                ? 'Already shared: it is in the channel.'
                : `Shared in <#${channel}>, with the reasoning in the thread.`,
            ),
            result.decision,
          ),
          'confirm the share',
        );
        return;
      }
      case 'in_progress':
        await reply.privately(noticeMessage('Already shared: it is on its way to the channel.'), 'share');
        return;
      case 'unsure':
        await reply.privately(
          unsureShareMessage(channel, result.step, shareAnywayValue.encode(startedOn ?? '0.0', value), causeOf(result)),
          'tell you about the share',
        );
        return;
      case 'refused':
        await reply.explain(
          result.step === 'post' ? 'share this in the channel' : 'add the reasoning to the thread',
          result.problem,
        );
        return;
      case 'shared-without-thread':
        await reply.privately(
          withFeedback(
            noticeMessage(
              isConversationBetweenPeople(conversation)
                ? 'Shared here as one message, with the reasoning in it: Slack does not let apps into direct messages between people, so there is no thread.'
                : 'Shared in the channel without a thread, because I am not a member here. Invite me with `/invite @Realtime Advisor` to share with the reasoning in a thread.',
            ),
            result.decision,
          ),
          'confirm the share',
        );
        return;
    }
  });
};
