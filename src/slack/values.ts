/**
 * Every value the app puts in Slack and reads back, encoded and decoded here and nowhere else: the wizard's
 * navigation buttons, the Share and Scorecard buttons, and the modal's `private_metadata`. What comes back is
 * validated (zod for the shape, the advisor for what it names): a value that was tampered with, truncated or
 * written by an older version decodes to `{ ok: false, error }`, never a throw.
 */
import { z } from 'zod';
import type { AdviceMatch, Advisor, Comparison, StateError, VerdictView, WizardView } from '../advisor/index.js';

export interface ValueError {
  code: StateError['code'] | 'unknown-entry' | 'not-a-verdict';
  message: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: ValueError };

const fail = (code: ValueError['code'], message: string): { ok: false; error: ValueError } => ({
  ok: false,
  error: { code, message },
});

/** Slack's limits: a button's value, a view's private_metadata. */
export const BUTTON_VALUE_MAX = 2000;
export const PRIVATE_METADATA_MAX = 3000;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const buttonValue = z.string().min(1).max(BUTTON_VALUE_MAX);

/** Zod's first complaint, short enough for a log line. */
function complaint(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid value';
}

// ---------------------------------------------------------------------------------------------------------------
// Wizard navigation (an answer, Back, Start over, Change, Run the wizard): the state to go to. The advisor writes
// these (each WizardView carries its next states encoded, see src/advisor/wizard.ts); this reads them back.

