/** The wizard's steps and its verdict as Block Kit. */
import type { Comparison, Dimension, QuestionView, Verdict, VerdictView, WizardView } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import {
  bullets,
  button,
  context,
  escapeMrkdwn,
  header,
  type KnownBlock,
  type SlackMessage,
  section,
} from './mrkdwn.js';

const STRENGTH = { strong: 'Strong pick', clear: 'Clear pick', lean: 'Leaning pick' } as const;

/** The place a wizard runs: an ephemeral message has Share and Scorecard buttons; a modal posts with its submit. */
export type Surface = 'message' | 'modal';

function navigation(view: WizardView): KnownBlock {
  return {
    type: 'actions',
    block_id: 'wizard_navigation',
    elements: [
      ...(view.back ? [button('← Back', ACTION.back, view.back)] : []),
      button('Start over', ACTION.startOver, view.startOver),
    ],
  };
}

export function questionMessage(view: QuestionView): SlackMessage {
  const progress = `Question ${view.number} of ${view.total}`;
  const changing = view.options.some((o) => o.current);
  return {
    text: escapeMrkdwn(`${progress}: ${view.question.prompt}`),
    blocks: [
      context(`*${escapeMrkdwn(view.comparison.title)}* · ${progress}${changing ? ' · changing one answer' : ''}`),
      section(`*${escapeMrkdwn(view.question.prompt)}*`),
      {
        type: 'actions',
        block_id: `wizard_question_${view.question.id}`,
        elements: view.options.map((option, i) =>
          button(
            option.current ? `✓ ${option.label}` : option.label,
            ACTION.answer(i),
            option.next,
            option.current ? 'primary' : undefined,
          ),
        ),
      },
      ...(view.number > 1 || view.back ? [navigation(view)] : []),
    ],
  };
}

export function techName(comparison: Comparison, id: string): string {
  return comparison.technologies.find((t) => t.id === id)?.shortName ?? id;
}

/** One scorecard row: the dimension, who has the edge, and each side's short take. */
export function dimensionRow(comparison: Comparison, d: Dimension): string {
  const edge = d.edge === 'depends' ? 'depends' : `edge: ${techName(comparison, d.edge)}`;
  const sides = comparison.technologies.map(
    (t) => `${escapeMrkdwn(t.shortName)}: ${escapeMrkdwn(d.sides[t.id]?.short ?? '')}`,
  );
  return `*${escapeMrkdwn(d.name)}* (${edge}) · ${sides.join(' · ')}`;
}

export function verdictSummary(verdict: Verdict): string {
  return escapeMrkdwn(`Verdict: ${verdict.headline} (${STRENGTH[verdict.strength].toLowerCase()})`);
}

/** The reasoning every verdict carries, wherever it is shown: why, deciding rows, caveats, alternatives, sources. */
export function verdictBody(
  comparison: Comparison,
  view: Pick<VerdictView, 'verdict' | 'change'>,
  changeable: boolean,
): KnownBlock[] {
  const { verdict } = view;
  const blocks: KnownBlock[] = [
    section(
      `*${STRENGTH[verdict.strength]}.*${verdict.pairing ? ` ${escapeMrkdwn(verdict.pairing)}.` : ''} ${escapeMrkdwn(verdict.pick.summary)}`,
    ),
    section('*Why*'),
    ...verdict.reasons.map((reason, i) => {
      const change = view.change[i];
      return section(
        `*${escapeMrkdwn(reason.question)}* ${escapeMrkdwn(reason.answer)}\n${escapeMrkdwn(reason.because)}`,
        changeable && change ? button('Change', ACTION.change(i), change.state) : undefined,
      );
    }),
    section(`*What decided it*\n${verdict.decidingRows.map((d) => dimensionRow(comparison, d)).join('\n')}`),
  ];
  if (verdict.caveats.length)
    blocks.push(section(`*Caveats*\n${bullets(verdict.caveats.map((c) => escapeMrkdwn(c.text)))}`));
  if (verdict.alternatives.length)
    blocks.push(
      section(
        `*Also consider*\n${bullets(verdict.alternatives.map((a) => `*${escapeMrkdwn(a.name)}*: ${escapeMrkdwn(a.reason)}`))}`,
      ),
    );
  blocks.push(
    context(
      `Sources: ${verdict.sources.map((s) => (s.url.startsWith('http') ? `<${s.url}|${escapeMrkdwn(s.title)}>` : escapeMrkdwn(s.title))).join(' · ')}`,
    ),
  );
  return blocks;
}

export function verdictMessage(view: VerdictView, surface: Surface = 'message'): SlackMessage {
  const { verdict } = view;
  return {
    text: verdictSummary(verdict),
    blocks: [
      header(`Verdict: ${verdict.headline}`),
      ...verdictBody(view.comparison, view, true),
      {
        type: 'actions',
        block_id: 'verdict_actions',
        elements: [
          ...(surface === 'message'
            ? [
                button('Share in channel', ACTION.share, view.state, 'primary'),
                button('Full scorecard', ACTION.scorecard, view.comparison.id),
              ]
            : []),
          ...(view.back ? [button('← Back', ACTION.back, view.back)] : []),
          button('Start over', ACTION.startOver, view.startOver),
        ],
      },
    ],
  };
}

export function wizardMessage(view: WizardView, surface: Surface = 'message'): SlackMessage {
  return view.kind === 'question' ? questionMessage(view) : verdictMessage(view, surface);
}
