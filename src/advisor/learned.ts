/**
 * A learned second opinion on free text: a small linear classifier over the text's lemmas and lemma pairs, trained
 * at build time on the labelled evaluation rows (tests/advisor/eval/train.ts) and stored as data
 * (`data/learned/<comparison id>.json`). It predicts what the whole text comes to (a pick, or the wizard question
 * the text leaves open) and names the words that weighed most for it, so that whatever it contributes to an answer
 * is quoted in the person's words like any other finding. It is evidence beside the reader, never a verdict alone:
 * the policy that weighs the two is in second-opinion.ts.
 */
import { z } from 'zod';
import type { Token } from './nlp.js';

/** Only letters and digits make a feature; punctuation separates lemma pairs. */
const WORDLIKE = /[\p{L}\p{N}]/u;
/** Digits are one feature whatever the number: "40 repos" and "400 repos" say the same. */
const DIGITS = /\d+/g;
/** Punctuation that ends a clause breaks lemma pairs (a hyphen or a slash inside a word does not). */
const BREAKS = new Set(['.', ';', '!', '?', ',', ':', '(', ')', '[', ']', '—', '–', '…']);

/**
 * Per class, one weight for each of `features`, checked in one pass with the JSON path of the first bad entry:
 * zod's element checks, or per-class objects keyed by feature, cost 20–30 ms of start-up over some forty thousand
 * weights; dense arrays of numbers parse and check in a few.
 */
const weightMatrix = z
  .custom<number[][]>(
    (value) => Array.isArray(value) && value.every((row) => Array.isArray(row)),
    'Invalid input: expected one array of weights a class',
  )
  .superRefine((rows, ctx) => {
    // Indexed loops: iterators over fifty thousand weights cost milliseconds of a cold start.
    for (let c = 0; c < rows.length; c++) {
      const row = rows[c] as unknown[];
      for (let i = 0; i < row.length; i++) {
        const weight = row[i];
        if (typeof weight !== 'number' || !Number.isFinite(weight)) {
          ctx.addIssue({
            code: 'custom',
            path: [c, i],
            message: `Invalid input: expected number, received ${typeof weight}`,
          });
          return;
        }
      }
    }
  });

/** The features, checked in one pass like the weights (thousands of them): each a non-empty string. */
const featureList = z
  .custom<string[]>((value) => Array.isArray(value), 'Invalid input: expected an array of features')
  .superRefine((features, ctx) => {
    for (let i = 0; i < features.length; i++) {
      const feature = features[i];
      if (typeof feature !== 'string' || feature.length === 0) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'Invalid input: expected a feature (a lemma or two)' });
        return;
      }
    }
  });

/** A linear classifier: per class a bias, and a weight for each feature it knows. */
const classifierFields = {
  /** One bias a class. */
  bias: z.array(z.number()),
  /** The features any class weighs: a lemma, or two lemmas joined by a space. */
  features: featureList,
  /** Per class, one weight for each feature, in `features` order (0 where the feature says nothing of the class). */
  weights: weightMatrix,
};

/**
 * A classifier of what a text says about one wizard question: an option of it, or `open` where the text does not
 * say. Trained on rows labelled question by question (the pools' `settles`), so it learns how people word an
 * answer ("the backend nudges the page"), not only what whole texts come to.
 */
export const answerHeadSchema = z.strictObject({
  /** The question's options, and `open`. */
  classes: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(2),
  ...classifierFields,
});
export type AnswerHead = z.infer<typeof answerHeadSchema>;

