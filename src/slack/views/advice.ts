/** Free-text advice as Block Kit: the verdict for a situation, the words that matched, or an honest "not sure". */
import type { Advice, AdviceMatch, Comparison } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import { shareValue } from '../values.js';
import {
  bullets,
  button,
  clip,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  type SlackMessage,
  section,
} from './blocks.js';
import { capitalised, questionCount } from './phrases.js';
import { dimensionRow } from './reference.js';

/** How much of a person's situation is quoted back; the rest is not needed to recognise it. */
const QUOTE_MAX = 500;

export function adviceVerdict(match: AdviceMatch): string {
  return match.pick ? match.pick.shortName : `Neither: ${match.alternative}`;
}

export function adviceSummary(match: AdviceMatch): string {
  return escapeMrkdwn(
    `Verdict: ${adviceVerdict(match)}${match.pairing ? ` (${match.pairing})` : ''}, for “${match.situation}”`,
  );
}

/** The reasoning of one piece of advice, wherever it is shown. */
export function adviceBody(comparison: Comparison, match: AdviceMatch): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(
      `*${escapeMrkdwn(match.situation)}*\n${escapeMrkdwn(match.reason)}${match.pairing ? `\n_${escapeMrkdwn(match.pairing)}._` : ''}`,
    ),
  ];
  if (match.decidingRows.length)
    blocks.push(section(`*What decides it*\n${match.decidingRows.map((d) => dimensionRow(comparison, d)).join('\n')}`));
  return blocks;
}

export interface AdviceOptions {
  /** The person's own words, quoted back (escaped). */
  situation?: string;
  /** Show the Share button (ephemeral messages), the Run the wizard button (everywhere but modals). */
  shareable?: boolean;
  /** The button that runs the wizard; its label defaults to "Run the wizard". */
  wizardButton?: { actionId: string; value: string; label?: string } | undefined;
}

function quoted(situation: string | undefined): KnownBlock[] {
  return situation ? [context(`You asked: ${escapeMrkdwn(clip(situation.replace(/\s+/g, ' '), QUOTE_MAX))}`)] : [];
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
      ? [context(`Matched your words: ${best.matched.map((w) => `“${escapeMrkdwn(w)}”`).join(', ')}`)]
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
        ...quoted(options.situation),
        ...adviceBody(comparison, best),
        ...matched,
        ...(actions.length ? [{ type: 'actions' as const, block_id: 'advice_actions', elements: actions }] : []),
      ],
    };
  }
  const candidates = advice.candidates.map(
    (c) => `*${escapeMrkdwn(adviceVerdict(c))}* for “${escapeMrkdwn(c.situation)}”`,
  );
  const questions = questionCount(comparison);
  return {
    text: candidates.length
      ? `Not sure: your situation fits picks that disagree. The wizard can settle it in ${questions}.`
      : `Not sure: I could not place that situation. The wizard can decide it in ${questions}.`,
    blocks: [
      header('Not sure yet'),
      ...quoted(options.situation),
      section(
        candidates.length
          ? `Your situation fits picks that disagree:\n${bullets(candidates)}\n${capitalised(questions)} will settle it.`
          : `I could not match that to a situation I know, and I would rather not guess. ${capitalised(questions)} will decide it.`,
      ),
      ...(wizard.length ? [{ type: 'actions' as const, block_id: 'advice_actions', elements: wizard }] : []),
    ],
  };
}
