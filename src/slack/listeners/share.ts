/**
 * Share in channel: a short verdict in the channel, attributed to the person, and the full reasoning in its
 * thread, through the share pipeline (share-pipeline.ts), which posts each part at most once. Where the app is
 * not a member, the share goes out through the click's response_url instead (no thread possible there) and the
 * person is told privately how to get the threaded form. No chat:write.public.
 *
 * In the assistant panel (a thread of the person's DM with the app), "the channel" is the one they are viewing
 * beside it, the thread's context (assistant-context.ts). The click's response_url posts only in the DM, so there
 * is no fallback: where the app is not a member, the person is told to invite it. The verdict in the panel is
 * theirs alone, so it is replaced in place by its link, and a line says where the share went.
 *
 * "Share anyway" is offered only after Slack did not confirm a part of the share: the person looked, and it was
 * not there.
 */
import { viewedChannel } from '../assistant-context.js';
import { conversationKind, isConversationBetweenPeople, isPublicChannel } from '../conversation.js';
import { decisionDraft } from '../decision-log.js';
import { ACTION, SHARE } from '../ids.js';
import { replierFor } from '../replier.js';
import type { ShareResult } from '../share-pipeline.js';
import { type SharedIn, shareAnywayValue, shareValue } from '../values.js';
import { noChannelInViewMessage } from '../views/assistant.js';
import { withFeedback } from '../views/decisions.js';
import { noticeMessage, outOfDateMessage } from '../views/problems.js';
import { sharedPost, unsureShareMessage } from '../views/share.js';
import { verdictMessage } from '../views/verdict.js';
import type { ButtonClick, Register } from './types.js';

/** The cause of a lost answer, as the start of a sentence's second half ("Slack did not answer in time"). */
const causeOf = (result: Extract<ShareResult, { kind: 'unsure' }>) => result.problem?.advice.split(', so it may')[0];

export const registerShare: Register = (app, { advisor, shares }) => {
  // One listener for Share and Share anyway: Bolt runs every listener's filters on every request.
  app.action<ButtonClick>(SHARE, async ({ ack, action, body, respond, client, logger, context }) => {
    const force = action.action_id === ACTION.shareAnyway;
    await ack();
    const user = body.user.id;
    const clickedIn = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const panelThread = panelThreadOf(body, conversationKind(clickedIn, body.channel?.name));
    let channel = clickedIn;
    if (panelThread && clickedIn) {
      const here = replierFor({ client, logger, respond, user, channel: clickedIn, threadTs: panelThread });
      const viewed = await here.attempt('find the channel you are viewing', () =>
        viewedChannel({ client, logger, botUserId: context.botUserId, channel: clickedIn, threadTs: panelThread }),
      );
      if (!viewed.ok) return; // told
      if (!viewed.value) {
        await here.privately(noChannelInViewMessage(), 'share');
        return;
      }
      channel = viewed.value;
    }
    const panel = panelThread !== undefined;
    const conversation = panel ? conversationKind(channel) : conversationKind(channel, body.channel?.name);
    const reply = replierFor({
      client,
      logger,
      respond,
      user,
      channel: clickedIn,
      conversation,
      ...(panelThread ? { threadTs: panelThread } : {}),
    });
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
        // The click's response_url posts where the click was: in the panel, that is the DM, not the channel.
        fallback: panel ? undefined : (message) => reply.inChannel(message, 'share this in the channel'),
        force,
        decision: decisionDraft(advisor, named.value, {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          enterpriseId: body.enterprise?.id ?? null,
          userId: user,
          // The panel's context names no channel's kind: not taken for public, so it stays the person's own.
          inPublicChannel: !panel && isPublicChannel(channel, body.channel?.name),
        }),
      },
      { client, reply },
    );

    switch (result.kind) {
      case 'shared': {
        // The private verdict itself says so: its Share button becomes "Shared in #channel", a link to the post.
        // Only a private one (replacing a public message would change it for everyone; the panel is the
        // person's own), and only from its own Share button: "Share anyway" sits on a notice beside it.
        const privateVerdict = body.container.is_ephemeral === true || panel;
        if (named.value.kind === 'verdict' && !force && privateVerdict && result.ts) {
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
            ...(!panel && body.channel?.name && (conversation === 'channel' || conversation === 'private-channel')
              ? { name: body.channel.name }
              : {}),
            ...(link.ok && link.value.permalink ? { link: link.value.permalink } : {}),
          };
          const shape = { expanded: named.value.shape?.expanded ?? false, shared: where };
          // "Was this right?" stays with the verdict it asks about.
          const message = withFeedback(verdictMessage(named.value.view, 'message', [], shape), result.decision);
          const replaced = await reply.replace(message, 'show that the verdict is shared');
          // The panel's link has no channel name to show: a line names the channel (Slack shows it by name).
          if (replaced && !panel) return;
          if (replaced) {
            await reply.privately(noticeMessage(sharedNotice(channel, result.before)), 'confirm the share');
            return;
          }
        }
        await reply.privately(
          withFeedback(noticeMessage(sharedNotice(channel, result.before)), result.decision),
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
      case 'refused': {
        const where = panel ? `<#${channel}>` : 'the channel';
        const doing = result.step === 'post' ? `share this in ${where}` : 'add the reasoning to the thread';
        await reply.explain(doing, result.problem);
        return;
      }
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

function sharedNotice(channel: string, before: boolean): string {
  return before
    ? `Already shared: it is in <#${channel}>.`
    : `Shared in <#${channel}>, with the reasoning in the thread.`;
}

/**
 * The assistant panel thread a click was in: a reply in a thread of the app's DM with the person. A message the
 * app posted at the top of its DM, or a thread's first message, is not in the panel.
 */
function panelThreadOf(body: ButtonClick, kind: ReturnType<typeof conversationKind>): string | undefined {
  if (kind !== 'direct-message') return undefined;
  const threadTs = (body.message?.thread_ts as string | undefined) ?? body.container?.thread_ts;
  const clicked = body.container?.message_ts ?? body.message?.ts;
  return typeof threadTs === 'string' && threadTs !== clicked ? threadTs : undefined;
}