export const learnedModelSchema = z.strictObject({
  /** The comparison whose vocabulary of answers the labels use. */
  comparison: z.string().min(1),
  /** The development sets it was trained on, by name, so a reader of the file knows what it has seen. */
  trainedOn: z.array(z.string().min(1)).min(1),
  /** What each class stands for: a pick id (a technology or a 'neither' entry) or `ask:<question id>`. */
  classes: z.array(z.string().regex(/^(ask:)?[a-z0-9-]+$/)).min(2),
  ...classifierFields,
  /** Per wizard question, what the text says about it alone (see answerHeadSchema). */
  answers: z.record(z.string().min(1), answerHeadSchema).optional(),
  /** The policy's thresholds (second-opinion.ts), measured leave-one-round-out and kept with the weights. */
  policy: z.strictObject({
    /** The probability at or above which a prediction that disagrees with the reader's pick asks instead. */
    disagree: z.number().min(0).max(1),
    /** The same, where the answer in the way was stated directly: a statement needs more to be asked back. */
    overrule: z.number().min(0).max(1),
    /**
     * The questions whose direct answers may be asked back at all. Words that decide a whole text ("dashboard")
     * say much about its direction and little about its payloads: "raw jpeg bytes" stands against them.
     */
    overrulable: z.array(z.string().min(1)),
    /** The probability at or above which a prediction fills a question the reader left open, as a hint. */
    fill: z.number().min(0).max(1),
    /**
     * Where the classifier confidently predicts a pick no one answer leads to, the reader's pick is asked about when
     * the classifier gives it less than this probability.
     */
    doubt: z.number().min(0).max(1),
    /** A pick resting on domain words alone is asked unless the classifier gives it at least this probability. */
    weak: z.number().min(0).max(1),
    /** The probability at or above which an answer head fills the question the reader left open, as a hint. */
    answer: z.number().min(0).max(1).optional(),
    /**
     * Below this probability for the reader's pick, its first answer that matters is asked, however it was said: the
     * reader's statements misread more often than the classifier gives so little to the pick they lead to.
     */
    distrust: z.number().min(0).max(1).optional(),
    /**
     * At or above this probability the classifier's pick stands over answers the reader took from domain words or left
     * open (never over a direct statement): on blind pools it was right in 97% of texts it was this sure of.
     */
    decide: z.number().min(0).max(1).optional(),
    /**
     * At or above this probability, a pick of its own that the reader's pick stands in the way of only through a
     * condition the reader found, and that gives the reader's pick under `distrust`, sets that condition aside: the
     * reader reads conditions from words ("our api") that situations worded like this one rarely mean so. The
     * person sees it set aside, with their words, and can take it back.
     */
    overturn: z.number().min(0).max(1).optional(),
    /**
     * At or above this probability, a pick that only one side of two contradicting direct statements leads to answers
     * that question with that side's words, and the other side is shown beside the verdict as outvoted ("it never
     * talks back" read as the server never answering), never dropped unseen. Below it, such a question is asked.
     * A condition the text both states and denies directly ("both our services", "forward to users") is decided the
     * same way: at this probability for the pick only it leads to, it holds and the denial is shown outvoted; below
     * it, the denial stands.
     */
    resolve: z.number().min(0).max(1).optional(),
    /**
     * At or above this probability, the classifier's pick stands over direct statements too (payloads included): on
     * blind pools it was wrong in under one text in a hundred it was this sure of. Each statement it overrules is
     * shown beside the verdict as outvoted, with its Change button.
     */
    prevail: z.number().min(0).max(1).optional(),
    /**
     * Answers stated directly that stand however sure the classifier is, by question: a payload named as binary
     * ("jpg", "msgpack") is the text's most specific need, and overruling it cost more than it gained.
     */
    firm: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
  }),
});
export type LearnedModel = z.infer<typeof learnedModelSchema>;

/** One feature where it stands in the text: its tokens' first and last characters, for quoting. */
export interface PlacedFeature {
  feature: string;
  start: number;
  end: number;
  /** It holds a content word: "the page" can be quoted, "and the" weighs but says nothing to a person. */
  content: boolean;
}

/** Parts of speech that carry meaning on their own. */
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

function lemmaOf(token: Token): string {
  return token.lemma.replace(DIGITS, '0');
}

/** Words after which, to the end of the clause, a content word is read as denied ("nothing goes back"). */
const NEGATIONS = new Set(['no', 'not', "n't", 'never', 'nothing', 'without', 'none', 'nobody', 'neither', 'nor']);
/** Longer lemmas also count by their first letters: "notif~" is the same feature in "notifs", "notifications", "notifcation". */
const STEM = 5;

/**
 * The text's features: every word's lemma, the first letters of a long one, a content word marked `!` when a negation
 * comes before it in its clause, and each pair of neighbouring words inside a clause. The stems and the marked words
 * were measured on three blind batches of pools (README): the classifier reads misspelt and derived words, and what a
 * sentence denies, that lemmas and pairs alone missed.
 */
