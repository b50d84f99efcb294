/**
 * The shape of a comparison data file (`data/*.json`). The schema is the contract between content and code:
 * a fact, a quick take or a wizard option changes in the data, and this keeps it honest, including the
 * cross-references (every source, technology, dimension and wizard option that an entry names must exist).
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lower-case letters, digits and dashes');
const text = z.string().trim().min(1);
const sourceIds = z.array(id).min(1, 'every fact cites at least one source');
/** Answers keyed by question id, each listing the option ids that satisfy it. */
const answerCondition = z.record(id, z.array(id).min(1));

export const sourceSchema = z.object({ id, title: text, url: text });

export const technologySchema = z.object({
  id,
  name: text,
  shortName: text,
  summary: text,
  since: text,
  by: text,
  licence: text,
  specUrl: z.url(),
  sources: sourceIds,
  note: text.optional(),
  /** Other names a person types for it after the command ("websockets", "eventsource"); id and names also work. */
  aliases: z.array(text.toLowerCase()).default([]),
});

export const sideSchema = z.object({ short: text, detail: text });

export const dimensionSchema = z.object({
  id,
  name: text,
  aliases: z.array(text.toLowerCase()).min(1),
  category: z.enum(['core', 'features', 'ops']),
  /** A technology id, or 'depends' when neither side wins outright. */
  edge: id,
  sides: z.record(id, sideSchema),
  sources: sourceIds,
  note: text.optional(),
});

export const adviceEntrySchema = z.object({
  id,
  situation: text,
  pick: id,
  /** When the pick is best used with something else, e.g. SSE plus ordinary POSTs. */
  pairing: text.optional(),
  reason: text,
  dimensions: z.array(id).min(1),
  sources: sourceIds,
});

/** A condition, as an alternative's or a 'neither' entry's lead: "if a fallback must work…", never "you need…". */
const conditionText = text.regex(/^(if|when|where) /, 'a condition that starts with "if", "when" or "where"');
/** A verdict's headline follows "Verdict: ", so a colon of its own would read "Verdict: SSE: …". */
const headline = text
  .max(150, 'a headline is a Slack header: 150 characters at most')
  .refine((h) => !h.includes(':'), 'a headline follows "Verdict: ": no colon of its own');
/** The two or three sources that support one verdict; the full list belongs to the scorecard. */
const verdictSources = sourceIds.max(3, 'a verdict cites the two or three sources that support it');

export const neitherSchema = z.object({
  id,
  name: text,
  when: conditionText,
  reason: text,
  sources: sourceIds,
});

export const caveatSchema = z.object({
  id,
  text,
  /** Technology or 'neither' entry ids: the caveat shows with a verdict that picks one of them. */
  showWhen: z.object({ pick: z.array(id).min(1), answers: answerCondition.optional() }),
  sources: sourceIds,
});

export const optionSchema = z.object({
  id,
  label: text.max(75, 'a wizard option is a button: 75 characters at most'),
  because: text,
});

export const questionSchema = z.object({
  id,
  prompt: text,
  /** What the question is about, as a verdict names it beside the answer ("Direction"): no "you" in a shared post. */
  topic: text.optional(),
  /** Ask this question only when earlier answers match; otherwise it is skipped. */
  askWhen: answerCondition.optional(),
  options: z.array(optionSchema).min(2).max(9),
});

const strength = z.enum(['strong', 'clear', 'lean']);

export const outcomeSchema = z.object({
  id,
  /** The first outcome whose conditions all hold gives the verdict. */
  when: answerCondition,
  /** A technology id; or, when the answers call for something else, `neither` names a 'neither' entry. */
  pick: id.optional(),
  neither: id.optional(),
  pairing: text.optional(),
  headline,
  /**
   * How an answer bears on this verdict, where the option's own line would argue for another pick ("Server →
   * client alone would favour SSE; binary frames decide it for WebSocket"): question id → option id → line.
   */
  because: z.record(id, z.record(id, text)).optional(),
  /** The sources that support this verdict, cited first; the deciding rows' sources fill up to three. */
  sources: verdictSources.optional(),
  /** The scorecard rows behind the pick; a 'neither' verdict may name none, as no row decides it. */
  decidedBy: z.array(id),
  strength,
  /** Alternatives shown whatever the answers; `byAnswer` adds its own. */
  alternatives: z.array(id).optional(),
  /** The question whose answer tunes how decisive the verdict is, its note and its alternatives. */
  tunedBy: id.optional(),
  byAnswer: z
    .record(
      id,
      z.object({ strength: strength.optional(), note: text.optional(), alternatives: z.array(id).optional() }),
    )
    .optional(),
});

