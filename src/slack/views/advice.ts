/**
 * A piece of advice (a quick take, situational pick or 'neither' entry) as Block Kit, for Share buttons issued
 * before free text answered the wizard; and the person's words quoted back above a reply.
 */
import type { AdviceMatch, Comparison } from '../../advisor/index.js';
import { type Audience, quote, type SlackText } from '../slack-text.js';
import { context, escapeText, type KnownBlock, section } from './blocks.js';
import { capitalised } from './phrases.js';
import { dimensionRow } from './reference.js';
import { scorecardTable } from './scorecard.js';
import type { Surface } from './table.js';

/** How much of a person's situation is quoted back; the rest is not needed to recognise it. */
const QUOTE_MAX = 500;

export function adviceVerdict(match: AdviceMatch): string {
  return match.pick ? match.pick.shortName : (match.alternative ?? match.id);
}

/**
 * "SSE, for “A live dashboard…”"; a 'neither' entry by its condition: "Long polling, if a fallback must work…".
 * Plain text, not yet escaped.
 */
export function adviceHeadline(match: AdviceMatch, withPairing = false): string {
  const pairing = withPairing && match.pairing ? ` (${match.pairing})` : '';
  return match.pick
    ? `${adviceVerdict(match)}${pairing}, for “${match.situation}”`
    : `${adviceVerdict(match)}, ${match.situation}`;
}

export function adviceSummary(match: AdviceMatch): string {
  return escapeText(`Verdict: ${adviceHeadline(match, true)}`);
}

/** The reasoning of one piece of advice, wherever it is shown; what decides it is a table where `surface` has one. */
export function adviceBody(comparison: Comparison, match: AdviceMatch, surface: Surface): KnownBlock[] {
  const decides = scorecardTable(comparison, match.decidingRows, surface, 'What decides it');
  const blocks: KnownBlock[] = [
    section(
      `*${escapeText(capitalised(match.situation))}*\n${escapeText(match.reason)}${match.pairing ? `\n_${escapeText(match.pairing)}._` : ''}`,
    ),
  ];
  if (decides) blocks.push(decides);
  else if (match.decidingRows.length)
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

/** The person's words quoted back above what the advisor made of them; `max`: the most characters shown. */
export function quotedBlocks(q: Quote | undefined, max = QUOTE_MAX): KnownBlock[] {
  const words = q ? quote(q.text, q.audience, Math.min(max, QUOTE_MAX)) : '';
  if (!q || !words) return [];
  const lead =
    q.author.kind === 'asker'
      ? 'You asked'
      : q.author.user && q.audience === 'private'
        ? `<@${q.author.user}> wrote`
        : 'The message says';
  return [context(`${lead}: ${words}`)];
}