export function featuresOf(tokens: readonly Token[]): PlacedFeature[] {
  const out: PlacedFeature[] = [];
  let previous: Token | undefined;
  let denied = false;
  for (const token of tokens) {
    if (!WORDLIKE.test(token.norm)) {
      if (BREAKS.has(token.norm)) {
        previous = undefined;
        denied = false;
      }
      continue;
    }
    const lemma = lemmaOf(token);
    const content = CONTENT.has(token.pos);
    const placed = { start: token.start, end: token.end, content };
    out.push({ feature: lemma, ...placed });
    if (lemma.length > STEM) out.push({ feature: `${lemma.slice(0, STEM)}~`, ...placed });
    if (denied && content) out.push({ feature: `!${lemma}`, ...placed });
    if (NEGATIONS.has(token.norm.toLowerCase())) denied = true;
    if (previous)
      out.push({
        feature: `${lemmaOf(previous)} ${lemma}`,
        start: previous.start,
        end: token.end,
        content: content || CONTENT.has(previous.pos),
      });
    previous = token;
  }
  return out;
}

/** Each distinct feature once: the classifier reads presence, not counts. */
export function distinctFeatures(tokens: readonly Token[]): string[] {
  return [...new Set(featuresOf(tokens).map((f) => f.feature))];
}

export interface Prediction {
  /** The most probable class: a pick id or `ask:<question>`. */
  label: string;
  probability: number;
  /** Every class's probability, in the model's class order. */
  probabilities: readonly number[];
  /**
   * The person's words that weighed most for the label (at most two spans, in text order): what a learned
   * finding quotes.
   */
  words: string[];
}

/** How many spans of the text a learned finding quotes. */
const QUOTED = 2;

/** The classes, biases and weights of the whole-text classifier or of one answer head. */
type Classifier = Pick<AnswerHead, 'classes' | 'bias' | 'features' | 'weights'>;

/** Each feature's weight for every class, in one array: a text's score is a few look-ups and additions. */
const compiled = new WeakMap<Classifier, Map<string, Float64Array>>();

function vectorsOf(model: Classifier): Map<string, Float64Array> {
  let vectors = compiled.get(model);
  if (!vectors) {
    vectors = new Map();
    for (const [i, feature] of model.features.entries()) {
      const vector = new Float64Array(model.classes.length);
      for (const [c, weights] of model.weights.entries()) vector[c] = weights[i] ?? 0;
      vectors.set(feature, vector);
    }
    compiled.set(model, vectors);
  }
  return vectors;
}

/**
 * The probability of each class for these tokens, the best one, and the words that carried it: of the whole-text
 * classifier, or of one answer head.
 */
export function predict(model: Classifier, text: string, tokens: readonly Token[]): Prediction {
  const vectors = vectorsOf(model);
  const k = model.classes.length;
  // A feature's first place in the text is where it is counted, and quoted from.
  const first = new Map<string, PlacedFeature & { vector: Float64Array }>();
  for (const f of featuresOf(tokens)) {
    const vector = vectors.get(f.feature);
    if (vector && !first.has(f.feature)) first.set(f.feature, { ...f, vector });
  }
  const scores = [...model.bias];
  for (const { vector } of first.values())
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (vector[c] as number);
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probabilities = exps.map((e) => e / sum);
  const best = probabilities.indexOf(Math.max(...probabilities));
  // A feature weighs for the label by how much more it adds to the label than to the strongest other class.
  const margin = (vector: Float64Array) => {
    let other = -Infinity;
    for (let c = 0; c < k; c++) if (c !== best && (vector[c] as number) > other) other = vector[c] as number;
    return (vector[best] as number) - other;
  };
  const carried = [...first.values()]
    .filter((f) => f.content)
    .map((f) => ({ start: f.start, end: f.end, margin: margin(f.vector) }))
    .filter((f) => f.margin > 0)
    .sort((a, b) => b.margin - a.margin || a.start - b.start);
  const spans: { start: number; end: number }[] = [];
  for (const f of carried) {
    if (spans.length >= QUOTED) break;
    if (spans.some((s) => f.start < s.end && s.start < f.end)) continue;
    spans.push({ start: f.start, end: f.end });
  }
  spans.sort((a, b) => a.start - b.start);
  return {
    label: model.classes[best] as string,
    probability: probabilities[best] as number,
    probabilities,
    words: spans.map((s) => wholeWords(text, s.start, s.end)),
  };
}

const LETTER = /[\p{L}\p{N}'’]/u;

/** A span widened to whole words: a token such as "n't" quotes as "doesn't need", not "n't need". */
function wholeWords(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && LETTER.test(text[from - 1] as string)) from--;
  while (to < text.length && LETTER.test(text[to] as string)) to++;
  return text.slice(from, to);
}

/** The probability the model gives one class (0 for a class it does not know). */
export function probabilityOf(model: Classifier, prediction: Prediction, label: string): number {
  const i = model.classes.indexOf(label);
  return i < 0 ? 0 : (prediction.probabilities[i] ?? 0);
}