export const alternativeSchema = z.union([
  z.object({ id, name: text, when: conditionText, reason: text, sources: sourceIds }),
  z.object({ id, neither: id }),
]);

/**
 * How free text answers the wizard: which words say what about each question, how strongly, and which words
 * negate, contrast or speak of the present ("today we poll"). Phrases are words separated by spaces; a word
 * matches any form of itself ("send" matches "sent", "unloads" matches "unloading"), `=word` that form only, `a|b`
 * either word, a trailing * any ending, `@class` any word of a word class, `word:verb` or `word:noun` the word in
 * that part of speech; up to two other words may stand between the words of a phrase, none between words joined by
 * `_` ("live_stream"), and `...` stands for up to eight, inside one clause.
 */
const phrase = text.toLowerCase();
/** direct: a statement that settles its question ("nothing goes back"); hint: a domain word ("dashboard"). */
export const findingStrength = z.enum(['direct', 'hint']);
const cueTarget = z.union([
  z.object({
    question: id,
    option: id,
    strength: findingStrength,
    /**
     * Options of the same question this finding gives way to when the text also says them, at any strength:
     * "nothing comes back" is one-way in whichever direction the text sends ("devices send readings, nothing comes
     * back" is client → server); "devices send readings" and "commands come back" together are both ways.
     */
    yields: z.array(id).optional(),
    /**
     * Said together with a finding of another option that pairs back, both give a third: data flowing down ("the
     * server broadcasts the state") and data flowing up ("each client pipes its inputs to the server") are both ways.
     */
    pairs: z.object({ with: id, gives: id }).optional(),
  }),
  /** A condition the verdict depends on; `holds: false` speaks against it ("the browser" against backend-only). */
  z.object({ condition: id, holds: z.boolean().optional(), strength: findingStrength }),
  /** The text says the question is open ("depends how much we value simple infra"): ask it. */
  z.object({ raises: id }),
]);
export const cueSchema = z.object({
  id,
  phrases: z.array(phrase).min(1),
  means: cueTarget,
  /** What else the same words say ("under a second": not a broadcast, and a high rate). */
  also: z.array(cueTarget).optional(),
  /** What the cue means when negated ("users can't reply"); without it a negated cue says nothing. */
  negated: cueTarget.optional(),
  /** Words that show the cue is meant in another sense ("chat about the design", "game studio"). */
  notBefore: z.array(phrase).optional(),
  notAfter: z.array(phrase).optional(),
  /**
   * Cues whose findings this cue, found and not negated, sets aside: "captions" or "transcripts" shown under "the
   * video" are text to show, not media to send.
   */
  outweighs: z.array(id).optional(),
  /** The advice entry (quick take or situational pick) a verdict cites when this cue helped set it. */
  cites: id.optional(),
  /**
   * What this cue says (or, negated, denies) is a standing fact about where the app runs ("the firewall blocks
   * websockets", "our host doesn't support websockets"), which holds whatever the tense. Without it, a clause said of the present ("long polling today") sets no condition that
   * changes the pick: what they have today is what they want to change, not a constraint on it.
   */
  standing: z.boolean().optional(),
});
export const conditionSchema = z.object({
  id,
  /** What it means, as the reply says it: "your clients cannot hold a streaming connection". */
  says: text,
  /** What the verdict becomes when the condition holds: a technology, or a 'neither' entry; none for a caveat. */
  pick: z.union([z.object({ technology: id }), z.object({ neither: id })]).optional(),
  /** With a pick: the verdict's headline, why, and the sources behind it. */
  headline: headline.optional(),
  because: text.optional(),
  sources: verdictSources.optional(),
  /** Applies only when the wizard's own verdict picks one of these (e.g. no EventSource overrides SSE only). */
  overrides: z.array(id).optional(),
  /**
   * With `overrides`: stated while every one of these questions is left open, the condition decides whatever the
   * verdict. A person who names websockets as blocked and says nothing of which way the data flows is asking for a
   * fallback that carries what a WebSocket would; the direction is asked only when they say it flows one way.
   */
  decidesWhenOpen: z.array(id).optional(),
  /** Applies only with these answers. */
  when: answerCondition.optional(),
  /** Applies only when these other conditions hold too (a broadcast is one of live media). */
  requires: z.array(id).optional(),
  /** Caveats that this condition makes pressing, kept with the verdict (no override). */
  caveats: z.array(id).optional(),
});
export const understandingSchema = z.object({
  $comment: z.string().optional(),
  /** Phrases that negate the rest of their clause (wink already reads "n't", "not", "never", "without"). */
  negators: z.array(phrase),
  /** Words that start a new clause: what stands before "but" does not carry over. */
  clauseBreaks: z.array(phrase),
  /** Phrases that put a clause in the present state of affairs ("today", "currently"): not what is asked for. */
  current: z.array(phrase),
  /**
   * Phrases that say something is not decided ("haven't decided", "still being argued", "not sure yet"): what
   * follows them in their clause is undecided, or, when nothing that answers a question follows, the nearest
   * statement before them in the sentence with the others on its question ("some are bidi, some only push, not sure
   * yet which"). The question it would answer is asked instead.
   */
  undecided: z.array(phrase).default([]),
  /**
   * Words that hedge what follows them in their clause ("maybe json, maybe binary", "we might let people reply
   * later"); followed by nothing that answers a question ("maybe every few minutes"), they leave nothing undecided.
   */
  hedges: z.array(phrase).default([]),
  /** Words that offer a choice: two answers to one question on either side ("json or protobuf") are undecided. */
  choices: z.array(phrase).default([]),
  wordClasses: z.record(id, z.array(phrase).min(1)),
  cues: z.array(cueSchema).min(1),
  /** How sure the reader must be before a reading decides rather than asks. */
  calibration: z
    .object({
      /**
       * Domain words from this many different cues, agreeing on another option, put one direct statement in doubt:
       * the question is asked naming both sides. 0 (the default): a direct statement outweighs any number of them.
       */
      hintsAgainstOneStatement: z.number().int().min(0).default(0),
    })
    .optional(),
  /** Answers assumed when the text says nothing of a question, shown as assumed with a Change button. */
  assume: z.array(z.object({ question: id, option: id, because: text })),
  conditions: z.array(conditionSchema),
});

