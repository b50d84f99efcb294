/** Plain-text renderings of advisor results for the terminal: the same content the Slack views show. */
import { isAbsolute, join, relative } from 'node:path';
import {
  type Advice,
  type AdviceMatch,
  type Comparison,
  DEFAULT_DATA_DIR,
  type Dimension,
  dataFileOf,
  type QuestionView,
  type Source,
  type Verdict,
} from '../advisor/index.js';

const STRENGTH_WORDS = { strong: 'strong pick', clear: 'clear pick', lean: 'leaning pick' } as const;

export function verdictText(comparison: Comparison, verdict: Verdict): string {
  const lines = [
    `Verdict: ${verdict.headline} (${STRENGTH_WORDS[verdict.strength]})`,
    ...(verdict.pairing ? [`Pair it: ${verdict.pairing}`] : []),
    '',
    'Why:',
    ...verdict.reasons.map((r) => `  - ${r.answer}: ${r.because}`),
  ];
  if (verdict.pick.kind === 'neither') lines.push('', `${verdict.pick.name}: ${verdict.pick.summary}`);
  if (verdict.decidingRows.length)
    lines.push('', 'Deciding scorecard rows:', ...verdict.decidingRows.map((d) => dimensionLine(comparison, d)));
  if (verdict.caveats.length) lines.push('', 'Caveats:', ...verdict.caveats.map((c) => `  - ${c.text}`));
  if (verdict.alternatives.length)
    lines.push('', 'Also consider:', ...verdict.alternatives.map((a) => `  - ${a.name}: ${a.reason}`));
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

function edgeName(comparison: Comparison, edge: string): string {
  return comparison.technologies.find((t) => t.id === edge)?.shortName ?? edge;
}

function dimensionLine(comparison: Comparison, d: Dimension): string {
  const sides = comparison.technologies.map((t) => `${t.shortName}: ${d.sides[t.id]?.short ?? ''}`).join(' | ');
  return `  - ${d.name} (edge: ${edgeName(comparison, d.edge)}): ${sides}`;
}

function matchText(match: AdviceMatch): string {
  const verdict = match.pick ? match.pick.shortName : `neither: ${match.alternative}`;
  return [
    `Verdict: ${verdict}${match.pairing ? ` (${match.pairing})` : ''}`,
    `Situation: ${match.situation}`,
    `Why: ${match.reason}`,
    `Matched your words: ${match.matched.join(', ')}`,
  ].join('\n');
}

export function adviceText(comparison: Comparison, advice: Advice): string {
  if (advice.kind === 'match') return matchText(advice.best);
  const questions = wizardQuestionsText(comparison);
  if (advice.candidates.length === 0)
    return `Not sure: that does not match a situation I know. Run the wizard (--wizard) to answer ${questions}.`;
  return [
    'Not sure: your situation fits picks that disagree.',
    ...advice.candidates.map(
      (c) => `  - ${c.pick?.shortName ?? c.alternative} for "${c.situation}" (matched: ${c.matched.join(', ')})`,
    ),
    `Run the wizard (--wizard) to settle it with ${questions}.`,
  ].join('\n');
}

export function scorecardText(comparison: Comparison): string {
  return [`${comparison.title}: the scorecard`, ...comparison.dimensions.map((d) => dimensionLine(comparison, d))].join(
    '\n',
  );
}

export function dimensionText(comparison: Comparison, d: Dimension): string {
  return [
    `${d.name} (${d.category}; edge: ${edgeName(comparison, d.edge)})`,
    ...comparison.technologies.map((t) => `  ${t.shortName}: ${d.sides[t.id]?.detail ?? ''}`),
    ...(d.note ? [`  Note: ${d.note}`] : []),
  ].join('\n');
}

export function neitherText(comparison: Comparison): string {
  return ['When to pick neither:', ...comparison.neither.map((n) => `  - ${n.name}: ${n.when}. ${n.reason}`)].join(
    '\n',
  );
}

export function questionText(view: QuestionView): string {
  return [
    `Question ${view.number} of ${view.total}: ${view.question.prompt}`,
    ...view.options.map((o, i) => `  ${i + 1}. ${o.label}${o.current ? ' (current)' : ''}`),
  ].join('\n');
}
