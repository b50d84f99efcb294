/**
 * A shared verdict: a short message in the channel, attributed to the person who ran the advisor, and the full
 * reasoning in its thread, so the channel stays readable.
 */
import type { AdviceMatch, Comparison, VerdictView } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import type { Shareable } from '../values.js';
import { adviceBody, adviceHeadline, adviceSummary } from './advice.js';
import { button, context, escapeText, type SlackMessage, section } from './blocks.js';
import { verdictBody, verdictSummary } from './verdict.js';

export interface SharedPost {
  /** The short message for the channel. */
  channel: SlackMessage;
  /** The reasoning, for the channel message's thread. */
  thread: SlackMessage;
  /** Channel and reasoning in one message, where no thread is possible (the app is not in the channel). */
  combined: SlackMessage;
}

function post(
  userId: string,
  what: string,
  headline: string,
  body: SlackMessage['blocks'],
  reasoningText: string,
): SharedPost {
  const lead = `<@${userId}> ran the Realtime Advisor: *${escapeText(headline)}*`;
  return {
    channel: {
      text: `<@${userId}> ran the Realtime Advisor: ${what}`,
      blocks: [section(lead), context('The reasoning is in the thread.')],
    },
    thread: { text: `Why: ${escapeText(reasoningText)}`, blocks: body },
    combined: { text: `<@${userId}> ran the Realtime Advisor: ${what}`, blocks: [section(lead), ...body] },
  };
}

export function sharedVerdict(view: VerdictView, userId: string): SharedPost {
  const { verdict } = view;
  const body = verdictBody(view.comparison, view, false, 'message');
  return post(userId, verdictSummary(verdict), verdict.headline, body, verdict.reasons.map((r) => r.because).join(' '));
}

export function sharedAdvice(comparison: Comparison, match: AdviceMatch, userId: string): SharedPost {
  return post(
    userId,
    adviceSummary(match),
    adviceHeadline(match),
    adviceBody(comparison, match, 'message'),
    match.reason,
  );
}

/** The post for what a Share button (or the modal's submit) names: a verdict, or a piece of advice. */
export function sharedPost(shareable: Shareable, userId: string): SharedPost {
  return shareable.kind === 'verdict'
    ? sharedVerdict(shareable.view, userId)
    : sharedAdvice(shareable.comparison, shareable.match, userId);
}

/**
 * Slack did not confirm a part of a share (its answer was lost): it may be there. The person looks; only if it is
 * not do they share anyway, so that a lost answer never becomes a second copy.
 */
export function unsureShareMessage(
  channel: string,
  part: 'post' | 'reasoning',
  shareValue: string,
  cause: string | undefined,
): SlackMessage {
  const where = `<#${channel}>`;
  const lead =
    part === 'post'
      ? `I am not sure the share reached ${where}: ${cause ?? 'Slack did not confirm it'}, so it may be there.`
      : `The share is in ${where}, but I am not sure the reasoning reached its thread: ${cause ?? 'Slack did not confirm it'}, so it may be there.`;
  const look = part === 'post' ? 'Look in the channel' : 'Look in the thread';
  const text = `${lead} ${look}: if it is there, you are done; if not, share it anyway.`;
  return {
    text,
    blocks: [
      section(`:grey_question: ${text}`),
      {
        type: 'actions',
        block_id: 'share_anyway',
        elements: [
          button(part === 'post' ? 'Share anyway' : 'Add the reasoning anyway', ACTION.shareAnyway, shareValue),
        ],
      },
    ],
  };
}
