/**
 * The one recommendation module every surface calls (Slack, the command line, the sandbox). It knows nothing
 * about Slack: it takes plain values and returns plain values. The wizard's steps come with their next states
 * already encoded, so a surface only has to put them on buttons.
 */
import { type Advice, type AdviceMatch, adviceEntry, advise, compileMatcher, type Matcher } from './advise.js';
import { interpret, MAX_KEYWORD_WORDS, suggestKeywords } from './lookup.js';
import type { Comparison, Dimension, Question } from './schema.js';
import { words } from './text.js';
import { recommend, type Verdict } from './verdict.js';
import {
  answer,
  back,
  changeAnswer,
  currentStep,
  type Decoded,
  decodeState,
  encodeState,
  startState,
  type WizardState,
} from './wizard.js';

export type { Advice, AdviceMatch } from './advise.js';
export { ComparisonDataError, DEFAULT_DATA_DIR, dataFileOf, loadComparisons } from './load.js';
export type { Lookup } from './lookup.js';
export type * from './schema.js';
export type { Alternative, AnswerReason, Source, Verdict, VerdictPick } from './verdict.js';
export type { Answers, Decoded, StateError, WizardState } from './wizard.js';

export interface OptionView {
  id: string;
  label: string;
  /** The encoded state after choosing this option. */
  next: string;
  /** True for the answer already given, when a question is re-asked. */
  current: boolean;
}

export interface QuestionView {
  kind: 'question';
  comparison: Comparison;
  question: Question;
  number: number;
  total: number;
  options: OptionView[];
  /** The encoded state one step back; absent at the first question. */
  back?: string;
  startOver: string;
}

export interface ChangeView {
  questionId: string;
  question: string;
  answer: string;
  /** The encoded state that re-asks this question, keeping the other answers. */
  state: string;
}

export interface VerdictView {
  kind: 'verdict';
  comparison: Comparison;
  verdict: Verdict;
  /** This verdict's own state, e.g. for a share button. */
  state: string;
  change: ChangeView[];
  back?: string;
  startOver: string;
}

export type WizardView = QuestionView | VerdictView;

/** What to show for a text typed after the command: every surface renders the same answer. */
export type Reply =
  | { kind: 'wizard'; view: QuestionView }
  | {
      kind: 'help';
      comparison: Comparison /** What was typed, when it could not be placed. */;
      unplaced?: string;
      suggestions: string[];
    }
  | { kind: 'compare'; comparison: Comparison }
  | { kind: 'neither'; comparison: Comparison }
  | { kind: 'dimension'; comparison: Comparison; dimension: Dimension }
  | { kind: 'advice'; comparison: Comparison; situation: string; advice: Advice };

export interface Advisor {
  readonly comparisons: readonly Comparison[];
  /** The comparison by id; without one, the data's default (else the first in file-name order). */
  comparison(id?: string): Comparison;
  /** The first question of a fresh wizard. */
  start(comparisonId?: string): WizardView;
  /** A fresh wizard's encoded state, for a Start over or Run the wizard button. */
  startValue(comparisonId?: string): string;
  /** The view for an encoded state from a button value; a tampered or old value is an error value, not a throw. */
  resume(
    encoded: unknown,
  ): { ok: true; view: WizardView } | { ok: false; error: Extract<Decoded, { ok: false }>['error'] };
  /** Free-text advice for a situation, e.g. the message a shortcut was run on. */
  advise(text: string, comparisonId?: string): Advice;
  /** The answer to a command's text: a look-up for a keyword, advice for a situation, help for what fits neither. */
  reply(text: string, comparisonId?: string): Reply;
  /** A quick take, situational pick or 'neither' entry by id, e.g. to re-render advice that is being shared. */
  entry(id: string, comparisonId?: string): AdviceMatch | undefined;
}

export function createAdvisor(comparisons: readonly Comparison[]): Advisor {
  if (comparisons.length === 0) throw new Error('createAdvisor needs at least one comparison');
  const byId = new Map(comparisons.map((c) => [c.id, c]));
  const matchers = new Map<string, Matcher>(comparisons.map((c) => [c.id, compileMatcher(c)]));
  const comparison = (id?: string): Comparison => {
    const found = id === undefined ? (comparisons.find((c) => c.default) ?? comparisons[0]) : byId.get(id);
    if (!found) throw new Error(`Unknown comparison ${id}`);
    return found;
  };
  const matcherFor = (c: Comparison) => matchers.get(c.id) as Matcher;
  const encode = (state: WizardState) => encodeState(comparison(state.comparisonId), state);

  const view = (state: WizardState): WizardView => {
    const c = comparison(state.comparisonId);
    const step = currentStep(c, state);
    const previous = back(c, state);
    const common = { comparison: c, startOver: encode(startState(c)), ...(previous ? { back: encode(previous) } : {}) };
    if (step.kind === 'question') {
      return {
        kind: 'question',
        ...common,
        question: step.question,
        number: step.number,
        total: step.total,
        options: step.question.options.map((option) => ({
          id: option.id,
          label: option.label,
          next: encode(answer(c, state, step.question.id, option.id)),
          current: step.current === option.id,
        })),
      };
    }
    const verdict = recommend(c, step.answers);
    if (!verdict) throw new Error('A complete wizard state has a verdict'); // guaranteed by the loader's check
    return {
      kind: 'verdict',
      ...common,
      verdict,
      state: encode(state),
      change: verdict.reasons.map((reason) => ({
        questionId: reason.questionId,
        question: reason.question,
        answer: reason.answer,
        state: encode(changeAnswer(c, state, reason.questionId)),
      })),
    };
  };

  return {
    comparisons,
    comparison,
    start: (comparisonId) => view(startState(comparison(comparisonId))),
    startValue: (comparisonId) => encode(startState(comparison(comparisonId))),
    resume(encoded) {
      const decoded = decodeState(encoded, comparisons);
      return decoded.ok ? { ok: true, view: view(decoded.state) } : decoded;
    },
    advise: (text, comparisonId) => advise(matcherFor(comparison(comparisonId)), text),
    reply(text, comparisonId) {
      const c = comparison(comparisonId);
      const lookup = interpret(c, text);
      switch (lookup.kind) {
        case 'wizard':
          return { kind: 'wizard', view: view(startState(c)) as QuestionView };
        case 'help':
        case 'compare':
        case 'neither':
          return lookup.kind === 'help'
            ? { kind: 'help', comparison: c, suggestions: [] }
            : { kind: lookup.kind, comparison: c };
        case 'dimension':
          return { kind: 'dimension', comparison: c, dimension: lookup.dimension };
        case 'situation': {
          const advice = advise(matcherFor(c), lookup.text);
          // A word or two that is neither a keyword nor a situation we know is most likely a mistyped keyword.
          if (
            advice.kind === 'unsure' &&
            advice.candidates.length === 0 &&
            words(lookup.text).length <= MAX_KEYWORD_WORDS
          )
            return { kind: 'help', comparison: c, unplaced: lookup.text, suggestions: suggestKeywords(c, lookup.text) };
          return { kind: 'advice', comparison: c, situation: lookup.text, advice };
        }
      }
    },
    entry: (id, comparisonId) => adviceEntry(matcherFor(comparison(comparisonId)), id),
  };
}
