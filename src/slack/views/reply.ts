/** The answer to a typed text (after /realtime, or in an @mention) as a message. */
import type { Comparison, Reply } from '../../advisor/index.js';
import { type SlackText, textOnly } from '../slack-text.js';
import { quotedBlocks } from './advice.js';
import { button, escapeText, type SlackMessage, section, visibleLength } from './blocks.js';
import { historyElsewhereMessage } from './decisions.js';
import { exampleSituation, questionCount } from './phrases.js';
import { dimensionMessage, helpMessage, neitherMessage, scorecardMessage, technologyMessage } from './reference.js';
import { tableLast } from './table.js';
import { outvotedBlocks } from './understood.js';
import { verdictMessage, withLead } from './verdict.js';
import { questionMessage, wizardMessage } from './wizard.js';

/** A verdict opens collapsed, short enough to read at a glance: the person's words get what is left of this. */
export const COLLAPSED_VERDICT_MAX = 600;
/** The least of the person's words worth quoting above a verdict. */
const QUOTE_MIN = 40;

const NOTHING_PLACED =
  'Nothing in your words tells me which way to go, and I would rather ask than guess: here is the first question.';

export interface ReplyOptions {
  /**
   * Private (ephemeral) replies can be shared and run the wizard in place; public replies are already shared,
   * and their wizard button opens the wizard privately for whoever clicks.
   */
  audience: 'private' | 'public';
  wizardButton: { actionId: string; value: string };
  /** The person's words as Slack sent them, to quote back; without them the advisor's plain text is quoted. */
  asked?: SlackText | undefined;
  /** The channel's decision log, where the surface looked it up (`/realtime history`). */
  history?: SlackMessage | undefined;
  /** Where the words were written, for how to ask again: after an @mention (the default), or in the app's DM. */
  askedIn?: 'mention' | 'direct-message' | undefined;
}

export function replyMessage(reply: Reply, options: ReplyOptions): SlackMessage {
  switch (reply.kind) {
    case 'wizard':
      return options.audience === 'public'
        ? introMessage(reply.view.comparison, options.wizardButton, options.askedIn ?? 'mention')
        : questionMessage(reply.view);
    case 'help':
      return helpMessage(reply.comparison, reply.unplaced, reply.suggestions);
    case 'compare':
      return scorecardMessage(reply.comparison);
    case 'neither':
      return neitherMessage(reply.comparison);
    case 'history':
      return options.history ?? historyElsewhereMessage();
    case 'dimension':
      return dimensionMessage(reply.comparison, reply.dimension);
    case 'technology':
      return technologyMessage(reply.comparison, reply.profile);
    case 'understood': {
      // What was understood, and the one question still open or the verdict; its buttons continue in place.
      // In public, anyone can also run the wizard privately, leaving this reply as it is.
      const open =
        options.audience === 'public'
          ? [
              {
                type: 'actions' as const,
                block_id: 'intro_actions',
                elements: [button('Run the wizard', options.wizardButton.actionId, options.wizardButton.value)],
              },
            ]
          : [];
      // Above a collapsed verdict, the person's words get what the verdict leaves of its length: the verdict is
      // built once, measured, then given the words.
      const verdict = reply.view.kind === 'verdict' ? verdictMessage(reply.view, 'message') : undefined;
      // A statement the verdict outvoted is said above it, as the collapsed verdict has no room for what was read.
      const outvoted = verdict && reply.view.understood ? outvotedBlocks(reply.view.understood, true) : [];
      const room = verdict
        ? COLLAPSED_VERDICT_MAX - visibleLength([...verdict.blocks, ...outvoted, ...open]) - 'You asked: '.length
        : Number.POSITIVE_INFINITY;
      const asked = quotedBlocks(
        { text: options.asked ?? textOnly(reply.situation), audience: options.audience, author: { kind: 'asker' } },
        Math.max(QUOTE_MIN, room),
      );
      // Placed by the reader's findings, or by the learned second opinion where the reader found nothing it knows: an
      // answer it filled, or a condition its sure pick carried.
      const understood = reply.view.understood;
      const learned =
        (understood?.answers ?? []).some((a) => a.quotes.some((q) => q.strength === 'learned')) ||
        (understood?.conditions ?? []).some((c) => c.learned);
      const placed = reply.reading.findings.length > 0 || learned;
      const lead = placed ? [...asked, ...outvoted] : [...asked, section(NOTHING_PLACED)];
      const message = verdict ? withLead(verdict, lead) : wizardMessage(reply.view, 'message', lead);
      return {
        text: placed ? message.text : `Not sure from your words. ${message.text}`,
        blocks: tableLast([...message.blocks, ...open]),
      };
    }
  }
}

/** For a mention (or a DM) with nothing to go on: how to ask, and the wizard a click away. */
function introMessage(
  comparison: Comparison,
  wizardButton: { actionId: string; value: string },
  askedIn: 'mention' | 'direct-message',
): SlackMessage {
  const wizard = `run the wizard: ${questionCount(comparison)} and a verdict.`;
  const example = exampleSituation(comparison);
  const tell =
    askedIn === 'mention'
      ? 'Tell me your situation in a sentence after mentioning me'
      : 'Tell me your situation in a sentence';
  return {
    text: `${tell}, or ${wizard}`,
    blocks: [
      section(`${tell}${example ? ` (e.g. _${escapeText(example)}_)` : ''}, or ${wizard}`),
      {
        type: 'actions',
        block_id: 'intro_actions',
        elements: [button('Run the wizard', wizardButton.actionId, wizardButton.value)],
      },
    ],
  };
}
