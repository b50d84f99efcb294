/** Free-text advice as Block Kit: the verdict for a situation, the words that matched, or an honest "not sure". */
import type { Advice, AdviceMatch, Comparison } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import { type Audience, quote, type SlackText } from '../slack-text.js';
import { shareValue } from '../values.js';
import { bullets, button, context, escapeText, header, type KnownBlock, type SlackMessage, section } from './blocks.js';
import { capitalised, questionCount } from './phrases.js';
import { dimensionRow } from './reference.js';

/** How much of a person's situation is quoted back; the rest is not needed to recognise it. */
const QUOTE_MAX = 500;

export function adviceVerdict(match: AdviceMatch): string {
  return match.pick ? match.pick.shortName : `Neither: ${match.alternative}`;
}

export function adviceSummary(match: AdviceMatch): string {
  return escapeText(
    `Verdict: ${adviceVerdict(match)}${match.pairing ? ` (${match.pairing})` : ''}, for “${match.situation}”`,
  );
}

/** The reasoning of one piece of advice, wherever it is shown. */
export function adviceBody(comparison: Comparison, match: AdviceMatch): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(
      `*${escapeText(match.situation)}*\n${escapeText(match.reason)}${match.pairing ? `\n_${escapeText(match.pairing)}._` : ''}`,
    ),
  ];
  if (match.decidingRows.length)
    blocks.push(section(`*What decides it*\n${match.decidingRows.map((d) => dimensionRow(comparison, d)).join('\n')}`));
  return blocks;
}

/** A person's message quoted back above the advice. */
export interface Quote {
  /** The words as Slack sent them: mentions and links are shown as fits the audience. */
  text: SlackText;
  /** Who sees the quote: in public, a quoted mention never notifies anyone. */
  audience: Audience;
  /** The asker's own words ("You asked"), or a message the advisor was brought to, by its author if a person. */
  author: { kind: 'asker' } | { kind: 'message'; user?: string | undefined };
}

export interface AdviceOptions {
  /** The words the advice answers, quoted back. */
  quote?: Quote | undefined;
  /** Show the Share button (ephemeral messages), the Run the wizard button (everywhere but modals). */
  shareable?: boolean;
  /** The button that runs the wizard; its label defaults to "Run the wizard". */
  wizardButton?: { actionId: string; value: string; label?: string } | undefined;
}

function quoted(q: Quote | undefined): KnownBlock[] {
  const words = q ? quote(q.text, q.audience, QUOTE_MAX) : '';
  if (!q || !words) return [];
  const lead =
    q.author.kind === 'asker'
      ? 'You asked'
      : q.author.user && q.audience === 'private'
        ? `<@${q.author.user}> wrote`
        : 'The message says';
  return [context(`${lead}: ${words}`)];
}

export function adviceMessage(comparison: Comparison, advice: Advice, options: AdviceOptions = {}): SlackMessage {
  const wizard = options.wizardButton
    ? [
        button(
          options.wizardButton.label ?? 'Run the wizard',
          options.wizardButton.actionId,
          options.wizardButton.value,
        ),
      ]
    : [];
  if (advice.kind === 'match') {
    const { best } = advice;
    const matched = best.matched.length
      ? [context(`Matched your words: ${best.matched.map((w) => `“${escapeText(w)}”`).join(', ')}`)]
      : [];
    const actions = [
      ...(options.shareable
        ? [
            button(
              'Share in channel',
              ACTION.share,
              shareValue.encode({ kind: 'advice', comparisonId: comparison.id, entryId: best.id }),
              'primary',
            ),
          ]
        : []),
      ...wizard,
    ];
    return {
      text: adviceSummary(best),
      blocks: [
        header(`Verdict: ${adviceVerdict(best)}`),
        ...quoted(options.quote),
        ...adviceBody(comparison, best),
        ...matched,
        ...(actions.length ? [{ type: 'actions' as const, block_id: 'advice_actions', elements: actions }] : []),
      ],
    };
  }
  const candidates = advice.candidates.map((c) => `*${escapeText(adviceVerdict(c))}* for “${escapeText(c.situation)}”`);
  const questions = questionCount(comparison);
  return {
    text: candidates.length
      ? `Not sure: your situation fits picks that disagree. The wizard can settle it in ${questions}.`
      : `Not sure: I could not place that situation. The wizard can decide it in ${questions}.`,
    blocks: [
      header('Not sure yet'),
      ...quoted(options.quote),
      section(
        candidates.length
          ? `Your situation fits picks that disagree:\n${bullets(candidates)}\n${capitalised(questions)} will settle it.`
          : `I could not match that to a situation I know, and I would rather not guess. ${capitalised(questions)} will decide it.`,
      ),
      ...(wizard.length ? [{ type: 'actions' as const, block_id: 'advice_actions', elements: wizard }] : []),
    ],
  };
}
