/** Plain-text renderings of advisor results for the terminal: the same content the Slack views show. */
import { isAbsolute, join, relative } from 'node:path';
import {
  type Comparison,
  DEFAULT_DATA_DIR,
  type Dimension,
  dataFileOf,
  edgeLabel,
  type QuestionView,
  type Quote,
  type Source,
  type TechnologyProfile,
  technologyWord,
  type Verdict,
  type WizardView,
} from '../advisor/index.js';

const STRENGTH_WORDS = { strong: 'strong pick', clear: 'clear pick', lean: 'leaning pick' } as const;

export function verdictText(comparison: Comparison, verdict: Verdict): string {
  const lines = [
    `Verdict: ${verdict.headline} (${STRENGTH_WORDS[verdict.strength]})`,
    ...(verdict.pairing ? [`Pair it: ${verdict.pairing}`] : []),
    '',
    'Why:',
    ...verdict.reasons.map((r) => `  - ${r.topic}: ${r.answer}. ${r.because}`),
  ];
  if (verdict.pick.kind === 'neither') lines.push('', `${verdict.pick.name}: ${verdict.pick.summary}`);
  if (verdict.decidingRows.length)
    lines.push('', 'Deciding scorecard rows:', ...verdict.decidingRows.map((d) => dimensionLine(comparison, d)));
  if (verdict.caveats.length) lines.push('', 'Caveats:', ...verdict.caveats.map((c) => `  - ${c.text}`));
  if (verdict.alternatives.length)
    lines.push('', 'Also consider:', ...verdict.alternatives.map((a) => `  - ${a.name} ${a.when}. ${a.reason}`));
  lines.push('', 'Sources:', ...verdict.sources.map((s) => `  - ${sourceText(comparison, s)}`));
  return lines.join('\n');
}

/** The data file a comparison came from, relative to the repository when it lies inside it (data/….json). */
export function dataFileText(comparison: Comparison): string | undefined {
  const file = dataFileOf(comparison);
  if (!file) return undefined;
  const fromRoot = relative(join(DEFAULT_DATA_DIR, '..'), file);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? file : fromRoot;
}

/**
 * A source with its link. A source that is no web address (the seed comparison page, kept beside the authors'
 * checkout, not in a clone) points at the data file, which carries its content and its sources.
 */
function sourceText(comparison: Comparison, source: Source): string {
  if (/^https?:\/\//.test(source.url)) return `${source.title} <${source.url}>`;
  const file = dataFileText(comparison);
  return file ? `${source.title}, structured in ${file}` : source.title;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** How many questions the wizard asks, from the data: "three questions", or "up to three" when some may be skipped. */
export function wizardQuestionsText(comparison: Comparison): string {
  const { questions } = comparison.wizard;
  const count = NUMBER_WORDS[questions.length] ?? String(questions.length);
  const noun = questions.length === 1 ? 'question' : 'questions';
  return `${questions.some((q) => q.askWhen) ? 'up to ' : ''}${count} ${noun}`;
}

/** One keyword per dimension, for the usage text: each dimension's first alias, which the look-up accepts. */
export function dimensionKeywords(comparison: Comparison): string[] {
  return comparison.dimensions.map((d) => d.aliases[0] ?? d.name.toLowerCase());
}

function dimensionLine(comparison: Comparison, d: Dimension): string {
  const sides = comparison.technologies.map((t) => `${t.shortName}: ${d.sides[t.id]?.short ?? ''}`).join(' | ');
  return `  - ${d.name} (${edgeLabel(comparison, d)}): ${sides}`;
}

/** The verdict (or the one question still open) for free text, with what was understood from it. */
export function understoodText(view: WizardView): string {
  const lines: string[] = [];
  const understood = view.understood;
  const understoodLines: string[] = [];
  if (understood && (understood.answers.length || understood.conditions.length)) {
    understoodLines.push('Understood:');
    for (const a of understood.answers) understoodLines.push(`  - ${a.question} ${a.answer}${quoteText(a.quotes)}`);
    for (const c of understood.conditions)
      understoodLines.push(`  - also: ${c.says}${c.words[0] ? ` (from "${c.words[0]}")` : ''}`);
  }
  if (view.kind === 'question') {
    lines.push(...understoodLines, ...(understoodLines.length ? [''] : []));
    if (view.conflict)
      lines.push(
        `Your text points both ways: ${view.conflict.sides.map((s) => `${s.words.map((w) => `"${w}"`).join(', ')} suggests ${s.answer}`).join('; ')}.`,
      );
    lines.push(
      questionText(view),
      '',
      `Or run the wizard (--wizard) to answer ${wizardQuestionsText(view.comparison)}.`,
    );
    return lines.join('\n');
  }
  lines.push(verdictText(view.comparison, view.verdict));
  if (understoodLines.length) lines.push('', ...understoodLines);
  for (const cite of view.cites ?? []) lines.push('', `Situation: ${cite.situation}`, `  ${cite.reason}`);
  return lines.join('\n');
}

function quoteText(quotes: readonly Quote[]): string {
  const assumed = quotes.find((q) => q.strength === 'assumed');
  if (assumed) return ` (assumed: ${assumed.words})`;
  return quotes.length ? ` (from ${quotes.map((q) => `"${q.words}"`).join(', ')})` : '';
}

/** The scorecard, with every source behind the comparison: a verdict cites only the few that support it. */
export function scorecardText(comparison: Comparison): string {
  return [
    `${comparison.title}: the scorecard`,
    ...comparison.dimensions.map((d) => dimensionLine(comparison, d)),
    '',
    'Sources:',
    ...comparison.sources.map((s) => `  - ${sourceText(comparison, s)}`),
  ].join('\n');
}

export function dimensionText(comparison: Comparison, d: Dimension): string {
  return [
    `${d.name} (${d.category}; ${edgeLabel(comparison, d)})`,
    ...comparison.technologies.map((t) => `  ${t.shortName}: ${d.sides[t.id]?.detail ?? ''}`),
    ...(d.note ? [`  Note: ${d.note}`] : []),
  ].join('\n');
}

/** Every technology's look-up word, for the usage text: "websocket, sse". */
export function technologyKeywords(comparison: Comparison): string[] {
  return comparison.technologies.map(technologyWord);
}

export function technologyText(comparison: Comparison, profile: TechnologyProfile): string {
  const { technology: t, strengths, wins, others, sources } = profile;
  const lines = [`${t.name} (${t.shortName}): ${t.summary}`, `Since ${t.since}; ${t.by}.`];
  if (strengths.length)
    lines.push('', 'Where it has the edge:', ...strengths.map((d) => `  - ${d.name}: ${d.sides[t.id]?.detail ?? ''}`));
  if (wins.length) lines.push('', 'When it wins:', ...wins.map((w) => `  - ${w.situation}: ${w.reason}`));
  if (others.length) lines.push('', `Where the other side wins: ${others.map(technologyWord).join(', ')}`);
  lines.push('', 'Sources:', ...sources.map((s) => `  - ${sourceText(comparison, s)}`));
  return lines.join('\n');
}

export function neitherText(comparison: Comparison): string {
  return ['When to pick neither:', ...comparison.neither.map((n) => `  - ${n.name}, ${n.when}. ${n.reason}`)].join(
    '\n',
  );
}

export function questionText(view: QuestionView): string {
  return [
    `Question ${view.number} of ${view.total}: ${view.question.prompt}`,
    ...view.options.map((o, i) => `  ${i + 1}. ${o.label}${o.current ? ' (current)' : ''}`),
  ].join('\n');
}
