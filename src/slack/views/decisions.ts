/**
 * The decision log as Block Kit: a past decision (the pick shared, its reasons re-rendered from the stored answers,
 * and what the rules say now where they changed), the channel's history for `/realtime history`, the Home tab's
 * section, and "Was this right?" with its small note modal.
 */
import type { Revisited } from '../../advisor/index.js';
import type { Decision, FeedbackAnswer } from '../../store/store.js';
import { ACTION, COMMAND, FEEDBACK_CALLBACK } from '../ids.js';
import { clip } from '../slack-text.js';
import { decisionValue, feedbackMetadata } from '../values.js';
import {
  button,
  context,
  escapeText,
  header,
  type KnownBlock,
  type ModalView,
  type SlackMessage,
  section,
} from './blocks.js';
import { tableLast } from './table.js';

/** A decision with what today's rules make of it. */
export interface PastDecision {
  decision: Decision;
  revisited: Revisited;
}

/** How many decisions `/realtime history` and the Home tab show. */
export const HISTORY_LIMIT = 10;
export const HOME_DECISIONS_LIMIT = 8;
const SITUATION_SHOWN = 280;

/** May this person answer "Was this right?" for this decision: their own, or one made in a public channel. */
export function mayAnswer(decision: Decision, userId: string): boolean {
  return decision.userId === userId || decision.inPublicChannel;
}

