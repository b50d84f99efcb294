/** Look-ups as Block Kit: the scorecard, one dimension in depth, one technology, when to pick neither, and help. */
import {
  type Comparison,
  type Dimension,
  edgeLabel,
  type Source,
  type TechnologyProfile,
  technologyWord,
} from '../../advisor/index.js';
import { ACTION, COMMAND } from '../ids.js';
import { commandValue } from '../values.js';
import {
  bullets,
  button,
  clip,
  context,
  escapeText,
  header,
  type KnownBlock,
  type SlackMessage,
  section,
} from './blocks.js';
import { exampleSituation, lookupWord, questionCount } from './phrases.js';
import { edgeSummary, scorecardTable } from './scorecard.js';
import { type Surface, tableLast } from './table.js';

export function techName(comparison: Comparison, id: string): string {
  return comparison.technologies.find((t) => t.id === id)?.shortName ?? id;
}

/** One scorecard row: the dimension, who has the edge, and each side's short take. */
export function dimensionRow(comparison: Comparison, d: Dimension): string {
  const edge = edgeLabel(comparison, d);
  const sides = comparison.technologies.map(
    (t) => `${escapeText(t.shortName)}: ${escapeText(d.sides[t.id]?.short ?? '')}`,
  );
  return `*${escapeText(d.name)}* (${edge}) · ${sides.join(' · ')}`;
}

/** Sources as links where they have a web address, for a context block. */
export function sourceLinks(sources: readonly Source[]): string {
  return sources
    .map((s) => (s.url.startsWith('http') ? `<${s.url}|${escapeText(s.title)}>` : escapeText(s.title)))
    .join(' · ');
}

/**
 * The scorecard for `surface`: its rows as a table where Slack shows one (a message, the Home tab), grouped by
 * category as lines of text where it does not (a modal).
 */
export function scorecardBlocks(comparison: Comparison, surface: Surface): KnownBlock[] {
  const table = scorecardTable(comparison, comparison.dimensions, surface);
  const categories = [...new Set(comparison.dimensions.map((d) => d.category))];
  const [first] = comparison.dimensions;
  return [
    section(escapeText(comparison.summary)),
    ...(table
      ? []
      : categories.map((category) =>
          section(
            `*${category[0]?.toUpperCase()}${category.slice(1)}*\n${comparison.dimensions
              .filter((d) => d.category === category)
              .map((d) => dimensionRow(comparison, d))
              .join('\n')}`,
          ),
        )),
    context(
      `Type \`${COMMAND} &lt;dimension&gt;\` for one in depth${first ? `, e.g. \`${COMMAND} ${escapeText(lookupWord(first))}\`` : ''}.`,
    ),
    ...(table ? [table] : []),
  ];
}

/** Every source behind the comparison: a verdict cites only the few that support it, the scorecard all of them. */
function allSourcesBlock(comparison: Comparison): KnownBlock {
  return context(`Sources: ${sourceLinks(comparison.sources)}`);
}

/** `/realtime compare`, in a message (ephemeral or not): the scorecard as a table, below every other block. */
export function scorecardMessage(comparison: Comparison): SlackMessage {
  return {
    text: escapeText(`${comparison.title}, the scorecard: ${edgeSummary(comparison)}`),
    blocks: tableLast([
      header(`${comparison.title}: the scorecard`),
      ...scorecardBlocks(comparison, 'message'),
      allSourcesBlock(comparison),
    ]),
  };
}

export function dimensionMessage(comparison: Comparison, d: Dimension): SlackMessage {
  const edge = edgeLabel(comparison, d);
  return {
    text: escapeText(
      `${d.name} (${edge}). ${comparison.technologies.map((t) => `${t.shortName}: ${d.sides[t.id]?.short}`).join('; ')}`,
    ),
    blocks: [
      header(`${d.name} (${edge})`),
      ...comparison.technologies.map((t) =>
        section(
          `*${escapeText(t.shortName)}*: ${escapeText(d.sides[t.id]?.short ?? '')}\n${escapeText(d.sides[t.id]?.detail ?? '')}`,
        ),
      ),
      ...(d.note ? [context(`Note: ${escapeText(d.note)}`)] : []),
      context(`Category: ${d.category} · ${COMMAND} compare shows every dimension.`),
    ],
  };
}

/** One technology by name: what it is, where it has the edge, and the situations whose pick it is. */
export function technologyMessage(comparison: Comparison, profile: TechnologyProfile): SlackMessage {
  const { technology: t, strengths, wins, others, sources } = profile;
  const edge = strengths.length ? `It has the edge on ${strengths.map((d) => d.name.toLowerCase()).join(', ')}.` : '';
  const winsText = wins.length ? `Pick it when: ${wins.map((w) => w.situation.toLowerCase()).join('; ')}.` : '';
  const otherWords = others.map((o) => `\`${COMMAND} ${escapeText(technologyWord(o))}\``).join(' or ');
  return {
    text: clip(
      escapeText([`${t.name} (${t.shortName}): ${t.summary}`, edge, winsText].filter(Boolean).join(' ')),
      3000,
    ),
    blocks: [
      header(t.name),
      section(`${escapeText(t.summary)}\n_Since ${escapeText(t.since)} · ${escapeText(t.by)}_`),
      ...(strengths.length
        ? [
            section(
              `*Where it has the edge*\n${bullets(strengths.map((d) => `*${escapeText(d.name)}*: ${escapeText(d.sides[t.id]?.detail ?? '')}`))}`,
            ),
          ]
        : []),
      ...(wins.length
        ? [
            section(
              `*When it wins*\n${bullets(wins.map((w) => `*${escapeText(w.situation)}*: ${escapeText(w.reason)}`))}`,
            ),
          ]
        : []),
      context(
        [
          ...(otherWords ? [`Where the other side wins: ${otherWords}.`] : []),
          `\`${COMMAND}\` asks ${questionCount(comparison)} for a verdict on your case.`,
        ].join(' '),
      ),
      context(`Sources: ${sourceLinks(sources)}`),
    ],
  };
}

