/**
 * Free text as a way of answering the wizard: the reader's findings become wizard answers with their quotes, the
 * conditions it found ride along, and the wizard's rules (src/advisor/settle.ts) decide what to ask or advise.
 */
import type { LearnedModel } from './learned.js';
import { tokenize } from './nlp.js';
import type { Comparison } from './schema.js';
import { type Opinion, secondOpinion } from './second-opinion.js';
import { conditionPickId, reachablePicks } from './settle.js';
import { type Conflict, type Reader, type Reading, read } from './understand.js';
import {
  type Answers,
  applicableQuestions,
  QUOTES_PER_ANSWER,
  type Quote,
  quotesOf,
  type WizardState,
} from './wizard.js';

export interface TextReading {
  reading: Reading;
  state: WizardState;
  /** Questions whose findings disagree at equal strength: asked with both sides in the person's words. */
  conflicts: Record<string, Conflict>;
  /** What the learned classifier made of the text, when the comparison has one and the text said anything. */
  opinion?: Opinion;
  /**
   * Direct statements the classifier's sure pick outvoted where two contradicted each other (second-opinion.ts
   * `resolve`), by question: the sides that lost, in the person's words, shown beside the answer that won.
   */
  outvoted?: Record<string, { option: string; words: string[] }[]>;
  /** The same for denials: words that denied a condition the classifier's sure pick upheld, by condition. */
  outvotedDenials?: Record<string, string[]>;
}

/**
 * `learned`, when given, is weighed against the reader's answers (second-opinion.ts): it may turn a pick into a
 * question or fill a question the reader left open, always quoting the words it weighed most.
 */