const comparisonBase = z.object({
  $comment: z.string().optional(),
  id,
  /** The comparison that /realtime and the other surfaces use when none is named; at most one file sets it. */
  default: z.boolean().optional(),
  title: text,
  updated: z.iso.date(),
  summary: text,
  overview: text,
  sources: z.array(sourceSchema).min(1),
  technologies: z.array(technologySchema).min(2),
  dimensions: z.array(dimensionSchema).min(1),
  quickTakes: z.array(adviceEntrySchema),
  situationalPicks: z.array(adviceEntrySchema),
  neither: z.array(neitherSchema),
  caveats: z.array(caveatSchema),
  wizard: z.object({
    questions: z.array(questionSchema).min(1).max(9),
    outcomes: z.array(outcomeSchema).min(1),
    alternatives: z.array(alternativeSchema),
  }),
  understanding: understandingSchema.optional(),
});

export const comparisonSchema = comparisonBase.superRefine((c, ctx) => {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const known = (kind: string, ids: Iterable<string>) => {
    const set = new Set(ids);
    return (value: string, path: (string | number)[]) => {
      if (!set.has(value)) problem(path, `unknown ${kind} "${value}"; known: ${[...set].join(', ')}`);
    };
  };
  /** Checks each id of a list, naming its index in the path. */
  const all = (
    check: (value: string, path: (string | number)[]) => void,
    ids: readonly string[],
    path: (string | number)[],
  ) => {
    for (const [i, value] of ids.entries()) check(value, [...path, i]);
  };
  /**
   * Ids that must be unique across one or more lists, e.g. advice ids across quick takes, situational picks and
   * neither entries, which share one namespace. A duplicate is reported at its own list and index.
   */
  const unique = (kind: string, ...lists: [items: readonly { id: string }[], path: (string | number)[]][]) => {
    const seen = new Set<string>();
    for (const [items, path] of lists) {
      for (const [i, item] of items.entries()) {
        if (seen.has(item.id)) problem([...path, i, 'id'], `duplicate ${kind} id "${item.id}"`);
        seen.add(item.id);
      }
    }
  };
  unique('source', [c.sources, ['sources']]);
  unique('technology', [c.technologies, ['technologies']]);
  unique('dimension', [c.dimensions, ['dimensions']]);
  unique(
    'advice',
    [c.quickTakes, ['quickTakes']],
    [c.situationalPicks, ['situationalPicks']],
    [c.neither, ['neither']],
  );
  unique('caveat', [c.caveats, ['caveats']]);
  unique('question', [c.wizard.questions, ['wizard', 'questions']]);
  for (const [i, q] of c.wizard.questions.entries())
    unique(`option of ${q.id}`, [q.options, ['wizard', 'questions', i, 'options']]);
  unique('outcome', [c.wizard.outcomes, ['wizard', 'outcomes']]);
  unique('alternative', [c.wizard.alternatives, ['wizard', 'alternatives']]);

  const source = known(
    'source',
    c.sources.map((s) => s.id),
  );
  const technology = known(
    'technology',
    c.technologies.map((t) => t.id),
  );
  const dimension = known(
    'dimension',
    c.dimensions.map((d) => d.id),
  );
  const neither = known(
    'neither entry',
    c.neither.map((n) => n.id),
  );
  const alternative = known(
    'alternative',
    c.wizard.alternatives.map((a) => a.id),
  );
  const techIds = c.technologies.map((t) => t.id);
  const checkSources = (ids: string[], path: (string | number)[]) => all(source, ids, [...path, 'sources']);
  const checkCondition = (condition: Record<string, string[]>, path: (string | number)[]) => {
    for (const [questionId, optionIds] of Object.entries(condition)) {
      const question = c.wizard.questions.find((q) => q.id === questionId);
      if (!question) {
        problem([...path, questionId], `unknown question "${questionId}"`);
        continue;
      }
      const check = known(
        `option of ${questionId}`,
        question.options.map((o) => o.id),
      );
      all(check, optionIds, [...path, questionId]);
    }
  };

  // A look-up word names one thing: a technology's names cannot also name a dimension.
  const dimensionWords = new Set(c.dimensions.flatMap((d) => [d.id, d.name.toLowerCase(), ...d.aliases]));
  for (const [i, t] of c.technologies.entries()) {
    checkSources(t.sources, ['technologies', i]);
    for (const [j, alias] of t.aliases.entries())
      if (dimensionWords.has(alias))
        problem(
          ['technologies', i, 'aliases', j],
          `"${alias}" already names a dimension; a look-up word names one thing`,
        );
  }
  c.dimensions.forEach((d, i) => {
    checkSources(d.sources, ['dimensions', i]);
    if (d.edge !== 'depends') technology(d.edge, ['dimensions', i, 'edge']);
    for (const t of techIds) if (!d.sides[t]) problem(['dimensions', i, 'sides', t], `missing the ${t} side`);
    for (const side of Object.keys(d.sides)) technology(side, ['dimensions', i, 'sides', side]);
  });
  for (const list of ['quickTakes', 'situationalPicks'] as const) {
    c[list].forEach((e, i) => {
      checkSources(e.sources, [list, i]);
      technology(e.pick, [list, i, 'pick']);
      all(dimension, e.dimensions, [list, i, 'dimensions']);
    });
  }
  c.neither.forEach((n, i) => {
    checkSources(n.sources, ['neither', i]);
  });
  const pickable = known('technology or neither entry', [...techIds, ...c.neither.map((n) => n.id)]);
  c.caveats.forEach((cv, i) => {
    checkSources(cv.sources, ['caveats', i]);
    all(pickable, cv.showWhen.pick, ['caveats', i, 'showWhen', 'pick']);
    if (cv.showWhen.answers) checkCondition(cv.showWhen.answers, ['caveats', i, 'showWhen', 'answers']);
  });
  c.wizard.questions.forEach((q, i) => {
    if (q.askWhen) checkCondition(q.askWhen, ['wizard', 'questions', i, 'askWhen']);
  });
  c.wizard.outcomes.forEach((o, i) => {
    const path = ['wizard', 'outcomes', i];
    checkCondition(o.when, [...path, 'when']);
    if ((o.pick === undefined) === (o.neither === undefined))
      problem(path, 'an outcome picks a technology (pick) or a neither entry (neither), exactly one');
    if (o.pick !== undefined) {
      technology(o.pick, [...path, 'pick']);
      if (o.decidedBy.length === 0) problem([...path, 'decidedBy'], 'a technology pick names the rows that decide it');
    }
    if (o.neither !== undefined) neither(o.neither, [...path, 'neither']);
    all(dimension, o.decidedBy, [...path, 'decidedBy']);
    all(alternative, o.alternatives ?? [], [...path, 'alternatives']);
    if (o.byAnswer && !o.tunedBy) problem([...path, 'tunedBy'], 'byAnswer needs tunedBy, the question it is keyed by');
    if (o.tunedBy) checkCondition({ [o.tunedBy]: Object.keys(o.byAnswer ?? {}) }, [...path, 'byAnswer']);
    for (const [questionId, lines] of Object.entries(o.because ?? {}))
      checkCondition({ [questionId]: Object.keys(lines) }, [...path, 'because']);
    if (o.sources) checkSources(o.sources, path);
    for (const [answer, tuning] of Object.entries(o.byAnswer ?? {}))
      all(alternative, tuning.alternatives ?? [], [...path, 'byAnswer', answer, 'alternatives']);
  });
  c.wizard.alternatives.forEach((a, i) => {
    if ('neither' in a) neither(a.neither, ['wizard', 'alternatives', i, 'neither']);
    else checkSources(a.sources, ['wizard', 'alternatives', i]);
  });
  if (c.understanding) checkUnderstanding(c, c.understanding, { problem, known, checkCondition, checkSources });
});