export function neitherMessage(comparison: Comparison): SlackMessage {
  return {
    text: escapeText(`When to pick neither: ${comparison.neither.map((n) => n.name).join(', ')}`),
    blocks: [
      header('When to pick neither'),
      ...comparison.neither.map((n) =>
        section(`*${escapeText(n.name)}*, ${escapeText(n.when)}.\n${escapeText(n.reason)}`),
      ),
    ],
  };
}

export function helpMessage(comparison: Comparison, typed?: string, suggestions: string[] = []): SlackMessage {
  // Only a word or two reaches here, but a word can be any length.
  const unplaced = typed === undefined ? undefined : clip(typed, 100);
  const [first, ...others] = comparison.dimensions.map((d) => escapeText(lookupWord(d)));
  const example = exampleSituation(comparison);
  const lead = unplaced
    ? `I could not place “${escapeText(unplaced)}”.${suggestions.length ? ' Did you mean:' : ''}`
    : `I help you choose between ${comparison.technologies.map((t) => t.name).join(' and ')}, and know when to pick neither.`;
  // Each suggestion is a button that runs it, as if typed.
  const suggested: KnownBlock[] =
    unplaced && suggestions.length
      ? [
          {
            type: 'actions',
            block_id: 'help_suggestions',
            elements: suggestions
              .slice(0, 5)
              .map((s, i) =>
                button(`${COMMAND} ${s}`, ACTION.run(i), commandValue.encode(s), i === 0 ? 'primary' : undefined),
              ),
          },
        ]
      : [];
  return {
    text: unplaced
      ? suggestions.length
        ? `I could not place “${escapeText(unplaced)}”. Did you mean ${suggestions.map((s) => `${COMMAND} ${escapeText(s)}`).join(' or ')}?`
        : `I could not place “${escapeText(unplaced)}”. Try ${COMMAND} help, ${COMMAND} compare, or describe your situation in a sentence.`
      : `How to use ${COMMAND}: the wizard, free-text advice, the scorecard, a dimension, one technology, or the alternatives.`,
    blocks: [
      section(lead),
      ...suggested,
      section(
        bullets([
          `\`${COMMAND}\`: ${questionCount(comparison)} and a verdict that explains itself`,
          `\`${COMMAND} ${escapeText(example ?? '<your situation>')}\`: advice for your situation, in your words`,
          `\`${COMMAND} compare\`: the scorecard`,
          ...(first
            ? [
                `\`${COMMAND} ${first}\`: one dimension in depth${others.length ? ` (also ${others.map((w) => `\`${w}\``).join(', ')})` : ''}`,
              ]
            : []),
          `${comparison.technologies.map((t) => `\`${COMMAND} ${escapeText(technologyWord(t))}\``).join(' or ')}: one side's strengths and when it wins`,
          `\`${COMMAND} neither\`: when to pick something else`,
          `\`${COMMAND} history\`: the decisions shared in this channel, with links`,
          `\`${COMMAND} help\`: this message`,
        ]),
      ),
      context('In a thread, use the message shortcut *Get realtime advice* or mention @Realtime Advisor.'),
    ],
  };
}
