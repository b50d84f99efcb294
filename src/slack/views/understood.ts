/**
 * What free text was understood to say, as Block Kit: each answer with the person's words that set it and a
 * Change button, the conditions found with a "Not so" button, those the learned classifier set aside with an "It is
 * so" button, the domain words a direct statement outweighed, a statement the learned classifier outvoted where two
 * contradicted each other, and a conflict named side by side in the person's words.
 */
import type { ConflictView, Quote, Understood } from '../../advisor/index.js';
import { ACTION } from '../ids.js';
import { button, clip, context, escapeText, type KnownBlock, section } from './blocks.js';

/** How much of the person's words one quote shows; the state clips them at most as short. */
export const QUOTE_WORDS_MAX = 80;
/** Conditions shown at most, so that a long text never pushes a message past Block Kit's 50 blocks. */
const CONDITIONS_MAX = 6;
/** Conditions set aside shown at most: the classifier sets aside the one its pick stands against, rarely more. */
const SET_ASIDE_MAX = 2;

const quoted = (words: string) => `“${escapeText(clip(words.replace(/\s+/g, ' ').trim(), QUOTE_WORDS_MAX))}”`;

/**
 * "(from “raw jpeg bytes”)", "(assumed: nothing in your text mentions binary data)", "(a guess from situations worded
 * like this one: “proxy”)"; nothing once changed.
 */
export function quoteNote(quotes: readonly Quote[] | undefined): string {
  if (!quotes?.length) return '';
  const assumed = quotes.find((q) => q.strength === 'assumed');
  if (assumed) return ` _(assumed: ${escapeText(assumed.words)})_`;
  // A learned answer says so: it comes from situations worded like this one, not from what the person stated. Not
  // "like yours": a verdict shared in a channel is read by everyone there.
  if (quotes.every((q) => q.strength === 'learned'))
    return ` _(a guess from situations worded like this one: ${quotes.map((q) => quoted(q.words)).join(', ')})_`;
  return ` _(from ${quotes.map((q) => quoted(q.words)).join(', ')})_`;
}

/** The understood answers (each with its Change button) and the conditions, for a question still to be asked. */
export function understoodBlocks(understood: Understood, questionIds: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (understood.answers.length || understood.conditions.length || understood.setAside.length)
    blocks.push(section('*What I understood*'));
  for (const a of understood.answers)
    blocks.push(
      section(
        `*${escapeText(a.question)}* ${escapeText(a.answer)}${quoteNote(a.quotes)}`,
        button('Change', ACTION.change(Math.max(0, questionIds.indexOf(a.questionId))), a.change),
      ),
    );
  blocks.push(...conditionBlocks(understood));
  blocks.push(...outweighedBlocks(understood));
  return blocks;
}

export function conditionBlocks(understood: Understood): KnownBlock[] {
  const found = understood.conditions
    .slice(0, CONDITIONS_MAX)
    .map((c, i) =>
      section(`*Also:* ${escapeText(c.says)}${conditionNote(c)}`, button('Not so', ACTION.drop(i), c.drop)),
    );
  // What the person's words seemed to say but the classifier set aside: said, so that nothing is resolved unseen.
  const setAside = understood.setAside
    .slice(0, SET_ASIDE_MAX)
    .map((c, i) =>
      section(
        `*Set aside:* ${escapeText(c.says)}${c.words[0] ? ` _(${quoted(c.words[0])} seemed to say so; situations worded like this one rarely mean it)_` : ''}`,
        button('It is so', ACTION.restore(i), c.restore),
      ),
    );
  return [...found, ...setAside];
}

/** "(from “…”)", or for a condition the classifier supplied, "(a guess from situations worded like this one: “…”)". */
function conditionNote(condition: Understood['conditions'][number]): string {
  const [words] = condition.words;
  if (!words) return '';
  return condition.learned
    ? ` _(a guess from situations worded like this one: ${quoted(words)})_`
    : ` _(from ${quoted(words)})_`;
}

export function outweighedBlocks(understood: Understood): KnownBlock[] {
  if (!understood.outweighed.length) return outvotedBlocks(understood);
  const words = understood.outweighed
    .slice(0, 5)
    .map((o) => `${quoted(o.words)} (suggests ${escapeText(o.answer)})`)
    .join(', ');
  return [
    context(`Also in your words: ${words}; what you said directly outweighs them.`),
    ...outvotedBlocks(understood),
  ];
}

/**
 * A statement that lost to another it contradicted (the learned classifier's sure pick decided between them): said,
 * so that no contradiction is resolved unseen, with what to do if it holds. A collapsed verdict shows it above itself,
 * and its Change buttons are behind "Why?" (`collapsed`).
 */
export function outvotedBlocks(understood: Understood, collapsed = false): KnownBlock[] {
  /** The first two of a statement's quotes: enough to recognise it. */
  const said = (words: readonly string[]) => words.slice(0, 2).map(quoted).join(', ');
  const line = (what: string, todo: string) =>
    context(`Your words also said ${what}; situations worded like this one rarely mean that. If yours does, ${todo}.`);
  const blocks: KnownBlock[] = [];
  if (understood.outvoted.length) {
    const words = understood.outvoted
      .slice(0, 3)
      .map((o) => `${said(o.words)} (suggests ${escapeText(o.answer)})`)
      .join(', ');
    blocks.push(line(words, collapsed ? 'open *Why?* to change that answer' : 'change that answer'));
  }
  // A denial the verdict outvoted is answered by the condition's own Not so button.
  for (const denial of (understood.outvotedDenials ?? []).slice(0, 2))
    blocks.push(
      line(
        `${said(denial.words)}, against “${escapeText(denial.says)}”`,
        collapsed ? 'open *Why?* and press *Not so* beside it' : 'press *Not so* beside it',
      ),
    );
  return blocks;
}

export function conflictBlock(conflict: ConflictView): KnownBlock {
  const sides = conflict.sides.map((s) =>
    s.learned
      ? `situations worded like yours (${s.words.map(quoted).join(', ')}) suggest *${escapeText(s.answer)}*`
      : `${s.words.map(quoted).join(', ')} suggests *${escapeText(s.answer)}*`,
  );
  return section(`Your text points both ways here: ${sides.join('; ')}. Which is it?`);
}
