/**
 * The wizard's verdict as Block Kit. It opens collapsed: the pick, the one reason that decided it, the caveat that
 * matters most, and the buttons. "Why?" expands it in place to the full reasoning (each answer's effect with its
 * Change button, what decided it, every caveat, the alternatives and the sources behind it); "Show less" collapses
 * it again. A shared verdict's thread carries the full reasoning.
 */
import type { Comparison, Verdict, VerdictView } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import {
  COLLAPSED,
  type SharedIn,
  scorecardValue,
  shareValue,
  type VerdictShape,
  verdictShapeValue,
} from '../values.js';
import {
  type Button,
  bullets,
  button,
  context,
  escapeText,
  header,
  type KnownBlock,
  type SlackMessage,
  section,
} from './blocks.js';
import { dimensionRow, sourceLinks } from './reference.js';
import { scorecardTable } from './scorecard.js';
import { type Surface, tableLast } from './table.js';
import { conditionBlocks, outweighedBlocks, quoteNote } from './understood.js';

const STRENGTH = { strong: 'Strong pick', clear: 'Clear pick', lean: 'Leaning pick' } as const;

/**
 * Where the wizard runs, which decides the verdict's buttons (an ephemeral message has Share and Scorecard; the
 * advisor's modal posts with its own submit button instead) and whether its deciding rows are a table. The wizard
 * never runs in the Home tab itself.
 */
export type WizardSurface = Extract<Surface, 'message' | 'modal'>;

export function verdictSummary(verdict: Verdict): string {
  return escapeText(`Verdict: ${verdict.headline} (${STRENGTH[verdict.strength].toLowerCase()})`);
}

/** "*Strong pick.* SSE for the stream, plus ordinary POSTs…. One-way server→client streaming over plain HTTP." */
function pickLine(verdict: Verdict): string {
  return `*${STRENGTH[verdict.strength]}.*${verdict.pairing ? ` ${escapeText(verdict.pairing)}.` : ''} ${escapeText(verdict.pick.summary)}`;
}

/**
 * The full reasoning, wherever it is shown (the expanded verdict, a shared verdict's thread): how each answer bears
 * on this verdict, what decided it, every caveat, the alternatives and the sources that support it. What decided
 * it is a table where `surface` shows one (last, where Slack puts it), lines of text in a modal.
 */
export function verdictBody(
  comparison: Comparison,
  view: Pick<VerdictView, 'verdict' | 'change' | 'understood' | 'cites'>,
  changeable: boolean,
  surface: Surface,
): KnownBlock[] {
  const { verdict } = view;
  const decided = scorecardTable(comparison, verdict.decidingRows, surface, 'What decided it');
  const blocks: KnownBlock[] = [
    section(pickLine(verdict)),
    section('*Why*'),
    ...verdict.reasons.map((reason, i) => {
      const change = view.change[i];
      return section(
        `*${escapeText(reason.topic)}:* ${escapeText(reason.answer)}${quoteNote(change?.quotes)}\n${escapeText(reason.because)}`,
        changeable && change ? button('Change', ACTION.change(i), change.state) : undefined,
      );
    }),
    // A condition read from free text that changed the pick, and why.
    ...verdict.conditions
      .filter((c) => c.because)
      .map((c) => section(`*Because ${escapeText(c.says)}*\n${escapeText(c.because ?? '')}`)),
    ...(view.cites ?? [])
      .slice(0, 2)
      .map((cite) => section(`*Rule of thumb:* _${escapeText(cite.situation)}_. ${escapeText(cite.reason)}`)),
    // What the person said, and what outweighed what: for them, not for the channel.
    ...(view.understood && changeable ? conditionBlocks(view.understood) : []),
    ...(view.understood && changeable ? outweighedBlocks(view.understood) : []),
  ];
  // A 'neither' verdict may have no deciding scorecard row: its summary says why.
  if (verdict.decidingRows.length && !decided)
    blocks.push(
      section(`*What decided it*\n${verdict.decidingRows.map((d) => dimensionRow(comparison, d)).join('\n')}`),
    );
  if (verdict.caveats.length)
    blocks.push(section(`*Caveats*\n${bullets(verdict.caveats.map((c) => escapeText(c.text)))}`));
  if (verdict.alternatives.length)
    blocks.push(
      section(
        `*Also consider*\n${bullets(verdict.alternatives.map((a) => `*${escapeText(a.name)}* ${escapeText(a.when)}. ${escapeText(a.reason)}`))}`,
      ),
    );
  if (verdict.sources.length) blocks.push(context(`Sources: ${sourceLinks(verdict.sources)}`));
  if (decided) blocks.push(decided);
  return blocks;
}

/** The collapsed verdict's body: the one reason that decided it, and the caveat that matters most. */
function collapsedBody(verdict: Verdict): KnownBlock[] {
  const [caveat] = verdict.caveats;
  return [
    section(`*${STRENGTH[verdict.strength]}.* ${escapeText(verdict.decisive)}`),
    ...(caveat ? [context(`:warning: ${escapeText(caveat.text)}`)] : []),
  ];
}

/** "Shared in #general", a link to the post; Slack shows a button with a URL as a link. */
function sharedButton(shared: SharedIn): Button {
  const where = shared.name ? `Shared in #${shared.name}` : 'Shared: see the post';
  return {
    ...button(`✓ ${where}`, ACTION.shared, 'shared'),
    ...(shared.link ? { url: shared.link } : {}),
  };
}

export function verdictMessage(
  view: VerdictView,
  surface: WizardSurface = 'message',
  lead: KnownBlock[] = [],
  shape: VerdictShape = COLLAPSED,
): SlackMessage {
  const { verdict } = view;
  const toggle = verdictShapeValue.encode(view.state, { ...shape, expanded: !shape.expanded });
  const share = shape.shared
    ? sharedButton(shape.shared)
    : button(
        'Share in channel',
        ACTION.share,
        shareValue.encode({ kind: 'verdict', state: view.state, shape }),
        'primary',
      );
  const message = {
    text: verdictSummary(verdict),
    blocks: tableLast([
      header(`Verdict: ${verdict.headline}`),
      ...(shape.expanded ? verdictBody(view.comparison, view, true, surface) : collapsedBody(verdict)),
      {
        type: 'actions',
        block_id: 'verdict_actions',
        elements: [
          ...(surface === 'message' ? [share] : []),
          button(shape.expanded ? 'Show less' : 'Why?', ACTION.why, toggle),
          ...(surface === 'message' && shape.expanded
            ? [button('Full scorecard', ACTION.scorecard, scorecardValue.encode(view.comparison))]
            : []),
          ...(view.back ? [button('← Back', ACTION.back, view.back)] : []),
          button('Start over', ACTION.startOver, view.startOver),
        ],
      },
    ]),
  };
  return withLead(message, lead);
}

/**
 * A verdict's message with `lead` where the verdict shows it, under its header: a verdict built once can be
 * measured first (reply.ts sizes the person's quoted words by what the verdict leaves), then given its lead.
 */
export function withLead(message: SlackMessage, lead: KnownBlock[]): SlackMessage {
  if (lead.length === 0) return message;
  const [top, ...rest] = message.blocks;
  return { ...message, blocks: top ? [top, ...lead, ...rest] : [...lead] };
}