/** Slack shows the date in the reader's time zone; the fallback is UTC. */
function when(at: Date): string {
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

function where(decision: Decision): string {
  return decision.permalink.url !== null
    ? `<${decision.permalink.url}|the message>`
    : `no link: ${escapeText(decision.permalink.reason)}`;
}

function answered(feedback: NonNullable<Decision['feedback']>): string {
  const said = feedback.answer === 'yes' ? ':white_check_mark: Right' : ':x: Not right';
  return `${said}${feedback.note ? `: “${escapeText(clip(feedback.note, 300))}”` : ''}`;
}

/** One decision: what was shared, by whom, where and when; why; what changed since; and "Was this right?". */
export function pastDecisionBlocks(
  { decision, revisited }: PastDecision,
  viewer: string,
  options: { showChannel: boolean },
): KnownBlock[] {
  const lead = `*${escapeText(revisited.shared.name)}*, shared by <@${decision.userId}>${options.showChannel ? ` in <#${decision.channelId}>` : ''} ${when(decision.createdAt)} · ${where(decision)}`;
  const situation = decision.situation
    ? `\n_“${escapeText(clip(decision.situation.replace(/\s+/g, ' '), SITUATION_SHOWN))}”_`
    : '';
  const reasons = revisited.unreadable
    ? `_Its reasons cannot be shown: ${escapeText(revisited.unreadable)}._`
    : revisited.reasons
        .map((r) =>
          r.question
            ? `• ${escapeText(r.question)} *${escapeText(r.answer ?? '')}*: ${escapeText(r.because)}`
            : `• ${escapeText(r.because)}`,
        )
        .join('\n');
  const changed = revisited.now
    ? [
        section(
          `:warning: The rules have changed since this was shared: for the same answers they now say *${escapeText(revisited.now.pick.name)}* (${escapeText(revisited.now.headline)}). The reasons above are today's.`,
        ),
      ]
    : [];
  const value = decisionValue.encode(decision.id);
  const feedback: KnownBlock[] = decision.feedback
    ? [context(`Was this right? ${answered(decision.feedback)}`)]
    : mayAnswer(decision, viewer)
      ? [
          context('Was this right?'),
          {
            type: 'actions',
            block_id: `decision_feedback_${decision.id}`,
            elements: [button('Yes', ACTION.feedbackYes, value), button('No', ACTION.feedbackNo, value)],
          },
        ]
      : [];
  return [section(`${lead}${situation}\n${reasons}`), ...changed, ...feedback];
}

/** `/realtime history`: the channel's recent decisions, with links; says so when there are none. */
export function historyMessage(channelId: string, past: PastDecision[], viewer: string): SlackMessage {
  if (past.length === 0) {
    const none = `No decisions have been shared in <#${channelId}> yet. Run \`${COMMAND}\` and share its verdict: it is kept here.`;
    return { text: none, blocks: [section(none)] };
  }
  const text = `The last ${past.length === 1 ? 'decision' : `${past.length} decisions`} shared in <#${channelId}>: ${past.map((p) => p.revisited.shared.name).join(', ')}`;
  return {
    text,
    blocks: [
      section(`*Decisions shared in <#${channelId}>*, most recent first`),
      ...past.flatMap((p) => [{ type: 'divider' as const }, ...pastDecisionBlocks(p, viewer, { showChannel: false })]),
    ],
  };
}

/** For a surface that cannot look in the log (an @mention's public reply). */
export function historyElsewhereMessage(): SlackMessage {
  const text = `Type \`${COMMAND} history\` in a channel to see the decisions shared there; the Home tab shows yours.`;
  return { text, blocks: [section(text)] };
}

/** The Home tab's section: the viewer's own decisions and those made in public channels; undefined: unreadable. */
export function homeDecisionBlocks(past: PastDecision[] | undefined, viewer: string): KnownBlock[] {
  if (!past)
    return [
      { type: 'divider' },
      header('Decisions'),
      context(':warning: I could not read the decision log just now. Open the Home tab again in a minute.'),
    ];
  return [
    { type: 'divider' },
    header('Decisions'),
    past.length === 0
      ? context(
          'Your shared verdicts, and those shared in public channels, will be listed here. Share a verdict from the wizard to start the log.',
        )
      : context('Yours, and those shared in public channels, most recent first.'),
    ...past.flatMap((p) => pastDecisionBlocks(p, viewer, { showChannel: true })),
  ];
}

/** The small modal after Yes or No: the answer is stored already; a note is optional. */
export function feedbackModal(
  decision: Decision,
  pickName: string,
  answer: FeedbackAnswer,
  fromHome: boolean,
): ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_CALLBACK,
    title: { type: 'plain_text', text: 'Was this right?' },
    submit: { type: 'plain_text', text: 'Save note' },
    close: { type: 'plain_text', text: 'Done' },
    private_metadata: feedbackMetadata.encode({ decisionId: decision.id, answer, fromHome }),
    blocks: [
      section(
        `Saved: *${escapeText(pickName)}* ${answer === 'yes' ? 'was right' : 'was not right'}. Thank you: answers like this tune the advisor.`,
      ),
      {
        type: 'input',
        block_id: 'feedback_note',
        optional: true,
        label: {
          type: 'plain_text',
          text: answer === 'yes' ? 'What held up? (optional)' : 'What went wrong? (optional)',
        },
        element: {
          type: 'plain_text_input',
          action_id: 'note',
          multiline: true,
          max_length: 1000,
        },
      },
    ],
  };
}

/** What the person sees where they clicked, when no modal could open or the decision is gone. */
export function feedbackSavedText(pickName: string, answer: FeedbackAnswer): string {
  return `Saved: ${pickName} ${answer === 'yes' ? 'was right' : 'was not right'}. Thank you.`;
}

/**
 * A share's confirmation, with "Was this right?" for the decision it recorded (none when the log could not keep
 * it): the person who shared is asked, and can answer now or later, from here, the Home tab or the history.
 */
export function withFeedback(message: SlackMessage, decision: Decision | undefined): SlackMessage {
  if (!decision) return message;
  const value = decisionValue.encode(decision.id);
  return {
    text: message.text,
    blocks: tableLast([
      ...message.blocks,
      context('Was this right? Tell me once you know; the Home tab keeps it until then.'),
      {
        type: 'actions',
        block_id: `decision_feedback_${decision.id}`,
        elements: [button('Yes', ACTION.feedbackYes, value), button('No', ACTION.feedbackNo, value)],
      },
    ]),
  };
}
