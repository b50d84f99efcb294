/**
 * The answer kinds the free-text evaluation is labelled with, and the mapping from the current advisor's `Advice`
 * onto them. Labels come from the seed's rules (and the two additions the product is about to gain), never from
 * what the matcher answers.
 */
import type { Advice } from '../../../src/advisor/index.js';

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
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/**
 * The kind the current advisor answered: a match's pick (sse/websocket), or for a 'neither' entry its id
 * (long-polling, webtransport, service-to-service); an honest "not sure" is a question ('ask').
 */
export function kindOfAdvice(advice: Advice): Kind {
  if (advice.kind === 'unsure') return 'ask';
  const id = advice.best.pick?.id ?? advice.best.id;
  return isKind(id) ? id : 'ask';
}

/** right: the due decision, or a question where the text leaves it open. */
export type Outcome = 'right' | 'wrong-pick' | 'asked-when-decided';

export function outcomeOf(expected: Kind, answered: Kind): Outcome {
  if (answered === expected) return 'right';
  if (answered === 'ask') return 'asked-when-decided';
  return 'wrong-pick';
}
