/** Look-ups as Block Kit: the scorecard, one dimension in depth, one technology, when to pick neither, and help. */
import { type Comparison, type Dimension, type TechnologyProfile, technologyWord } from '../../advisor/index.js';
import { COMMAND } from '../ids.js';
import { bullets, clip, context, escapeText, header, type KnownBlock, type SlackMessage, section } from './blocks.js';
import { exampleSituation, lookupWord, questionCount } from './phrases.js';

export function techName(comparison: Comparison, id: string): string {
  return comparison.technologies.find((t) => t.id === id)?.shortName ?? id;
}

/** One scorecard row: the dimension, who has the edge, and each side's short take. */
export function dimensionRow(comparison: Comparison, d: Dimension): string {
  const edge = d.edge === 'depends' ? 'depends' : `edge: ${techName(comparison, d.edge)}`;
  const sides = comparison.technologies.map(
    (t) => `${escapeText(t.shortName)}: ${escapeText(d.sides[t.id]?.short ?? '')}`,
  );
  return `*${escapeText(d.name)}* (${edge}) · ${sides.join(' · ')}`;
}

export function scorecardBlocks(comparison: Comparison): KnownBlock[] {
  const categories = [...new Set(comparison.dimensions.map((d) => d.category))];
  const [first] = comparison.dimensions;
  return [
    section(escapeText(comparison.summary)),
    ...categories.map((category) =>
      section(
        `*${category[0]?.toUpperCase()}${category.slice(1)}*\n${comparison.dimensions
          .filter((d) => d.category === category)
          .map((d) => dimensionRow(comparison, d))
          .join('\n')}`,
      ),
    ),
    context(
      `Type \`${COMMAND} <dimension>\` for one in depth${first ? `, e.g. \`${COMMAND} ${escapeText(lookupWord(first))}\`` : ''}.`,
    ),
  ];
}

export function scorecardMessage(comparison: Comparison): SlackMessage {
  const dimensions = comparison.dimensions.map((d) => d.name).join(', ');
  return {
    text: escapeText(`${comparison.title}, the scorecard: ${dimensions}`),
    blocks: [header(`${comparison.title}: the scorecard`), ...scorecardBlocks(comparison)],
  };
}

export function dimensionMessage(comparison: Comparison, d: Dimension): SlackMessage {
  const edge = d.edge === 'depends' ? 'it depends' : techName(comparison, d.edge);
  return {
    text: escapeText(
      `${d.name}: edge ${edge}. ${comparison.technologies.map((t) => `${t.shortName}: ${d.sides[t.id]?.short}`).join('; ')}`,
    ),
    blocks: [
      header(`${d.name} (edge: ${edge})`),
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
      context(
        `Sources: ${sources.map((s) => (s.url.startsWith('http') ? `<${s.url}|${escapeText(s.title)}>` : escapeText(s.title))).join(' · ')}`,
      ),
    ],
  };
}

export function neitherMessage(comparison: Comparison): SlackMessage {
  return {
    text: escapeText(`When to pick neither: ${comparison.neither.map((n) => n.name).join(', ')}`),
    blocks: [
      header('When to pick neither'),
      ...comparison.neither.map((n) =>
        section(`*${escapeText(n.name)}*\n_${escapeText(n.when)}._ ${escapeText(n.reason)}`),
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
    ? `I could not place “${escapeText(unplaced)}”.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${COMMAND} ${escapeText(s)}\``).join(' or ')}?` : ''}`
    : `I help you choose between ${comparison.technologies.map((t) => t.name).join(' and ')}, and know when to pick neither.`;
  return {
    text: unplaced
      ? `I could not place “${escapeText(unplaced)}”. Try ${COMMAND} help, ${COMMAND} compare, or describe your situation in a sentence.`
      : `How to use ${COMMAND}: the wizard, free-text advice, the scorecard, a dimension, one technology, or the alternatives.`,
    blocks: [
      section(lead),
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
