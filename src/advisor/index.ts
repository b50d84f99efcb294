/**
 * The one recommendation module every surface calls (Slack, the command line, the sandbox). It knows nothing
 * about Slack: it takes plain values and returns plain values. The wizard's steps come with their next states
 * already encoded, so a surface only has to put them on buttons.
 */
import { type AdviceMatch, adviceEntry } from './advise.js';
import { readText, type TextReading } from './free-text.js';
import type { LearnedModel } from './learned.js';
import { learnedModelOf } from './load.js';
import { interpret, MAX_KEYWORD_WORDS, suggestKeywords } from './lookup.js';
import { type TechnologyProfile, technologyProfile } from './profile.js';
import { followUp } from './refine.js';
import { dataVersion, type Revisited, revisit, type StoredDecision } from './revisit.js';
import type { Comparison, Dimension, Question } from './schema.js';
import { settle } from './settle.js';
import { words } from './text.js';
import { compileReader, type Reader, type Reading } from './understand.js';
import { recommend, type Verdict } from './verdict.js';
import {
  answer,
  back,
  changeAnswer,
  currentStep,
  type Decoded,
  decodeState,
  dropCondition,
  encodeState,
  type Quote,
  questionsAround,
  restoreCondition,
  startState,
  type WizardState,
} from './wizard.js';

export type { AdviceMatch } from './advise.js';
export type { LearnedModel } from './learned.js';
export { ComparisonDataError, DEFAULT_DATA_DIR, dataFileOf, learnedModelOf, loadComparisons } from './load.js';
export type { Lookup } from './lookup.js';
export { technologyWord } from './lookup.js';
export { libraryLoadMs } from './nlp.js';
export type { TechnologyProfile } from './profile.js';
export type { PickName, Revisited, RevisitReason, StoredDecision } from './revisit.js';
export type * from './schema.js';
export { summarise, type TextSummary } from './summary.js';
export { wellFormed } from './text.js';
export type { Reading } from './understand.js';
export type { Alternative, AnswerReason, Source, Verdict, VerdictPick } from './verdict.js';
export { edgeLabel } from './verdict.js';
export type { Answers, Decoded, Quote, StateError, WizardState } from './wizard.js';

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
  /** When free text answered part of the wizard: what it understood. */
  understood?: Understood;
  /** When the text said both things about this question, equally strongly: each side in the person's words. */
  conflict?: ConflictView;
}

/** An answer free text found, with the words that set it; an answer the person gave themselves has no quotes. */
export interface UnderstoodAnswer {
  questionId: string;
  question: string;
  answer: string;
  quotes: readonly Quote[];
  /** The encoded state that re-asks this question, keeping the other answers. */
  change: string;
}

export interface UnderstoodCondition {
  id: string;
  says: string;
  words: readonly string[];
  /** Supplied by the learned classifier from situations worded like this one: its words are a guess, not a statement. */
  learned?: boolean;
  /** The encoded state without this condition, for a person who says it does not hold. */
  drop: string;
}

/** A condition the person's words seemed to state, set aside by the learned classifier: shown, and restorable. */
export interface SetAsideCondition {
  id: string;
  says: string;
  words: readonly string[];
  /** The encoded state with the condition back, for a person who says it does hold. */
  restore: string;
}

export interface Understood {
  answers: UnderstoodAnswer[];
  conditions: UnderstoodCondition[];
  setAside: SetAsideCondition[];
  /** Domain words outweighed by a direct statement: shown, not asked about. Only right after reading the text. */
  outweighed: { question: string; answer: string; words: string }[];
  /**
   * A direct statement that contradicted another and was outvoted by the learned classifier's sure pick, in the
   * person's words: shown beside the answer it lost to, which the person can change. Only right after reading the text.
   */
  outvoted: { question: string; answer: string; words: readonly string[] }[];
  /**
   * Words that denied a condition the text also stated, where the classifier's sure pick upheld it: said beside the
   * verdict, and the condition's Not so button takes it back. Only right after reading the text.
   */
  outvotedDenials?: { says: string; words: readonly string[] }[];
}

export interface ConflictView {
  /** `learned`: the side of the learned classifier, its words the ones it weighed most. */
  sides: { optionId: string; answer: string; words: readonly string[]; learned?: boolean }[];
}