interface Checks {
  problem: (path: (string | number)[], message: string) => void;
  known: (kind: string, ids: Iterable<string>) => (value: string, path: (string | number)[]) => void;
  checkCondition: (condition: Record<string, string[]>, path: (string | number)[]) => void;
  checkSources: (ids: string[], path: (string | number)[]) => void;
}

/** Every question, option, condition, advice entry, word class and caveat the free-text section names must exist. */
function checkUnderstanding(
  c: z.infer<typeof comparisonBase>,
  u: z.infer<typeof understandingSchema>,
  { problem, known, checkCondition, checkSources }: Checks,
): void {
  const base = ['understanding'];
  const condition = known(
    'condition',
    u.conditions.map((x) => x.id),
  );
  const question = known(
    'question',
    c.wizard.questions.map((q) => q.id),
  );
  const entry = known(
    'quick take or situational pick',
    [...c.quickTakes, ...c.situationalPicks].map((e) => e.id),
  );
  const technology = known(
    'technology',
    c.technologies.map((t) => t.id),
  );
  const neither = known(
    'neither entry',
    c.neither.map((n) => n.id),
  );
  const pickable = known(
    'technology or neither entry',
    [...c.technologies, ...c.neither].map((x) => x.id),
  );
  const caveat = known(
    'caveat',
    c.caveats.map((x) => x.id),
  );
  const target = (t: z.infer<typeof cueTarget>, path: (string | number)[]) => {
    if ('option' in t)
      checkCondition(
        { [t.question]: [t.option, ...(t.yields ?? []), ...(t.pairs ? [t.pairs.with, t.pairs.gives] : [])] },
        path,
      );
    else if ('condition' in t) condition(t.condition, [...path, 'condition']);
    else question(t.raises, [...path, 'raises']);
  };
  const seen = new Set<string>();
  const cueIds = new Set(u.cues.map((x) => x.id));
  u.cues.forEach((cue, i) => {
    const path = [...base, 'cues', i];
    if (seen.has(cue.id)) problem([...path, 'id'], `duplicate cue id "${cue.id}"`);
    seen.add(cue.id);
    target(cue.means, [...path, 'means']);
    if (cue.negated) target(cue.negated, [...path, 'negated']);
    for (const [j, t] of (cue.also ?? []).entries()) target(t, [...path, 'also', j]);
    if (cue.cites) entry(cue.cites, [...path, 'cites']);
    for (const [j, other] of (cue.outweighs ?? []).entries())
      if (!cueIds.has(other)) problem([...path, 'outweighs', j], `unknown cue "${other}"`);
    const phrases = [...cue.phrases, ...(cue.notBefore ?? []), ...(cue.notAfter ?? [])];
    for (const [j, phrase] of phrases.entries()) {
      if (phrase.trim().startsWith('...')) problem([...path, 'phrases', j], 'a phrase starts with a word, not "..."');
      if (phrase.split(/\s+/).some((chunk) => chunk.includes('_') && chunk.includes('|')))
        problem([...path, 'phrases', j], 'a word joined with "_" has no alternatives: write one phrase each');
      for (const word of phrase.split(/[\s_]+/)) {
        const [names = '', part] = word.split(':');
        for (const name of names.split('|'))
          if (name.startsWith('@') && !u.wordClasses[name.slice(1)])
            problem([...path, 'phrases', j], `unknown word class "${name}"`);
        if (part !== undefined && !['verb', 'noun'].includes(part))
          problem([...path, 'phrases', j], `unknown part of speech ":${part}"; known: :verb, :noun`);
      }
    }
  });
  for (const [name, words] of Object.entries(u.wordClasses))
    words.forEach((word, i) => {
      if (/\s/.test(word)) problem([...base, 'wordClasses', name, i], 'a word class holds single words');
    });
  for (const [i, a] of u.assume.entries()) checkCondition({ [a.question]: [a.option] }, [...base, 'assume', i]);
  u.conditions.forEach((x, i) => {
    const path = [...base, 'conditions', i];
    if (x.pick && 'technology' in x.pick) technology(x.pick.technology, [...path, 'pick', 'technology']);
    if (x.pick && 'neither' in x.pick) neither(x.pick.neither, [...path, 'pick', 'neither']);
    if (x.pick && !(x.headline && x.because && x.sources))
      problem(path, 'a condition that changes the pick says why: headline, because and sources');
    if (x.sources) checkSources(x.sources, path);
    for (const [j, id] of (x.overrides ?? []).entries()) pickable(id, [...path, 'overrides', j]);
    if (x.decidesWhenOpen && !x.overrides)
      problem(
        [...path, 'decidesWhenOpen'],
        'only a condition that overrides some picks can decide when questions are open',
      );
    for (const [j, id] of (x.decidesWhenOpen ?? []).entries())
      if (!c.wizard.questions.some((q) => q.id === id))
        problem([...path, 'decidesWhenOpen', j], `"${id}" is not a wizard question`);
    if (x.when) checkCondition(x.when, [...path, 'when']);
    for (const [j, id] of (x.requires ?? []).entries()) condition(id, [...path, 'requires', j]);
    for (const [j, id] of (x.caveats ?? []).entries()) caveat(id, [...path, 'caveats', j]);
  });
}

export type Comparison = z.infer<typeof comparisonSchema>;
export type Technology = z.infer<typeof technologySchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type AdviceEntry = z.infer<typeof adviceEntrySchema>;
export type NeitherEntry = z.infer<typeof neitherSchema>;
export type Caveat = z.infer<typeof caveatSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Strength = z.infer<typeof strength>;
export type Understanding = z.infer<typeof understandingSchema>;
export type Cue = z.infer<typeof cueSchema>;
export type CueTarget = Cue['means'];
export type Condition = z.infer<typeof conditionSchema>;
export type FindingStrength = z.infer<typeof findingStrength>;
