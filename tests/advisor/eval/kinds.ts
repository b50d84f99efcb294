/**
 * The answer kinds the free-text evaluation is labelled with, and the mapping from the current advisor's `Advice`
 * onto them. Labels come from the seed's rules (and the two additions the product is about to gain), never from
 * what the matcher answers.
 */
import type { WizardView } from '../../../src/advisor/index.js';

export const KINDS = [
  'websocket',
  'sse',
  'long-polling',
  'webtransport',
  'service-to-service',
  'webrtc',
  'hls',
  'client-to-server',
  'ask',
] as const;
export type Kind = (typeof KINDS)[number];

/** The wizard question the text leaves open, in the wizard's order. */
export const ASK_QUESTIONS = ['direction', 'binary', 'simplicity'] as const;
export type AskQuestion = (typeof ASK_QUESTIONS)[number];

export interface EvalSituation {
  id: string;
  situation: string;
  /** The public address the situation was drawn from (paraphrased, never copied). */
  source: string;
  expected: Kind;
  /** Present exactly when `expected` is 'ask'. */
  ask?: AskQuestion;
  reason: string;
  ambiguous?: boolean;
  /**
   * What the text itself settles, question by question, with the words that settle each (an exact substring of the
   * situation): per-question labels a reader can learn answers from, not only outcomes. Optional; the training pools
   * from pool 2 on carry it.
   */
  settles?: Settles;
}

/** The options a text can settle: the wizard's answers, and the 'neither' condition it states. */
export const SETTLEABLE = {
  direction: ['server-to-client', 'both-ways', 'mostly-server', 'client-to-server'],
  binary: ['yes', 'no', 'live-media'],
  simplicity: ['a-lot', 'somewhat', 'not-much'],
  neither: ['long-polling', 'webtransport', 'service-to-service', 'batched-posts', 'webrtc', 'hls'],
} as const;
export type Settleable = keyof typeof SETTLEABLE;

export interface SettledAnswer {
  answer: string;
  /** The situation's own words that settle it, copied exactly from `situation`. */
  words: string;
}
export type Settles = Partial<Record<Settleable, SettledAnswer>>;

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** A 'neither' entry whose kind goes by another name in the labels. */
const KIND_OF_PICK: Readonly<Record<string, Kind>> = { 'batched-posts': 'client-to-server' };

/** What the advisor answered for a text: a verdict's pick (technology or 'neither' id), or the question it asked. */
export interface Answered {
  kind: Kind;
  /** The question asked, when `kind` is 'ask'. */
  ask?: string;
}

/**
 * The kind free text reached: a verdict's pick (websocket/sse, or a 'neither' entry such as long-polling; batched
 * POSTs are the client-to-server kind), or 'ask' with the wizard question it asked.
 */
export function kindOfView(view: WizardView): Answered {
  if (view.kind === 'question') return { kind: 'ask', ask: view.question.id };
  const id = view.verdict.pick.id;
  const kind = KIND_OF_PICK[id] ?? id;
  return isKind(kind) ? { kind } : { kind: 'ask' };
}

/** right: the due decision, or a question where the text leaves it open. */
export type Outcome = 'right' | 'wrong-pick' | 'asked-when-decided' | 'wrong-question';

/** A question is right only when it is the one the text leaves open (when both are known). */
export function outcomeOf(expected: Kind, answered: Kind, expectedAsk?: string, answeredAsk?: string): Outcome {
  if (answered === expected)
    return expected === 'ask' && expectedAsk && answeredAsk && expectedAsk !== answeredAsk ? 'wrong-question' : 'right';
  if (answered === 'ask') return 'asked-when-decided';
  return 'wrong-pick';
}