export const wizardValue = {
  decode(advisor: Advisor, raw: unknown): Decoded<WizardView> {
    const value = buttonValue.safeParse(raw);
    if (!value.success) return fail('malformed', `wizard value ${complaint(value.error)}`);
    const resumed = advisor.resume(value.data);
    return resumed.ok ? { ok: true, value: resumed.view } : resumed;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// A verdict's shape: collapsed (the pick, the reason that decided it, the caveat that matters most) or expanded
// (the full reasoning), and where it was shared, once it was. It rides in front of the verdict's state, on the
// "Why?" / "Show less" button and on Share:  `v1|<c|e>|<channel>|<channel name>|<permalink>|<state>`.
// A bare state (a button issued before verdicts had a shape) is the collapsed verdict, not shared.

export interface SharedIn {
  channel: string;
  /** The channel's name, for "Shared in #general"; absent where Slack did not say (a DM). */
  name?: string;
  /** The post's permalink (chat.getPermalink); absent when Slack did not give one. */
  link?: string;
}

export interface VerdictShape {
  expanded: boolean;
  shared?: SharedIn;
}

export const COLLAPSED: VerdictShape = { expanded: false };

const SHAPE_PREFIX = 'v1|';
const shapeFields = z.object({
  expanded: z.enum(['c', 'e']),
  channel: z.union([z.literal(''), z.string().regex(/^[CDG][A-Z0-9]{2,30}$/)]),
  name: z.string().regex(/^[\p{Ll}\p{Lo}\p{N}_-]{0,80}$/u),
  link: z.union([
    z.literal(''),
    z
      .string()
      .max(400)
      .regex(/^https:\/\/[^|\s]+$/),
  ]),
});

export const verdictShapeValue = {
  encode(state: string, shape: VerdictShape): string {
    const { shared } = shape;
    const head = [
      shape.expanded ? 'e' : 'c',
      shared?.channel ?? '',
      shared?.name && shapeFields.shape.name.safeParse(shared.name).success ? shared.name : '',
      shared?.link ?? '',
    ];
    const value = `${SHAPE_PREFIX}${head.join('|')}|${state}`;
    // A state is at most 1,800 characters; a link that would push it past Slack's limit is left out.
    return value.length <= BUTTON_VALUE_MAX ? value : verdictShapeValue.encode(state, withoutLink(shape));
  },
  /** The shape and the state it wraps; a bare state is a collapsed verdict. */
  decode(raw: string): Decoded<{ shape: VerdictShape; state: string }> {
    if (!raw.startsWith(SHAPE_PREFIX)) return { ok: true, value: { shape: COLLAPSED, state: raw } };
    const parts = raw.slice(SHAPE_PREFIX.length).split('|');
    if (parts.length < 5) return fail('malformed', 'a verdict shape without its state');
    const [expanded, channel, name, link, ...rest] = parts;
    const fields = shapeFields.safeParse({ expanded, channel, name, link });
    if (!fields.success) return fail('malformed', `verdict shape ${complaint(fields.error)}`);
    const f = fields.data;
    const shared: SharedIn | undefined = f.channel
      ? { channel: f.channel, ...(f.name ? { name: f.name } : {}), ...(f.link ? { link: f.link } : {}) }
      : undefined;
    return {
      ok: true,
      value: { shape: { expanded: f.expanded === 'e', ...(shared ? { shared } : {}) }, state: rest.join('|') },
    };
  },
};

function withoutLink(shape: VerdictShape): VerdictShape {
  if (!shape.shared?.link) return { expanded: shape.expanded };
  const { link: _link, ...shared } = shape.shared;
  return { ...shape, shared };
}

/** A navigation button's value: the wizard's state to go to, and for a verdict the shape to show it in. */
export const navigationValue = {
  decode(advisor: Advisor, raw: unknown): Decoded<{ view: WizardView; shape: VerdictShape }> {
    const value = buttonValue.safeParse(raw);
    if (!value.success) return fail('malformed', `wizard value ${complaint(value.error)}`);
    const shaped = verdictShapeValue.decode(value.data);
    if (!shaped.ok) return shaped;
    const view = wizardValue.decode(advisor, shaped.value.state);
    return view.ok ? { ok: true, value: { view: view.value, shape: shaped.value.shape } } : view;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Share in channel: a finished wizard's state (its verdict), or one piece of advice as `advice:<comparison>:<entry>`.

const ADVICE_PREFIX = 'advice';
const adviceShare = z.string().regex(/^advice:([a-z0-9][a-z0-9-]{0,63}):([a-z0-9][a-z0-9-]{0,63})$/);

export type ShareValue =
  | { kind: 'verdict'; state: string; shape?: VerdictShape }
  | { kind: 'advice'; comparisonId: string; entryId: string };

/**
 * What a Share button's value names, looked up: the verdict (with the shape it was shown in, to show it so again
 * once shared), or the advice entry with its comparison.
 */
export type Shareable =
  | { kind: 'verdict'; view: VerdictView; shape?: VerdictShape }
  | { kind: 'advice'; comparison: Comparison; match: AdviceMatch };

export const shareValue = {
  encode(value: ShareValue): string {
    if (value.kind === 'advice') return `${ADVICE_PREFIX}:${value.comparisonId}:${value.entryId}`;
    return value.shape?.expanded ? verdictShapeValue.encode(value.state, { expanded: true }) : value.state;
  },
  decode(advisor: Advisor, raw: unknown): Decoded<Shareable> {
    const value = buttonValue.safeParse(raw);
    if (!value.success) return fail('malformed', `share value ${complaint(value.error)}`);
    if (!value.data.startsWith(`${ADVICE_PREFIX}:`)) {
      const wizard = navigationValue.decode(advisor, value.data);
      if (!wizard.ok) return wizard;
      const { view, shape } = wizard.value;
      return view.kind === 'verdict'
        ? { ok: true, value: { kind: 'verdict', view, shape } }
        : fail('not-a-verdict', 'the wizard has not reached a verdict yet');
    }
    const advice = adviceShare.safeParse(value.data);
    if (!advice.success) return fail('malformed', `"${value.data.slice(0, 80)}" is not a piece of advice`);
    const [, comparisonId, entryId] = advice.data.split(':') as [string, string, string];
    const comparison = advisor.comparisons.find((c) => c.id === comparisonId);
    if (!comparison) return fail('unknown-comparison', `no comparison "${comparisonId}"`);
    const match = advisor.entry(entryId, comparison.id);
    if (!match) return fail('unknown-entry', `no advice "${entryId}" in ${comparison.id}`);
    return { ok: true, value: { kind: 'advice', comparison, match } };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Share anyway (after Slack did not confirm a share): the ts of the message whose Share button started it, so
// that it resumes the same share, then that button's value. `1712345678.123456 <share value>`.

const messageTs = /^\d{1,12}\.\d{1,9}$/;

export const shareAnywayValue = {
  encode: (startedOn: string, value: string): string => `${startedOn} ${value}`,
  decode(raw: unknown): Decoded<{ startedOn: string; value: string }> {
    const value = buttonValue.safeParse(raw);
    if (!value.success) return fail('malformed', `share-anyway value ${complaint(value.error)}`);
    const space = value.data.indexOf(' ');
    const startedOn = value.data.slice(0, space);
    if (space < 0 || !messageTs.test(startedOn)) return fail('malformed', 'share-anyway value without its message');
    return { ok: true, value: { startedOn, value: value.data.slice(space + 1) } };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// A suggestion of the help ("Did you mean /realtime compare?"): the text after the command, as if typed.

/** As long as a suggestion can be: a keyword of a word or two. */
const COMMAND_TEXT_MAX = 100;

export const commandValue = {
  encode: (text: string): string => text,
  decode(raw: unknown): Decoded<string> {
    const value = z.string().trim().min(1).max(COMMAND_TEXT_MAX).safeParse(raw);
    return value.success
      ? { ok: true, value: value.data }
      : fail('malformed', `command value ${complaint(value.error)}`);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Full scorecard: the comparison's id.

export const scorecardValue = {
  encode: (comparison: Comparison): string => comparison.id,
  decode(advisor: Advisor, raw: unknown): Decoded<Comparison> {
    const value = id.safeParse(raw);
    if (!value.success) return fail('malformed', `scorecard value ${complaint(value.error)}`);
    const comparison = advisor.comparisons.find((c) => c.id === value.data);
    return comparison ? { ok: true, value: comparison } : fail('unknown-comparison', `no comparison "${value.data}"`);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The advisor's modal: where its result goes and what it is showing, in `private_metadata` as compact JSON.

export interface ModalContext {
  /** Channel and thread root to reply in; absent when opened from the Home tab. */
  channel?: string;
  threadTs?: string;
  /** The message the shortcut ran on, as the situation for free-text advice. */
  situation?: string;
  /** The wizard's encoded state, once the person refines the advice with it. */
  wizard?: string;
  /** The shortcut ran in a public channel (its payload said so): the decision log may show the post to anyone. */
  publicChannel?: boolean;
}

/** The most of a situation that is kept, however short its encoding: enough to advise on. */
const SITUATION_MAX = 2000;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Lenient per field, as a modal with one unreadable field still works: the field is dropped. */
const field = z.string().min(1).max(PRIVATE_METADATA_MAX).optional().catch(undefined);
const metadataSchema = z.object({
  c: field,
  t: field,
  s: field,
  w: field,
  p: z.literal(1).optional().catch(undefined),
});

export const modalMetadata = {
  /**
   * At most PRIVATE_METADATA_MAX characters once encoded, whatever the situation holds: quotes, newlines and
   * control characters grow under JSON escaping, so the situation is cut by the encoded length, between grapheme
   * clusters so that an emoji is never split, and the cut is marked with an ellipsis.
   */
  encode(ctx: ModalContext): string {
    const json = (situation: string | undefined) =>
      JSON.stringify({
        ...(ctx.channel ? { c: ctx.channel } : {}),
        ...(ctx.threadTs ? { t: ctx.threadTs } : {}),
        ...(situation ? { s: situation } : {}),
        ...(ctx.wizard ? { w: ctx.wizard } : {}),
        ...(ctx.publicChannel ? { p: 1 } : {}),
      });
    const whole = json(ctx.situation);
    if (!ctx.situation || (whole.length <= PRIVATE_METADATA_MAX && ctx.situation.length <= SITUATION_MAX)) return whole;

    const clusters = Array.from(graphemes.segment(ctx.situation), (s) => s.segment);
    const cut = (n: number) => `${clusters.slice(0, n).join('')}…`;
    const fits = (n: number) => {
      const situation = cut(n);
      return situation.length <= SITUATION_MAX && json(situation).length <= PRIVATE_METADATA_MAX;
    };
    // The most clusters that fit, by bisection: one more cluster never makes the encoding shorter.
    let [lo, hi] = [0, clusters.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo > 0 && fits(lo) ? json(cut(lo)) : json(undefined);
  },

  decode(raw: string | undefined): Decoded<ModalContext> {
    if (!raw) return { ok: true, value: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return fail('malformed', 'private_metadata is not JSON');
    }
    const metadata = metadataSchema.safeParse(parsed);
    if (!metadata.success) return fail('malformed', `private_metadata ${complaint(metadata.error)}`);
    const { c, t, s, w, p } = metadata.data;
    return {
      ok: true,
      value: {
        ...(c ? { channel: c } : {}),
        ...(t ? { threadTs: t } : {}),
        ...(s ? { situation: s } : {}),
        ...(w ? { wizard: w } : {}),
        ...(p === 1 ? { publicChannel: true } : {}),
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// "Was this right?": the decision's id in the log on the Yes and No buttons, and in the note modal's
// `private_metadata` with the answer and whether the click came from the Home tab (to show the answer there).

const decisionId = z.string().regex(/^\d{1,15}$/);

export const decisionValue = {
  encode: (id: string): string => id,
  decode(raw: unknown): Decoded<string> {
    const value = decisionId.safeParse(raw);
    return value.success
      ? { ok: true, value: value.data }
      : fail('malformed', `decision value ${complaint(value.error)}`);
  },
};

export interface FeedbackContext {
  decisionId: string;
  answer: 'yes' | 'no';
  /** The Home tab was clicked: it is published again once the note is saved. */
  fromHome: boolean;
}

const feedbackSchema = z.object({ d: decisionId, a: z.enum(['yes', 'no']), h: z.literal(1).optional() });

export const feedbackMetadata = {
  encode: (ctx: FeedbackContext): string =>
    JSON.stringify({ d: ctx.decisionId, a: ctx.answer, ...(ctx.fromHome ? { h: 1 } : {}) }),
  decode(raw: string | undefined): Decoded<FeedbackContext> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw ?? '');
    } catch {
      return fail('malformed', 'private_metadata is not JSON');
    }
    const value = feedbackSchema.safeParse(parsed);
    if (!value.success) return fail('malformed', `private_metadata ${complaint(value.error)}`);
    return { ok: true, value: { decisionId: value.data.d, answer: value.data.a, fromHome: value.data.h === 1 } };
  },
};