export interface ChangeView {
  questionId: string;
  question: string;
  answer: string;
  /** The encoded state that re-asks this question, keeping the other answers. */
  state: string;
  /** The person's words that set this answer, when free text did; none once the person changed it. */
  quotes?: readonly Quote[];
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
  /** When free text answered the wizard: what it understood, including the conditions that shaped the verdict. */
  understood?: Understood;
  /** The seed's quick takes and situational picks that the text's words called up and the verdict agrees with. */
  cites?: AdviceMatch[];
}

export type WizardView = QuestionView | VerdictView;

/** What only the reading of a text knows, shown right after it and not carried in the state of a later click. */
type FreshReading = Pick<TextReading, 'reading' | 'conflicts' | 'outvoted' | 'outvotedDenials'>;

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
  /** The decisions shared where the person asked: the surface looks them up in its log. */
  | { kind: 'history'; comparison: Comparison }
  | { kind: 'dimension'; comparison: Comparison; dimension: Dimension }
  /** A technology by name: its strengths and when it wins. */
  | { kind: 'technology'; comparison: Comparison; profile: TechnologyProfile }
  /** A situation read as answers to the wizard: the next question it leaves open, or the verdict. */
  | { kind: 'understood'; comparison: Comparison; situation: string; view: WizardView; reading: Reading };

/** What free text gave: the wizard's view (with what was understood) and the reading behind it. */
export interface TextView {
  view: WizardView;
  reading: Reading;
}

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
  /** A situation in a person's words read as answers to the wizard, e.g. the message a shortcut was run on. */
  understand(text: string, comparisonId?: string): TextView;
  /** The answer to a command's text: a look-up for a keyword, advice for a situation, help for what fits neither. */
  reply(text: string, comparisonId?: string): Reply;
  /**
   * A conversation about one case (refine.ts): the messages in order, each read onto the case so far, later ones
   * outweighing earlier ones where they disagree. `earlier` is where the case stood before them (an encoded state,
   * as a verdict carries it, with the answers the person gave by button); one that does not decode is left out.
   * The reading is the last message's.
   */
  refine(texts: readonly string[], earlier?: string, comparisonId?: string): TextView;
  /** A quick take, situational pick or 'neither' entry by id, e.g. to re-render advice that is being shared. */
  entry(id: string, comparisonId?: string): AdviceMatch | undefined;
  /** The version of the data a verdict is decided under today, to store with a decision. */
  dataVersion(comparisonId?: string): string;
  /** A stored decision looked at again: the pick shared, its reasons under today's rules, and what changed since. */
  revisit(decision: StoredDecision): Revisited;
}

export interface AdvisorOptions {
  /**
   * The learned classifier for each comparison, by id, weighed against the reader (second-opinion.ts). By default
   * the one loaded with the comparison (data/learned/); an empty map reads with the reader alone.
   */
  learned?: ReadonlyMap<string, LearnedModel>;
}

