/**
 * The reader's answers weighed against the learned classifier's prediction (learned.ts), always quoting the words that
 * weighed most for it:
 * - where the classifier is sure (`decide`), its pick stands over answers from domain words and open questions (a
 *   direct statement only where the policy lets it be asked back, never two that contradict each other unless it is
 *   surer still (`resolve`) and only one of them leads to its pick: that one answers, the other is shown outvoted;
 *   so too a condition the text both states and denies directly), each answer it sets quoted as a guess, with the
 *   condition the pick needs where no answers lead there;
 * - where it is surer still (`prevail`), a direct statement stands in its pick's way no more than a domain word: the
 *   answers it changes are quoted as guesses, and each statement it overruled is shown outvoted;
 * - where it is surer still (`overturn`) of a pick that the reader's stands against only through a condition the
 *   reader found, and all but rules the reader's out, or gives the reader's pick under `doubt` however sure it is of
 *   its own, that condition is set aside, shown as such, and restorable;
 * - where the reader decides but the classifier confidently predicts another pick that one of the reader's answers
 *   stands in the way of, that question is asked, naming what each side read; an answer the text states directly
 *   is asked back only on the questions the policy names (the direction) and at a higher confidence;
 * - where the reader decides but the classifier confidently says the text leaves a question open that the reader
 *   answered from domain words, it is asked;
 * - where the classifier confidently predicts a pick no one answer leads to and gives the reader's little
 *   probability, the first answer that matters is asked plainly;
 * - where the reader's pick rests on domain words alone and the classifier gives it little probability, its first
 *   answer that matters is asked;
 * - where the reader asks a question and the classifier is confident of a pick that only one option of it leads to,
 *   that option fills it as a hint quoting the classifier's words.
 * Thresholds come with the weights (the data's `policy`), chosen by the leave-one-round-out and first-sight figures
 * in the README.
 */
import { type LearnedModel, type Prediction, predict, probabilityOf } from './learned.js';
import type { Token } from './nlp.js';
import type { Comparison } from './schema.js';
import { completions, conditionPickId, pickOf, reachablePicks, settle } from './settle.js';
import type { Conflict, ContestedCondition } from './understand.js';
import { type Answers, type Quote, quotesOf } from './wizard.js';

export interface Weighed {
  answers: Answers;
  quotes: Record<string, Quote[]>;
  conflicts: Record<string, Conflict>;
  raised: string[];
  /** Conditions the classifier's sure pick implies that the reader did not find (`decide`), quoted as a guess. */
  learnedConditions?: string[];
  /** Conditions the reader found that the classifier's sure pick set aside (`overturn`): shown, and restorable. */
  setAside?: string[];
  /**
   * Sides of a conflict between direct statements that the classifier's sure pick outvoted (`resolve`), by question:
   * shown beside the verdict in the person's words.
   */
  outvoted?: Record<string, { option: string; words: string[] }[]>;
  /** Conditions stated and denied directly that the classifier's sure pick upheld (`resolve`), with both sides' words. */
  upheld?: ContestedCondition[];
}

/** What the second opinion did, for the command line's --json and for tests. */
export type Opinion =
  | { kind: 'agrees' | 'silent'; prediction: Prediction }
  | { kind: 'asks'; question: string; prediction: Prediction }
  | { kind: 'fills'; question: string; option: string; prediction: Prediction }
  | { kind: 'decides'; questions: string[]; prediction: Prediction };

const ASK = 'ask:';

export function secondOpinion(
  comparison: Comparison,
  model: LearnedModel,
  text: string,
  tokens: readonly Token[],
  weighed: Weighed,
  conditions: readonly string[],
  denied: readonly string[] = [],
  contested: readonly ContestedCondition[] = [],
): { weighed: Weighed; opinion: Opinion } {
  const prediction = predict(model, text, tokens);
  // A condition stated and denied in so many words ("both our services", "forward to users") is decided like two
  // statements that contradict each other on a question: where the classifier is `resolve` sure of the pick that
  // only the condition leads to, the condition holds in the person's words and the denial is shown outvoted.
  const resolve = model.policy.resolve;
  const upheld =
    resolve !== undefined && prediction.probability >= resolve && prediction.words.length > 0
      ? contested.filter((c) => {
          const condition = comparison.understanding?.conditions.find((d) => d.id === c.id);
          return condition !== undefined && conditionPickId(condition) === prediction.label;
        })
      : [];
  const ids = upheld.map((c) => c.id);
  const result = weigh(
    comparison,
    model,
    { text, tokens, prediction },
    weighed,
    [...conditions, ...ids],
    denied.filter((id) => !ids.includes(id)),
  );
  if (!upheld.length) return result;
  return { ...result, weighed: { ...result.weighed, upheld } };
}

