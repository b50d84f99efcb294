/** The wizard's verdict as Block Kit: the pick, why, what decided it, caveats, alternatives and sources. */
import type { Comparison, Verdict, VerdictView } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import { scorecardValue, shareValue } from '../values.js';
import { bullets, button, context, escapeText, header, type KnownBlock, type SlackMessage, section } from './blocks.js';
import { dimensionRow } from './reference.js';
import { conditionBlocks, outweighedBlocks, quoteNote } from './understood.js';

const STRENGTH = { strong: 'Strong pick', clear: 'Clear pick', lean: 'Leaning pick' } as const;

/**
 * Where the wizard runs, which decides the verdict's buttons: an ephemeral message has Share and Scorecard; the
 * advisor's modal posts with its own submit button instead. (Not Block Kit's notion of a surface: no Home tab.)
 */
export type WizardSurface = 'message' | 'modal';

export function verdictSummary(verdict: Verdict): string {
  return escapeText(`Verdict: ${verdict.headline} (${STRENGTH[verdict.strength].toLowerCase()})`);
}

/** The reasoning every verdict carries, wherever it is shown: why, deciding rows, caveats, alternatives, sources. */
export function verdictBody(
  comparison: Comparison,
  view: Pick<VerdictView, 'verdict' | 'change' | 'understood' | 'cites'>,
  changeable: boolean,
): KnownBlock[] {
  const { verdict } = view;
  const blocks: KnownBlock[] = [
    section(
      `*${STRENGTH[verdict.strength]}.*${verdict.pairing ? ` ${escapeText(verdict.pairing)}.` : ''} ${escapeText(verdict.pick.summary)}`,
    ),
    section('*Why*'),
    ...verdict.reasons.map((reason, i) => {
      const change = view.change[i];
      return section(
        `*${escapeText(reason.question)}* ${escapeText(reason.answer)}${quoteNote(change?.quotes)}\n${escapeText(reason.because)}`,
        changeable && change ? button('Change', ACTION.change(i), change.state) : undefined,
      );
    }),
    // A condition read from free text that changed the pick, and why.
    ...verdict.conditions
      .filter((c) => c.because)
      .map((c) => section(`*Because ${escapeText(c.says)}*\n${escapeText(c.because ?? '')}`)),
    ...(view.cites ?? [])
      .slice(0, 2)
      .map((cite) => section(`*The seed's take:* _${escapeText(cite.situation)}_. ${escapeText(cite.reason)}`)),
    ...(view.understood && changeable ? conditionBlocks(view.understood) : []),
    ...(view.understood ? outweighedBlocks(view.understood) : []),
  ];
  // A 'neither' verdict may have no deciding scorecard row: its summary says why.
  if (verdict.decidingRows.length)
    blocks.push(
      section(`*What decided it*\n${verdict.decidingRows.map((d) => dimensionRow(comparison, d)).join('\n')}`),
    );
  if (verdict.caveats.length)
    blocks.push(section(`*Caveats*\n${bullets(verdict.caveats.map((c) => escapeText(c.text)))}`));
  if (verdict.alternatives.length)
    blocks.push(
      section(
        `*Also consider*\n${bullets(verdict.alternatives.map((a) => `*${escapeText(a.name)}*: ${escapeText(a.reason)}`))}`,
      ),
    );
  blocks.push(
    context(
      `Sources: ${verdict.sources.map((s) => (s.url.startsWith('http') ? `<${s.url}|${escapeText(s.title)}>` : escapeText(s.title))).join(' · ')}`,
    ),
  );
  return blocks;
}

export function verdictMessage(
  view: VerdictView,
  surface: WizardSurface = 'message',
  lead: KnownBlock[] = [],
): SlackMessage {
  const { verdict } = view;
  return {
    text: verdictSummary(verdict),
    blocks: [
      header(`Verdict: ${verdict.headline}`),
      ...lead,
      ...verdictBody(view.comparison, view, true),
      {
        type: 'actions',
        block_id: 'verdict_actions',
        elements: [
          ...(surface === 'message'
            ? [
                button(
                  'Share in channel',
                  ACTION.share,
                  shareValue.encode({ kind: 'verdict', state: view.state }),
                  'primary',
                ),
                button('Full scorecard', ACTION.scorecard, scorecardValue.encode(view.comparison)),
              ]
            : []),
          ...(view.back ? [button('← Back', ACTION.back, view.back)] : []),
          button('Start over', ACTION.startOver, view.startOver),
        ],
      },
    ],
  };
}