export function createAdvisor(comparisons: readonly Comparison[], options: AdvisorOptions = {}): Advisor {
  if (comparisons.length === 0) throw new Error('createAdvisor needs at least one comparison');
  const learnedOf = (c: Comparison) => (options.learned ? options.learned.get(c.id) : learnedModelOf(c));
  const byId = new Map(comparisons.map((c) => [c.id, c]));
  // A reader is compiled on first use: compiling lemmatises the vocabulary, which loads the language library.
  const readers = new Map<string, Reader | undefined>();
  const readerOf = (c: Comparison): Reader | undefined => {
    if (!readers.has(c.id)) readers.set(c.id, compileReader(c));
    return readers.get(c.id);
  };
  const comparison = (id?: string): Comparison => {
    const found = id === undefined ? (comparisons.find((c) => c.default) ?? comparisons[0]) : byId.get(id);
    if (!found) throw new Error(`Unknown comparison ${id}`);
    return found;
  };
  const encode = (state: WizardState) => encodeState(comparison(state.comparisonId), state);

  const understood = (c: Comparison, state: WizardState, fresh?: FreshReading): Understood | undefined => {
    if (!state.text) return undefined;
    const text = state.text;
    const label = (questionId: string, optionId: string | undefined) => {
      const question = c.wizard.questions.find((q) => q.id === questionId);
      return { question, option: question?.options.find((o) => o.id === optionId) };
    };
    const answers = c.wizard.questions.flatMap((q): UnderstoodAnswer[] => {
      const option = label(q.id, state.answers[q.id]).option;
      if (!option || state.focus === q.id) return [];
      return [
        {
          questionId: q.id,
          question: q.prompt,
          answer: option.label,
          quotes: text.quotes[q.id] ?? [],
          change: encode(changeAnswer(c, state, q.id)),
        },
      ];
    });
    const conditions = (c.understanding?.conditions ?? []).flatMap((condition): UnderstoodCondition[] => {
      const found = text.conditions[condition.id];
      if (!found) return [];
      const learned = text.learnedConditions?.includes(condition.id) ? { learned: true } : {};
      return [
        {
          id: condition.id,
          says: condition.says,
          words: found,
          ...learned,
          drop: encode(dropCondition(state, condition.id)),
        },
      ];
    });
    const setAside = (c.understanding?.conditions ?? []).flatMap((condition): SetAsideCondition[] => {
      const words = text.setAside?.[condition.id];
      if (!words) return [];
      return [
        { id: condition.id, says: condition.says, words, restore: encode(restoreCondition(state, condition.id)) },
      ];
    });
    // Words that pointed to another option of a question, with that question and option as the person reads them.
    const pointing = <Words>(questionId: string, option: string, words: Words) => {
      const found = label(questionId, option);
      return found.question && found.option
        ? [{ question: found.question.prompt, answer: found.option.label, words }]
        : [];
    };
    const outweighed = Object.entries(fresh?.reading.answers ?? {}).flatMap(([questionId, answered]) =>
      answered.outweighed.flatMap(({ option, words }) => pointing(questionId, option, words)),
    );
    const outvoted = Object.entries(fresh?.outvoted ?? {}).flatMap(([questionId, sides]) =>
      sides.flatMap(({ option, words }) => pointing(questionId, option, words)),
    );
    const outvotedDenials = (c.understanding?.conditions ?? []).flatMap((condition) => {
      const words = fresh?.outvotedDenials?.[condition.id];
      return words && text.conditions[condition.id] ? [{ says: condition.says, words }] : [];
    });
    return {
      answers,
      conditions,
      setAside,
      outweighed,
      outvoted,
      ...(outvotedDenials.length ? { outvotedDenials } : {}),
    };
  };

  const questionView = (
    c: Comparison,
    state: WizardState,
    question: Question,
    common: Pick<QuestionView, 'comparison' | 'startOver' | 'back'>,
    extra: Pick<QuestionView, 'understood' | 'conflict'>,
  ): QuestionView => {
    const questions = questionsAround(c, state);
    const current = state.focus === question.id ? state.answers[question.id] : undefined;
    return {
      kind: 'question',
      ...common,
      question,
      number: Math.max(1, questions.findIndex((q) => q.id === question.id) + 1),
      total: questions.length,
      options: question.options.map((option) => ({
        id: option.id,
        label: option.label,
        next: encode(answer(c, state, question.id, option.id)),
        current: current === option.id,
      })),
      ...(extra.understood ? { understood: extra.understood } : {}),
      ...(extra.conflict ? { conflict: extra.conflict } : {}),
    };
  };

  /** What every view of a state carries: its comparison, Start over, and Back where there is a step before. */
  const navigation = (c: Comparison, state: WizardState) => {
    const previous = back(c, state);
    return { comparison: c, startOver: encode(startState(c)), ...(previous ? { back: encode(previous) } : {}) };
  };

  /** A verdict's Change buttons: the state that re-asks each answer, with the words that set it, if any. */
  const changes = (
    c: Comparison,
    state: WizardState,
    verdict: Verdict,
    quotes: Partial<Record<string, readonly Quote[]>> = {},
  ): ChangeView[] =>
    verdict.reasons.map((reason) => ({
      questionId: reason.questionId,
      question: reason.question,
      answer: reason.answer,
      state: encode(changeAnswer(c, state, reason.questionId)),
      ...(quotes[reason.questionId] ? { quotes: quotes[reason.questionId] } : {}),
    }));

  /** A state that free text started: the wizard's rules on partial answers, skipping what cannot change the pick. */
  const textView = (c: Comparison, state: WizardState, fresh?: FreshReading): WizardView => {
    const text = state.text as NonNullable<WizardState['text']>;
    const common = navigation(c, state);
    const seen = understood(c, state, fresh);
    const focus = state.focus ? c.wizard.questions.find((q) => q.id === state.focus) : undefined;
    const next = focus
      ? ({ kind: 'ask', question: focus } as const)
      : settle(c, state.answers, Object.keys(text.conditions), text.raised);
    if (next.kind === 'ask') {
      const conflict = fresh?.conflicts[next.question.id];
      return questionView(c, state, next.question, common, {
        ...(seen ? { understood: seen } : {}),
        ...(conflict
          ? {
              conflict: {
                sides: conflict.sides.map((side) => ({
                  optionId: side.option,
                  answer: next.question.options.find((o) => o.id === side.option)?.label ?? side.option,
                  words: side.words,
                  ...(side.learned ? { learned: true } : {}),
                })),
              },
            }
          : {}),
      });
    }
    const { verdict } = next;
    return {
      kind: 'verdict',
      ...common,
      verdict,
      state: encode(state),
      change: changes(c, state, verdict, text.quotes),
      ...(seen ? { understood: seen } : {}),
      ...citesFor(c, text.cites ?? [], verdict),
    };
  };

  const citesFor = (c: Comparison, ids: readonly string[], verdict: Verdict): { cites?: AdviceMatch[] } => {
    const cites = ids
      .map((id) => adviceEntry(c, id))
      .filter((m): m is AdviceMatch => m?.pick?.id === verdict.pick.id && !verdict.conditions.some((x) => x.because));
    return cites.length ? { cites } : {};
  };

  const view = (state: WizardState, fresh?: FreshReading): WizardView => {
    const c = comparison(state.comparisonId);
    if (state.text) return textView(c, state, fresh);
    const step = currentStep(c, state);
    const common = navigation(c, state);
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
      change: changes(c, state, verdict),
    };
  };

  const understand = (text: string, comparisonId?: string): TextView => {
    const c = comparison(comparisonId);
    const read = readText(c, readerOf(c), text, learnedOf(c));
    return { view: view(read.state, read), reading: read.reading };
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
    understand,
    reply(text, comparisonId) {
      const c = comparison(comparisonId);
      const lookup = interpret(c, text);
      switch (lookup.kind) {
        case 'wizard':
          return { kind: 'wizard', view: view(startState(c)) as QuestionView };
        case 'history':
          return { kind: 'history', comparison: c };
        case 'help':
        case 'compare':
        case 'neither':
          return lookup.kind === 'help'
            ? { kind: 'help', comparison: c, suggestions: [] }
            : { kind: lookup.kind, comparison: c };
        case 'dimension':
          return { kind: 'dimension', comparison: c, dimension: lookup.dimension };
        case 'technology':
          return { kind: 'technology', comparison: c, profile: technologyProfile(c, lookup.technology) };
        case 'situation': {
          const { view: read, reading } = understand(lookup.text, c.id);
          // A word or two that says nothing the advisor can use is most likely a mistyped keyword.
          if (reading.findings.length === 0 && words(lookup.text).length <= MAX_KEYWORD_WORDS)
            return { kind: 'help', comparison: c, unplaced: lookup.text, suggestions: suggestKeywords(c, lookup.text) };
          return { kind: 'understood', comparison: c, situation: lookup.text, view: read, reading };
        }
      }
    },
    refine(texts, earlier, comparisonId) {
      const decoded = earlier === undefined ? undefined : decodeState(earlier, comparisons);
      const base = decoded?.ok ? decoded.state : undefined;
      const c = comparison(base?.comparisonId ?? comparisonId);
      let state = base;
      let last: ReturnType<typeof readText> | undefined;
      for (const text of texts) {
        // The classifier learned whole situations: a follow-up ("it also has to work through proxies") is read alone.
        const next = readText(c, readerOf(c), text, state ? undefined : learnedOf(c));
        last = state ? followUp(c, state, next) : next;
        state = last.state;
      }
      return {
        view: view(state ?? startState(c), last),
        reading: last?.reading ?? { findings: [], answers: {}, conflicts: {}, raised: [], conditions: [], cites: [] },
      };
    },
    entry: (id, comparisonId) => adviceEntry(comparison(comparisonId), id),
    dataVersion: (comparisonId) => dataVersion(comparison(comparisonId)),
    revisit(decision) {
      return revisit(
        {
          comparisons,
          resume: (encoded) => {
            const decoded = decodeState(encoded, comparisons);
            return decoded.ok ? { ok: true, view: view(decoded.state) } : decoded;
          },
          entry: (id, comparisonId) => adviceEntry(comparison(comparisonId), id),
        },
        decision,
      );
    },
  };
}