/**
 * The second opinion on a text the classifier has already read: weighed again, with the same prediction, once a
 * condition is set aside.
 */
function weigh(
  comparison: Comparison,
  model: LearnedModel,
  read: { text: string; tokens: readonly Token[]; prediction: Prediction },
  weighed: Weighed,
  conditions: readonly string[],
  denied: readonly string[],
): { weighed: Weighed; opinion: Opinion } {
  const { text, tokens, prediction } = read;
  // A pick that only a condition the text denies outright leads to ("browsers" against "backend services") is no
  // opinion to weigh: the classifier reads the topic's words, not what a sentence rules out. A pick the answers reach
  // without it stands: "nothing goes up at a high rate" rules out no WebSocket for a whiteboard that syncs both ways.
  const ruledOut = (comparison.understanding?.conditions ?? []).some(
    (c) => denied.includes(c.id) && conditionPickId(c) === prediction.label,
  );
  if (ruledOut && !reachablePicks(comparison, {}, []).has(prediction.label))
    return { weighed, opinion: { kind: 'silent', prediction } };
  const { answers, raised } = weighed;
  const picksOf = (a: Answers) => reachablePicks(comparison, a, conditions);
  const settled = settle(comparison, answers, conditions, raised);
  const confident = (threshold: number) => prediction.probability >= threshold && prediction.words.length > 0;
  const order = comparison.wizard.questions.map((q) => q.id);

  // An answer the text states directly is asked back, or decided over, only at a higher confidence than one set by
  // domain words.
  const said = (question: string) => (weighed.quotes[question] ?? []).some((q) => q.strength === 'direct');
  // Where it is surer still (`prevail`), no statement stands in its pick's way but a `firm` answer ("jpg", "msgpack":
  // a payload named as binary): each it overrules is shown outvoted.
  const prevails =
    model.policy.prevail !== undefined && !prediction.label.startsWith(ASK) && confident(model.policy.prevail);
  const firm = (question: string) => {
    const option = answers[question];
    return option !== undefined && (model.policy.firm?.[question] ?? []).includes(option);
  };
  const stands = (question: string) =>
    !(prevails && !firm(question)) &&
    said(question) &&
    !(model.policy.overrulable.includes(question) && confident(model.policy.overrule));

  const settledPick = settled.kind === 'verdict' ? settled.verdict.pick.id : undefined;
  const sure = model.policy.decide !== undefined && !prediction.label.startsWith(ASK) && confident(model.policy.decide);

  // A pick that rests on a condition the reader found ("our api" read as both ends being backend services), which the
  // classifier all but rules out while it is sure of another, or gives under `doubt` whatever else it thinks ("our
  // match stream" read as live video beside "odds as json"): the condition is set aside and the rest weighed again.
  const overturn = model.policy.overturn;
  if (
    overturn !== undefined &&
    settledPick !== undefined &&
    settledPick !== prediction.label &&
    ((confident(overturn) && probabilityOf(model, prediction, settledPick) < (model.policy.distrust ?? 0)) ||
      probabilityOf(model, prediction, settledPick) < model.policy.doubt)
  ) {
    const defined = comparison.understanding?.conditions ?? [];
    const leading = conditions.filter((id) => {
      const condition = defined.find((c) => c.id === id);
      return condition !== undefined && conditionPickId(condition) === settledPick;
    });
    if (leading.length > 0) {
      const rest = conditions.filter((id) => !leading.includes(id));
      const again = weigh(comparison, model, read, weighed, rest, [...denied, ...leading]);
      return { ...again, weighed: { ...again.weighed, setAside: [...(again.weighed.setAside ?? []), ...leading] } };
    }
  }
  if (sure && settledPick !== prediction.label) {
    const decided = decide(comparison, weighed, conditions, prediction, stands, model.policy.resolve);
    if (decided) return decided;
  }

  if (settled.kind === 'verdict') {
    const pick = settled.verdict.pick.id;
    if (prediction.label === pick) return { weighed, opinion: { kind: 'agrees', prediction } };
    const disagrees = confident(model.policy.disagree);
    // The text leaves a question open, the classifier says: the reader's answer to it is asked back.
    if (disagrees && prediction.label.startsWith(ASK)) {
      const question = prediction.label.slice(ASK.length);
      if (answers[question] !== undefined && !said(question))
        return { weighed: without(weighed, question, [question]), opinion: { kind: 'asks', question, prediction } };
    }
    // The first answer, in the wizard's order, that stands between the reader's pick and the classifier's.
    for (const question of disagrees ? order : []) {
      const mine = answers[question];
      if (mine === undefined || stands(question)) continue;
      const { [question]: _, ...rest } = answers;
      if (!picksOf(rest).has(prediction.label)) continue;
      const asked = without(weighed, question, []);
      // The classifier's side is named by the option that leads to its pick in most of the ways the rest may go,
      // if that is at least half of them; otherwise the question is asked plainly, as its pick says nothing of
      // which option it would be (a video call is no one-way flow, though one-way live video is WebRTC too).
      const share = (option: string) => {
        const all = completions(comparison, { ...rest, [question]: option });
        return all.filter((a) => pickOf(comparison, a, conditions) === prediction.label).length / all.length;
      };
      const theirs = comparison.wizard.questions
        .find((q) => q.id === question)
        ?.options.filter((o) => o.id !== mine)
        .map((o) => ({ id: o.id, share: share(o.id) }))
        .filter((o) => o.share >= 0.5)
        .sort((a, b) => b.share - a.share)[0];
      // An assumption ("nothing in the text mentions binary data") is no words of the person's to set against it.
      const read = (weighed.quotes[question] ?? []).filter((q) => q.strength !== 'assumed').map((q) => q.words);
      if (theirs && read.length > 0)
        asked.conflicts[question] = {
          strength: 'hint',
          sides: [
            { option: mine, words: read },
            { option: theirs.id, words: prediction.words, learned: true },
          ],
        };
      return { weighed: asked, opinion: { kind: 'asks', question, prediction } };
    }
    // The first answer, in the wizard's order, that `may` allow asking back and whose taking back would leave more
    // than one pick open: asked plainly.
    const askFirstThatMatters = (may: (question: string) => boolean) => {
      const question = order.find((q) => {
        if (answers[q] === undefined || !may(q)) return false;
        const { [q]: _, ...rest } = answers;
        return picksOf(rest).size >= 2;
      });
      return question
        ? { weighed: without(weighed, question, []), opinion: { kind: 'asks' as const, question, prediction } }
        : undefined;
    };
    // A pick the classifier confidently doubts, though no one answer leads to its own pick (that needs a condition the
    // reader did not find: "viewers only watch" is HLS to the classifier, SSE to the reader): the first answer that
    // matters and that the text does not state is asked plainly.
    const doubted =
      disagrees && !prediction.label.startsWith(ASK) && probabilityOf(model, prediction, pick) < model.policy.doubt
        ? askFirstThatMatters((question) => !stands(question))
        : undefined;
    if (doubted) return doubted;
    // A pick the classifier all but rules out: its first answer that matters is asked, even one the text states.
    const distrusted =
      probabilityOf(model, prediction, pick) < (model.policy.distrust ?? 0) && prediction.words.length > 0
        ? askFirstThatMatters(() => true)
        : undefined;
    if (distrusted) return distrusted;
    // A pick that rests on domain words alone, which the classifier does not back: its first answer that matters is
    // asked rather than taken.
    const weak =
      !order.some(said) && prediction.words.length > 0 && probabilityOf(model, prediction, pick) < model.policy.weak
        ? askFirstThatMatters((question) => weighed.quotes[question] !== undefined)
        : undefined;
    return weak ?? { weighed, opinion: { kind: 'silent', prediction } };
  }

  // The reader asks: a confident pick that only one option of the question leads to fills it, as a hint.
  const question = settled.question.id;
  if (raised.includes(question) || weighed.conflicts[question])
    return { weighed, opinion: { kind: 'silent', prediction } };
  const filled = (option: string, by: Prediction): { weighed: Weighed; opinion: Opinion } => ({
    weighed: {
      ...weighed,
      answers: { ...answers, [question]: option },
      quotes: { ...weighed.quotes, [question]: by.words.map((words) => ({ words, strength: 'learned' })) },
    },
    opinion: { kind: 'fills', question, option, prediction: by },
  });
  // Else what the text says about this question alone, from the head trained on answers worded like it.
  const byHead = () => {
    const head = model.answers?.[question];
    const threshold = model.policy.answer;
    if (!head || threshold === undefined) return undefined;
    const said = predict(head, text, tokens);
    const known = settled.question.options.some((o) => o.id === said.label);
    return known && said.probability >= threshold && said.words.length > 0 ? filled(said.label, said) : undefined;
  };
  if (prediction.label.startsWith(ASK) || !confident(model.policy.fill))
    return byHead() ?? { weighed, opinion: { kind: 'silent', prediction } };
  const leading = settled.question.options.filter((o) => {
    const picks = picksOf({ ...answers, [question]: o.id });
    return picks.size === 1 && picks.has(prediction.label);
  });
  // Of several options that lead to the pick, the one that leads to it on its own ("both ways" is a WebSocket
  // whatever the payloads); else they say the same thing for it ("server → client only" and "mostly server → client"
  // both give SSE) and the first in the wizard's order is filled, as a moot conflict is answered.
  const alone = leading.filter((o) => {
    const picks = picksOf({ [question]: o.id });
    return picks.size === 1 && picks.has(prediction.label);
  });
  const only = alone.length === 1 ? alone[0] : leading[0];
  if (!only) return byHead() ?? { weighed, opinion: { kind: 'silent', prediction } };
  return filled(only.id, prediction);
}

