/**
 * The one recommendation module every surface calls (Slack, the command line, the sandbox). It knows nothing
 * about Slack: it takes plain values and returns plain values. The wizard's steps come with their next states
 * already encoded, so a surface only has to put them on buttons.
 */
import { type Advice, advise, compileMatcher, type Matcher } from './advise.js';
import { interpret, type Lookup, suggestKeywords } from './lookup.js';
import type { Comparison, Question } from './schema.js';
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
export { ComparisonDataError, DEFAULT_DATA_DIR, loadComparisons } from './load.js';
export type { Lookup } from './lookup.js';
export type * from './schema.js';
export type { Alternative, AnswerReason, Source, Verdict } from './verdict.js';
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

export interface Advisor {
  readonly comparisons: readonly Comparison[];
  /** The comparison by id; the first one (in file-name order) by default. */
  comparison(id?: string): Comparison;
  /** The first question of a fresh wizard. */
  start(comparisonId?: string): WizardView;
  /** The view for an encoded state from a button value; a tampered or old value is an error value, not a throw. */
  resume(
    encoded: unknown,
  ): { ok: true; view: WizardView } | { ok: false; error: Extract<Decoded, { ok: false }>['error'] };
  view(state: WizardState): WizardView;
  decode(encoded: unknown): Decoded;
  encode(state: WizardState): string;
  recommend(state: WizardState): Verdict | undefined;
  advise(text: string, comparisonId?: string): Advice;
  interpret(text: string, comparisonId?: string): Lookup;
  suggest(text: string, comparisonId?: string): string[];
}

export function createAdvisor(comparisons: readonly Comparison[]): Advisor {
  if (comparisons.length === 0) throw new Error('createAdvisor needs at least one comparison');
  const byId = new Map(comparisons.map((c) => [c.id, c]));
  const matchers = new Map<string, Matcher>(comparisons.map((c) => [c.id, compileMatcher(c)]));
  const comparison = (id?: string): Comparison => {
    const found = id === undefined ? comparisons[0] : byId.get(id);
    if (!found) throw new Error(`Unknown comparison ${id}`);
    return found;
  };
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
    resume(encoded) {
      const decoded = decodeState(encoded, comparisons);
      return decoded.ok ? { ok: true, view: view(decoded.state) } : decoded;
    },
    view,
    decode: (encoded) => decodeState(encoded, comparisons),
    encode,
    recommend: (state) => recommend(comparison(state.comparisonId), state.answers),
    advise: (text, comparisonId) => advise(matchers.get(comparison(comparisonId).id) as Matcher, text),
    interpret: (text, comparisonId) => interpret(comparison(comparisonId), text),
    suggest: (text, comparisonId) => suggestKeywords(comparison(comparisonId), text),
  };
}