export function readText(
  comparison: Comparison,
  reader: Reader | undefined,
  text: string,
  learned?: LearnedModel,
): TextReading {
  const tokens = reader ? tokenize(text) : [];
  const reading: Reading = reader
    ? read(reader, text, tokens)
    : { findings: [], answers: {}, conflicts: {}, raised: [], conditions: [], cites: [] };
  // Nothing in the text the reader can use: the plain wizard, with nothing assumed, unless the learned second opinion
  // confidently fills a question from words worded like it ("new tickets should just appear in their inbox view").
  const plainWizard = (): TextReading => ({
    reading,
    conflicts: {},
    state: { comparisonId: comparison.id, answers: {} },
  });
  const nothingRead = reading.findings.length === 0;
  if (nothingRead && !learned) return plainWizard();
  const found: Record<string, string> = {};
  const quotes: Record<string, Quote[]> = {};
  for (const [questionId, answered] of Object.entries(reading.answers)) {
    // A question the person says is open is asked, not answered for them from a hint.
    if (reading.raised.includes(questionId)) continue;
    // Domain words alone that no seed take covers leave the question to the person.
    if (answered.weak) continue;
    found[questionId] = answered.option;
    quotes[questionId] = answered.evidence.slice(0, QUOTES_PER_ANSWER);
  }
  for (const assumed of comparison.understanding?.assume ?? []) {
    const open = reading.conflicts[assumed.question] || reading.raised.includes(assumed.question);
    if (found[assumed.question] !== undefined || open) continue;
    found[assumed.question] = assumed.option;
    quotes[assumed.question] = [{ words: assumed.because, strength: 'assumed' }];
  }
  // A condition that changes the pick needs a direct statement: "camera" alone is no live video to stream. Of a
  // condition and the one it requires, one direct statement is enough: "a few hundred watching, ~10s delay is
  // fine" makes "stream" the video, and "the sunday service live" makes "the congregation just watches" a broadcast.
  const defined = comparison.understanding?.conditions ?? [];
  const picks = new Set(defined.filter((c) => c.pick).map((c) => c.id));
  const stated = new Set(
    reading.conditions.filter((c) => c.strength === 'direct' || !picks.has(c.id)).map((c) => c.id),
  );
  const requires = (id: string) => defined.find((c) => c.id === id)?.requires ?? [];
  const decisive = reading.conditions.filter(
    (c) =>
      stated.has(c.id) ||
      [...stated].some((id) => requires(id).includes(c.id)) ||
      (requires(c.id).length > 0 && requires(c.id).every((id) => stated.has(id))),
  );
  // A constraint stated directly ("a proxy blocks websockets") that a domain word alone would make moot ("logs" reads
  // as a feed, and SSE needs no websockets) is evidence against that domain word: the person would not name a
  // constraint that does not matter to them. The question the word answered is asked, not taken from it.
  const ids = decisive.map((c) => c.id);
  const picksWith = (answers: Answers) => reachablePicks(comparison, answers, ids);
  for (const c of decisive) {
    const condition = defined.find((d) => d.id === c.id);
    // Only a constraint that rules a technology out (`overrides`): "under a second" is no constraint the person names
    // because it matters to the pick.
    const pick = condition && conditionPickId(condition);
    if (!pick || !condition?.overrides || c.strength !== 'direct') continue;
    if (picksWith(found).has(pick)) continue;
    for (const [questionId, answered] of Object.entries(reading.answers)) {
      if (answered.strength === 'direct' || found[questionId] !== answered.option) continue;
      const { [questionId]: _, ...without } = found;
      if (!picksWith(without).has(pick)) continue;
      delete found[questionId];
      delete quotes[questionId];
    }
  }
  // A conflict whose sides all lead to the same pick is moot ("sends its key once" and "after that only listens"
  // both give SSE): the first side in the wizard's order answers it, in its own words.
  const open = { ...reading.conflicts };
  for (const [questionId, conflict] of Object.entries(reading.conflicts)) {
    const outcomes = conflict.sides.map((side) => [...picksWith({ ...found, [questionId]: side.option })]);
    const only = outcomes[0]?.[0];
    if (!only || !outcomes.every((o) => o.length === 1 && o[0] === only)) continue;
    const order = comparison.wizard.questions.find((q) => q.id === questionId)?.options.map((o) => o.id) ?? [];
    const side = [...conflict.sides].sort((a, b) => order.indexOf(a.option) - order.indexOf(b.option))[0];
    if (!side) continue;
    found[questionId] = side.option;
    quotes[questionId] = quotesOf(side.words, conflict.strength);
    delete open[questionId];
  }
  // The learned second opinion, on what the reader settled: it may ask back an answer or fill an open question.
  const second = learned
    ? secondOpinion(
        comparison,
        learned,
        text,
        tokens,
        { answers: found, quotes, conflicts: open, raised: reading.raised },
        ids,
        reading.denied ?? [],
        reading.contested ?? [],
      )
    : undefined;
  const guessed = second?.opinion.kind === 'fills' || second?.opinion.kind === 'decides';
  if (nothingRead && !guessed) return plainWizard();
  const weighed = second?.weighed ?? { answers: found, quotes, conflicts: open, raised: reading.raised };
  const learnedConditions = weighed.learnedConditions ?? [];
  const setAside = decisive.filter((c) => weighed.setAside?.includes(c.id));
  const upheld = weighed.upheld ?? [];
  const held = [
    ...decisive.filter((c) => !weighed.setAside?.includes(c.id)),
    ...upheld.map((c) => ({ id: c.id, words: c.words })),
  ];
  // Only answers to questions that apply to the others: "both ways" leaves nothing for the binary question.
  const applicable = new Set(applicableQuestions(comparison, weighed.answers).map((q) => q.id));
  const answers: Answers = Object.fromEntries(Object.entries(weighed.answers).filter(([q]) => applicable.has(q)));
  const kept = Object.fromEntries(Object.entries(weighed.quotes).filter(([q]) => answers[q] !== undefined));
  const conflicts = Object.fromEntries(Object.entries(weighed.conflicts).filter(([q]) => applicable.has(q)));
  const outvoted = Object.fromEntries(Object.entries(weighed.outvoted ?? {}).filter(([q]) => answers[q] !== undefined));
  return {
    reading,
    conflicts,
    ...(Object.keys(outvoted).length ? { outvoted } : {}),
    ...(upheld.length ? { outvotedDenials: Object.fromEntries(upheld.map((c) => [c.id, c.against])) } : {}),
    ...(second ? { opinion: second.opinion } : {}),
    state: {
      comparisonId: comparison.id,
      answers,
      text: {
        quotes: kept,
        conditions: {
          ...Object.fromEntries(held.map((c) => [c.id, c.words.slice(0, 1)])),
          ...Object.fromEntries(
            learnedConditions.map((id) => [id, second?.opinion.prediction.words.slice(0, 1) ?? []]),
          ),
        },
        ...(learnedConditions.length ? { learnedConditions } : {}),
        ...(setAside.length ? { setAside: Object.fromEntries(setAside.map((c) => [c.id, c.words.slice(0, 1)])) } : {}),
        raised: weighed.raised.filter((q) => applicable.has(q)),
        ...(reading.cites.length ? { cites: reading.cites } : {}),
      },
    },
  };
}