/**
 * The classifier's pick, where it is sure enough (`decide`) to stand over answers the reader took from domain words or
 * left open: the answers that lead to it, changing none the text states directly and none the person said is open,
 * and as few as can be; each one it sets is quoted as a guess from situations worded like this one. A pick no
 * answers lead to with the conditions found (a broadcast the reader did not read as one) is left to the other rules.
 */
function decide(
  comparison: Comparison,
  weighed: Weighed,
  conditions: readonly string[],
  prediction: Prediction,
  stands: (question: string) => boolean,
  resolve: number | undefined,
): { weighed: Weighed; opinion: Opinion } | undefined {
  const { quotes, raised } = weighed;
  // Two direct statements that contradict each other on a question, where the classifier is sure enough (`resolve`) of
  // a pick that only one of them leads to: that one answers it, in its own words, and the other is shown as outvoted.
  const sidesToward = (held: readonly string[]) => {
    const toward: Record<string, { option: string; words: string[] }> = {};
    if (resolve === undefined || prediction.probability < resolve) return toward;
    for (const [question, conflict] of Object.entries(weighed.conflicts)) {
      if (conflict.strength !== 'direct') continue;
      const leading = conflict.sides.filter((side) =>
        reachablePicks(comparison, { ...weighed.answers, [question]: side.option }, held).has(prediction.label),
      );
      if (leading.length === 1 && leading[0]) toward[question] = leading[0];
    }
    return toward;
  };
  // A direct statement that stands (secondOpinion's rule) and a question the person said is open are kept, and so is
  // a question two direct statements contradict each other on, unless resolved as above: it is asked with both sides
  // named, never guessed (domain words torn both ways are no statement to keep, and the guess is shown as one).
  const torn = (question: string) => weighed.conflicts[question]?.strength === 'direct';
  const kept = (question: string) => stands(question) || raised.includes(question) || torn(question);
  // The conditions found, or those and the condition the pick needs (with any it requires), when the person's answers
  // alone cannot reach it: "everyone plays along ~10–20s late" is a broadcast the reader did not read as one.
  const defined = comparison.understanding?.conditions ?? [];
  const implied = defined.find((c) => conditionPickId(c) === prediction.label && !c.overrides && !c.when);
  const every = completions(comparison, {});
  const reaches = (held: readonly string[]) =>
    every.some((complete) => pickOf(comparison, complete, held) === prediction.label);
  const needed = implied ? [implied.id, ...(implied.requires ?? [])].filter((id) => !conditions.includes(id)) : [];
  if (!reaches(conditions)) return decideWith(needed);
  // The answers could lead to the pick only by changing one the person stated or said is open ("a call between two
  // people, maybe video later" leaves the payloads open, and live media is one of them): the condition the pick
  // needs carries it instead, as a guess like any other.
  return decideWith([]) ?? (needed.length > 0 ? decideWith(needed) : undefined);

  function decideWith(added: readonly string[]): { weighed: Weighed; opinion: Opinion } | undefined {
    const held = [...conditions, ...added];
    const resolved = sidesToward(held);
    // A resolved question is kept at the side that won, as a statement is.
    const answers: Answers = {
      ...weighed.answers,
      ...Object.fromEntries(Object.entries(resolved).map(([q, side]) => [q, side.option])),
    };
    const candidates = every
      .filter((complete) => pickOf(comparison, complete, held) === prediction.label)
      // An answer kept stands: the way of answering agrees with it, or makes its question moot ("both ways" leaves
      // nothing to say about the payloads).
      .filter((complete) => Object.keys(answers).every((q) => !kept(q) || (complete[q] ?? answers[q]) === answers[q]));
    const changes = (complete: Answers) =>
      Object.entries(complete).filter(([q, option]) => answers[q] !== undefined && answers[q] !== option).length;
    // The fewest answers changed, then the way that needs the fewest answers (both ways is a WebSocket on its own).
    const best = [...candidates].sort(
      (a, b) => changes(a) - changes(b) || Object.keys(a).length - Object.keys(b).length,
    )[0];
    if (!best) return undefined;
    const guess: Quote[] = prediction.words.map((words) => ({ words, strength: 'learned' }));
    const chosen: Record<string, string> = { ...answers };
    const filled: string[] = [];
    const set = (question: string) => {
      chosen[question] = best[question] as string;
      filled.push(question);
    };
    // The answers the reader read otherwise, then the open questions that still matter, in the wizard's order.
    for (const q of Object.keys(best)) if (answers[q] !== undefined && answers[q] !== best[q]) set(q);
    for (const q of comparison.wizard.questions.map((x) => x.id)) {
      if (reachablePicks(comparison, chosen, held).size <= 1) break;
      if (chosen[q] === undefined && best[q] !== undefined && !raised.includes(q) && !torn(q)) set(q);
    }
    const picks = reachablePicks(comparison, chosen, held);
    if (picks.size !== 1 || !picks.has(prediction.label)) return undefined;
    const conflicts = Object.fromEntries(
      Object.entries(weighed.conflicts).filter(([q]) => !filled.includes(q) && !(q in resolved)),
    );
    // The other side of each resolved conflict, and each statement the pick overruled, are shown, never dropped unseen.
    const overruled = filled.flatMap((q) => {
      const option = weighed.answers[q];
      const words = (quotes[q] ?? []).filter((quote) => quote.strength === 'direct').map((quote) => quote.words);
      return option !== undefined && words.length > 0 ? [[q, [{ option, words }]] as const] : [];
    });
    const outvoted = Object.fromEntries([
      ...Object.entries(resolved).map(([q, side]) => [
        q,
        (weighed.conflicts[q]?.sides ?? [])
          .filter((other) => other.option !== side.option)
          .map(({ option, words }) => ({ option, words })),
      ]),
      ...overruled,
    ]);
    const statements = Object.fromEntries(
      Object.entries(resolved).map(([q, side]) => [q, quotesOf(side.words, 'direct')]),
    );
    const next: Weighed = {
      answers: chosen,
      quotes: { ...quotes, ...statements, ...Object.fromEntries(filled.map((q) => [q, guess])) },
      conflicts,
      raised,
      ...(added.length ? { learnedConditions: [...added] } : {}),
      ...(Object.keys(outvoted).length ? { outvoted } : {}),
    };
    return { weighed: next, opinion: { kind: 'decides', questions: filled, prediction } };
  }
}

/** The reader's answer to a question taken back, so that it is asked; `raise` marks it open whatever else holds. */
function without(weighed: Weighed, question: string, raise: readonly string[]): Weighed {
  const { [question]: _a, ...answers } = weighed.answers;
  const { [question]: _q, ...quotes } = weighed.quotes;
  return {
    answers,
    quotes,
    conflicts: { ...weighed.conflicts },
    raised: [...new Set([...weighed.raised, ...raise])],
  };
}
