/**
 * The decision wizard as plain values. The state is only the answers so far (plus, while one answer is being
 * changed, which question is being re-asked), so it can ride in a Slack button value: no server memory per
 * conversation, any instance can answer any click, and a restart loses nothing.
 */
import type { Comparison, Outcome, Question } from './schema.js';

/** Question id → option id. */
export type Answers = Readonly<Record<string, string>>;

export interface WizardState {
  readonly comparisonId: string;
  readonly answers: Answers;
  /** A question being re-asked to change its answer, keeping the others. */
  readonly focus?: string;
}

export type WizardStep =
  | {
      kind: 'question';
      question: Question;
      /** 1-based position among the questions that apply to these answers. */
      number: number;
      total: number;
      /** The answer already given, when the question is re-asked to change it. */
      current?: string;
      state: WizardState;
    }
  | { kind: 'complete'; answers: Answers; outcome: Outcome; state: WizardState };

function holds(condition: Readonly<Record<string, readonly string[]>> | undefined, answers: Answers): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([questionId, optionIds]) => {
    const answer = answers[questionId];
    return answer !== undefined && optionIds.includes(answer);
  });
}

/** True unless an answer already given rules the condition out; an open question may still satisfy it. */
function stillPossible(condition: Readonly<Record<string, readonly string[]>> | undefined, answers: Answers): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([questionId, optionIds]) => {
    const answer = answers[questionId];
    return answer === undefined || optionIds.includes(answer);
  });
}

/**
 * The questions that apply, given the answers so far: an earlier answer can skip a later question ("both ways"
 * needs no binary question). Questions that may still apply count, so progress reads "1 of 3" from the start.
 */
export function applicableQuestions(comparison: Comparison, answers: Answers): Question[] {
  const asked: Question[] = [];
  const known: Record<string, string> = {};
  for (const question of comparison.wizard.questions) {
    if (stillPossible(question.askWhen, known)) asked.push(question);
    const answer = answers[question.id];
    if (answer !== undefined) known[question.id] = answer;
  }
  return asked;
}

/** Drops answers to questions that no longer apply, so that only what was asked shapes the verdict. */
function relevantAnswers(comparison: Comparison, answers: Answers): Answers {
  const kept: Record<string, string> = {};
  for (const question of applicableQuestions(comparison, answers)) {
    const answer = answers[question.id];
    if (answer !== undefined) kept[question.id] = answer;
  }
  return kept;
}

export function matchOutcome(comparison: Comparison, answers: Answers): Outcome | undefined {
  return comparison.wizard.outcomes.find((outcome) => holds(outcome.when, answers));
}

export function startState(comparison: Comparison): WizardState {
  return { comparisonId: comparison.id, answers: {} };
}

export function currentStep(comparison: Comparison, state: WizardState): WizardStep {
  const questions = applicableQuestions(comparison, state.answers);
  const index = state.focus
    ? questions.findIndex((q) => q.id === state.focus)
    : questions.findIndex((q) => state.answers[q.id] === undefined);
  const question = questions[index];
  if (question) {
    const current = state.answers[question.id];
    return {
      kind: 'question',
      question,
      number: index + 1,
      total: questions.length,
      state,
      ...(current !== undefined ? { current } : {}),
    };
  }
  const outcome = matchOutcome(comparison, state.answers);
  // The loader rejects data where complete answers reach no outcome, so this is a bug, not bad input.
  if (!outcome) throw new Error(`No outcome for answers ${JSON.stringify(state.answers)} in ${comparison.id}`);
  return { kind: 'complete', answers: state.answers, outcome, state };
}

/** The state after choosing an option; throws on ids that are not in the data (callers pass ids from the data). */
export function answer(comparison: Comparison, state: WizardState, questionId: string, optionId: string): WizardState {
  const question = comparison.wizard.questions.find((q) => q.id === questionId);
  if (!question?.options.some((o) => o.id === optionId)) throw new Error(`Unknown answer ${questionId}=${optionId}`);
  return {
    comparisonId: state.comparisonId,
    answers: relevantAnswers(comparison, { ...state.answers, [questionId]: optionId }),
  };
}

/**
 * One step back: while changing an answer, back to where the person was; otherwise the last answer given is
 * taken back so that its question is asked again. Undefined at the first question.
 */
export function back(comparison: Comparison, state: WizardState): WizardState | undefined {
  if (state.focus) return { comparisonId: state.comparisonId, answers: state.answers };
  const answered = applicableQuestions(comparison, state.answers).filter((q) => state.answers[q.id] !== undefined);
  const last = answered.at(-1);
  if (!last) return undefined;
  const { [last.id]: _taken, ...rest } = state.answers;
  return { comparisonId: state.comparisonId, answers: rest };
}

