/**
 * The decision wizard as plain values. The state is only the answers so far (plus, while one answer is being
 * changed, which question is being re-asked), so it can ride in a Slack button value: no server memory per
 * conversation, any instance can answer any click, and a restart loses nothing.
 */
import type { Comparison, Outcome, Question } from './schema.js';
import { wellFormed } from './text.js';

/** Question id → option id. */
export type Answers = Readonly<Record<string, string>>;

/** The words that set an answer (or a condition), as the person typed them, and how strongly they said it. */
export interface Quote {
  readonly words: string;
  /** `learned`: the classifier's words, filling a question the reader left open (second-opinion.ts). */
  readonly strength: 'direct' | 'hint' | 'assumed' | 'learned';
}

/** How many quotes an answer keeps: the first ones are enough to recognise the reading. */
export const QUOTES_PER_ANSWER = 2;

/** The words that set an answer (one side of a conflict that answers it), as its quotes at the strength said. */
export function quotesOf(words: readonly string[], strength: Quote['strength']): Quote[] {
  return words.slice(0, QUOTES_PER_ANSWER).map((w) => ({ words: w, strength }));
}

/**
 * Free text's part of the state: the quotes behind the answers it found (an answer the person then changed has
 * none), the conditions it found with their words, and the questions the text itself left open. A state with a
 * `text` part skips the questions that cannot change the pick, as free text does.
 */
export interface TextPart {
  readonly quotes: Readonly<Record<string, readonly Quote[]>>;
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** Conditions the learned classifier supplied (its words, a guess), not ones the person stated. */
  readonly learnedConditions?: readonly string[];
  /**
   * Conditions the reader found in the person's words that the learned classifier set aside, with those words: shown
   * beside the verdict, so that the person can say they do hold (restoreCondition).
   */
  readonly setAside?: Readonly<Record<string, readonly string[]>>;
  readonly raised: readonly string[];
  /** The quick takes and situational picks whose words the text used: cited when the verdict agrees with them. */
  readonly cites?: readonly string[];
}