/** Re-ask one question, keeping every other answer; answering it returns to the verdict if nothing else is open. */
export function changeAnswer(comparison: Comparison, state: WizardState, questionId: string): WizardState {
  if (
    state.answers[questionId] === undefined ||
    !applicableQuestions(comparison, state.answers).some((q) => q.id === questionId)
  )
    throw new Error(`Question ${questionId} has no answer to change`);
  return { ...state, focus: questionId };
}

/** Every complete set of answers, in question order; used to prove data complete and to test every path. */
export function allAnswerPaths(comparison: Comparison): Answers[] {
  const paths: Answers[] = [];
  const walk = (answers: Answers) => {
    const open = applicableQuestions(comparison, answers).find((q) => answers[q.id] === undefined);
    if (!open) {
      paths.push(answers);
      return;
    }
    for (const option of open.options) walk({ ...answers, [open.id]: option.id });
  };
  walk({});
  return paths;
}

export function unreachableAnswerPaths(comparison: Comparison): Answers[] {
  return allAnswerPaths(comparison).filter((answers) => !matchOutcome(comparison, answers));
}

// ---------------------------------------------------------------------------------------------------------------
// The state as a compact, versioned string for a button value: `1:<comparison id>:<answers>[:<focus>]`, where
// <answers> has one character per question (the option's index in base 36, or '-' when unanswered) and <focus>
// is a question index. "1:websocket-vs-sse:01-" is 22 characters; Slack allows 2,000.

export const STATE_VERSION = 1;
const ENCODED_STATE = /^(\d{1,3}):([a-z0-9][a-z0-9-]{0,63}):([0-9a-z-]{1,9})(?::([0-9a-z]))?$/;

export type StateError =
  | { code: 'malformed'; message: string }
  | { code: 'unsupported-version'; message: string }
  | { code: 'unknown-comparison'; message: string }
  | { code: 'invalid-answers'; message: string };

export type Decoded = { ok: true; state: WizardState } | { ok: false; error: StateError };

export function encodeState(comparison: Comparison, state: WizardState): string {
  const answers = comparison.wizard.questions
    .map((q) => {
      const index = q.options.findIndex((o) => o.id === state.answers[q.id]);
      return index < 0 ? '-' : index.toString(36);
    })
    .join('');
  const focus = state.focus
    ? `:${comparison.wizard.questions.findIndex((q) => q.id === state.focus).toString(36)}`
    : '';
  return `${STATE_VERSION}:${comparison.id}:${answers}${focus}`;
}

/** Validates everything a tampered, truncated or old value could get wrong; never throws. */
export function decodeState(value: unknown, comparisons: readonly Comparison[]): Decoded {
  const fail = (code: StateError['code'], message: string): Decoded => ({ ok: false, error: { code, message } });
  if (typeof value !== 'string') return fail('malformed', 'the state is not a string');
  const match = ENCODED_STATE.exec(value);
  if (!match) return fail('malformed', `"${value.slice(0, 80)}" is not a wizard state`);
  const [, version, comparisonId, answerChars = '', focusChar] = match;
  if (Number(version) !== STATE_VERSION)
    return fail('unsupported-version', `state version ${version} is not supported`);
  const comparison = comparisons.find((c) => c.id === comparisonId);
  if (!comparison) return fail('unknown-comparison', `no comparison "${comparisonId}"`);
  const { questions } = comparison.wizard;
  if (answerChars.length !== questions.length)
    return fail('invalid-answers', `expected ${questions.length} answers, got ${answerChars.length}`);

  const answers: Record<string, string> = {};
  for (const [i, question] of questions.entries()) {
    const char = answerChars[i] ?? '-';
    if (char === '-') continue;
    const option = question.options[Number.parseInt(char, 36)];
    if (!option) return fail('invalid-answers', `question ${question.id} has no option ${char}`);
    answers[question.id] = option.id;
  }
  // Only states the wizard itself could produce: no answer to a skipped question, no gap before an answer.
  const applicable = applicableQuestions(comparison, answers);
  const extra = Object.keys(answers).find((id) => !applicable.some((q) => q.id === id));
  if (extra) return fail('invalid-answers', `question ${extra} does not apply to these answers`);
  const firstOpen = applicable.findIndex((q) => answers[q.id] === undefined);
  if (firstOpen >= 0 && applicable.slice(firstOpen).some((q) => answers[q.id] !== undefined))
    return fail('invalid-answers', 'an answer follows an unanswered question');

  if (focusChar === undefined) return { ok: true, state: { comparisonId: comparison.id, answers } };
  const focus = questions[Number.parseInt(focusChar, 36)];
  if (!focus || !applicable.includes(focus) || answers[focus.id] === undefined)
    return fail('invalid-answers', `question ${focusChar} cannot be re-asked here`);
  return { ok: true, state: { comparisonId: comparison.id, answers, focus: focus.id } };
}