export interface WizardState {
  readonly comparisonId: string;
  readonly answers: Answers;
  /** A question being re-asked to change its answer, keeping the others. */
  readonly focus?: string;
  readonly text?: TextPart;
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

/**
 * The questions to count a step's position among. While one answer is being changed, its answer is open again, so
 * the questions it could bring back count: changing "Both ways" re-asks "Question 1 of 3", not "1 of 1".
 */
export function questionsAround(comparison: Comparison, state: WizardState): Question[] {
  if (!state.focus) return applicableQuestions(comparison, state.answers);
  const { [state.focus]: _changing, ...others } = state.answers;
  return applicableQuestions(comparison, others);
}

export function currentStep(comparison: Comparison, state: WizardState): WizardStep {
  const questions = questionsAround(comparison, state);
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
  const answers = relevantAnswers(comparison, { ...state.answers, [questionId]: optionId });
  return {
    comparisonId: state.comparisonId,
    answers,
    ...(state.text ? { text: withoutQuote(state.text, questionId, answers) } : {}),
  };
}

/** The text part once the person answered a question themselves: that answer shows no quote. */
function withoutQuote(text: TextPart, questionId: string, answers: Answers): TextPart {
  const quotes = Object.fromEntries(
    Object.entries(text.quotes).filter(([q]) => q !== questionId && answers[q] !== undefined),
  );
  return { ...text, quotes, raised: text.raised.filter((q) => q !== questionId) };
}

/** The state without one condition that free text found, after the person said it does not hold. */
export function dropCondition(state: WizardState, conditionId: string): WizardState {
  if (!state.text?.conditions[conditionId]) throw new Error(`Condition ${conditionId} was not found in the text`);
  const { [conditionId]: _dropped, ...conditions } = state.text.conditions;
  const { focus: _focus, ...rest } = state;
  const { learnedConditions, ...text } = state.text;
  const learned = (learnedConditions ?? []).filter((id) => id !== conditionId);
  return { ...rest, text: { ...text, conditions, ...(learned.length ? { learnedConditions: learned } : {}) } };
}

/** The state with a condition the classifier set aside taken back, after the person said it does hold. */
export function restoreCondition(state: WizardState, conditionId: string): WizardState {
  const words = state.text?.setAside?.[conditionId];
  if (!state.text || !words) throw new Error(`Condition ${conditionId} was not set aside`);
  const { [conditionId]: _restored, ...setAside } = state.text.setAside ?? {};
  const { focus: _focus, ...rest } = state;
  const { setAside: _all, ...text } = state.text;
  return {
    ...rest,
    text: {
      ...text,
      conditions: { ...text.conditions, [conditionId]: words },
      ...(Object.keys(setAside).length ? { setAside } : {}),
    },
  };
}

/**
 * One step back: while changing an answer, back to where the person was; otherwise the last answer given is
 * taken back so that its question is asked again. Undefined at the first question.
 */
export function back(comparison: Comparison, state: WizardState): WizardState | undefined {
  if (state.focus)
    return { comparisonId: state.comparisonId, answers: state.answers, ...(state.text ? { text: state.text } : {}) };
  // From free text there is no step to go back to: Change re-asks any answer.
  if (state.text) return undefined;
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

function encodeV1(comparison: Comparison, state: WizardState): string {
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

// Version 2 is version 1 followed by free text's part, as `~`-separated fields after a `~`:
//   q<question index><d|h|a>=<words>   a quote behind an answer (direct, hint or assumed); several per question
//   c<condition index>=<words>         a condition found in the text, with its words ('' when none are kept)
//   r<question index>                  a question the text left open
// Words are percent-encoded and clipped so that the whole value stays within Slack's 2,000 characters, with room
// for a surface to wrap the state (the verdict's shape and where it was shared: src/slack/values.ts).
export const TEXT_STATE_VERSION = 2;
export const STATE_MAX = 1800;
const QUOTE_CLIPS = [80, 40, 16, 0];
/** `~` separates fields, and encodeURIComponent leaves it as it is. A lone surrogate is kept as U+FFFD. */
const encodeWords = (words: string) => encodeURIComponent(wellFormed(words)).replace(/~/g, '%7E');
const STRENGTH_CHAR = { direct: 'd', hint: 'h', assumed: 'a', learned: 'l' } as const;
const CHAR_STRENGTH = { d: 'direct', h: 'hint', a: 'assumed', l: 'learned' } as const;

/** Clips words to `max` characters on a code-point boundary, marking the cut with an ellipsis. */
export function clipWords(words: string, max: number): string {
  const chars = [...words];
  if (chars.length <= max) return words;
  return max <= 1
    ? ''
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export function encodeState(comparison: Comparison, state: WizardState): string {
  const v1 = encodeV1(comparison, state);
  if (!state.text) return v1;
  const { text } = state;
  const questions = comparison.wizard.questions;
  const conditions = comparison.understanding?.conditions ?? [];
  for (const clip of QUOTE_CLIPS) {
    const fields: string[] = [];
    for (const [i, q] of questions.entries())
      for (const quote of text.quotes[q.id] ?? [])
        fields.push(`q${i.toString(36)}${STRENGTH_CHAR[quote.strength]}=${encodeWords(clipWords(quote.words, clip))}`);
    for (const [i, c] of conditions.entries()) {
      const words = text.conditions[c.id];
      // `g`: a condition the learned classifier supplied (a guess), `c`: one the text stated.
      const field = text.learnedConditions?.includes(c.id) ? 'g' : 'c';
      if (words) fields.push(`${field}${i.toString(36)}=${encodeWords(clipWords(words[0] ?? '', clip))}`);
      // `x`: a condition the text stated that the classifier set aside.
      const setAside = text.setAside?.[c.id];
      if (setAside) fields.push(`x${i.toString(36)}=${encodeWords(clipWords(setAside[0] ?? '', clip))}`);
    }
    for (const q of text.raised) fields.push(`r${questions.findIndex((x) => x.id === q).toString(36)}`);
    const entries = citable(comparison);
    for (const id of text.cites ?? []) fields.push(`s${entries.indexOf(id).toString(36)}`);
    const value = `${TEXT_STATE_VERSION}${v1.slice(String(STATE_VERSION).length)}~${fields.join('~')}`;
    if (value.length <= STATE_MAX) return value;
  }
  throw new Error('A text state does not fit a button value even without quotes'); // at most a few dozen fields
}

const TEXT_FIELD = /^(?:q([0-9a-z])([dhal])=(.*)|([cgx])([0-9a-z]{1,2})=(.*)|r([0-9a-z])|s([0-9a-z]{1,2}))$/s;

/** The advice entries a text state may cite, by position: quick takes, then situational picks. */
function citable(comparison: Comparison): string[] {
  return [...comparison.quickTakes, ...comparison.situationalPicks].map((e) => e.id);
}

function decodeText(comparison: Comparison, fields: readonly string[], answers: Answers): TextPart | StateError {
  const invalid = (message: string): StateError => ({ code: 'invalid-answers', message });
  const quotes: Record<string, Quote[]> = {};
  const conditions: Record<string, string[]> = {};
  const learnedConditions: string[] = [];
  const setAside: Record<string, string[]> = {};
  const raised: string[] = [];
  const cites: string[] = [];
  const known = comparison.understanding?.conditions ?? [];
  // A text state with nothing left to quote is `2:…~`: one empty field.
  for (const field of fields.filter(Boolean)) {
    const match = TEXT_FIELD.exec(field);
    if (!match) return invalid(`"${field.slice(0, 40)}" is not a text field`);
    const [, qIndex, strength, qWords, cField, cIndex, cWords, rIndex, sIndex] = match;
    if (sIndex !== undefined) {
      const entry = citable(comparison)[Number.parseInt(sIndex, 36)];
      if (!entry) return invalid(`no advice entry ${sIndex}`);
      cites.push(entry);
      continue;
    }
    let words: string;
    try {
      words = decodeURIComponent(qWords ?? cWords ?? '');
    } catch {
      return invalid('a quote is not percent-encoded');
    }
    if (qIndex !== undefined) {
      const question = comparison.wizard.questions[Number.parseInt(qIndex, 36)];
      if (!question || answers[question.id] === undefined) return invalid(`no answer to quote for ${qIndex}`);
      quotes[question.id] = [
        ...(quotes[question.id] ?? []),
        { words, strength: CHAR_STRENGTH[strength as keyof typeof CHAR_STRENGTH] },
      ];
    } else if (cIndex !== undefined) {
      const condition = known[Number.parseInt(cIndex, 36)];
      if (!condition) return invalid(`no condition ${cIndex}`);
      if (cField === 'x') {
        setAside[condition.id] = words ? [words] : [];
        continue;
      }
      conditions[condition.id] = words ? [words] : [];
      if (cField === 'g') learnedConditions.push(condition.id);
    } else {
      const question = comparison.wizard.questions[Number.parseInt(rIndex ?? '', 36)];
      if (!question) return invalid(`no question ${rIndex}`);
      raised.push(question.id);
    }
  }
  return {
    quotes,
    conditions,
    ...(learnedConditions.length ? { learnedConditions } : {}),
    ...(Object.keys(setAside).length ? { setAside } : {}),
    raised,
    ...(cites.length ? { cites } : {}),
  };
}

/** Validates everything a tampered, truncated or old value could get wrong; never throws. */
export function decodeState(value: unknown, comparisons: readonly Comparison[]): Decoded {
  const fail = (code: StateError['code'], message: string): Decoded => ({ ok: false, error: { code, message } });
  if (typeof value !== 'string') return fail('malformed', 'the state is not a string');
  const [head = '', ...textFields] = value.split('~');
  const isText = head.startsWith(`${TEXT_STATE_VERSION}:`) && value.includes('~');
  const match = ENCODED_STATE.exec(head);
  if (!match) return fail('malformed', `"${value.slice(0, 80)}" is not a wizard state`);
  const [, version, comparisonId, answerChars = '', focusChar] = match;
  if (Number(version) !== STATE_VERSION && !(isText && Number(version) === TEXT_STATE_VERSION))
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
  // The wizard answers in order; free text may answer a later question and leave an earlier one open.
  const firstOpen = applicable.findIndex((q) => answers[q.id] === undefined);
  if (!isText && firstOpen >= 0 && applicable.slice(firstOpen).some((q) => answers[q.id] !== undefined))
    return fail('invalid-answers', 'an answer follows an unanswered question');
  let text: TextPart | undefined;
  if (isText) {
    const decoded = decodeText(comparison, textFields, answers);
    if ('code' in decoded) return { ok: false, error: decoded };
    text = decoded;
  }
  const withText = text ? { text } : {};

  if (focusChar === undefined) return { ok: true, state: { comparisonId: comparison.id, answers, ...withText } };
  const focus = questions[Number.parseInt(focusChar, 36)];
  if (!focus || !applicable.includes(focus) || answers[focus.id] === undefined)
    return fail('invalid-answers', `question ${focusChar} cannot be re-asked here`);
  return { ok: true, state: { comparisonId: comparison.id, answers, focus: focus.id, ...withText } };
}
