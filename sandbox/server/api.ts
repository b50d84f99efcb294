/**
 * The sandbox page's requests, validated before anything reaches the stand-in: a bad body is answered with 400
 * and a reason naming the field, never passed on as a half-formed Slack request.
 */
import { z } from 'zod';
import { SHORTCUT_CALLBACK } from '../../src/slack/ids.js';

const id = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .min(1, `expected ${what}`)
    .max(255, `${what} is too long`);
/** Slack message timestamps: `seconds.micros`. */
const ts = z
  .string({ error: 'expected a message ts' })
  .regex(/^\d{1,12}\.\d{6}$/, 'expected a message ts like 1.000001');
/** What a person can type in one message; Slack's own limit is 40,000 characters. */
const typed = z
  .string({ error: 'expected text' })
  .max(40_000, 'longer than the 40,000 characters Slack accepts in a message');

export const commandRequest = z.strictObject({
  channel: id('a channel id'),
  command: z
    .string({ error: 'expected a command' })
    .regex(/^\/[a-z0-9_-]{1,31}$/i, 'expected a command like /realtime'),
  text: typed.default(''),
  /** Set when typed in a thread's composer. */
  threadTs: ts.optional(),
});

export const messageRequest = z.strictObject({
  channel: id('a channel id'),
  text: typed.refine((t) => t.trim() !== '', 'expected some text: Slack does not send empty messages'),
  threadTs: ts.optional(),
});

const location = z.union(
  [
    z.strictObject({ ephemeralId: id('an ephemeral message id') }),
    z.strictObject({ channel: id('a channel id'), ts }),
    z.strictObject({ viewId: id('a view id') }),
  ],
  { error: 'expected where the button is: { ephemeralId }, { channel, ts } or { viewId }' },
);

export const clickRequest = z.strictObject({
  location,
  actionId: id('an action_id'),
  blockId: id('a block_id').optional(),
  value: z.string().max(2000, 'a button value is at most 2000 characters').optional(),
});

export const shortcutRequest = z.strictObject({
  channel: id('a channel id'),
  ts,
  callbackId: z
    .literal(SHORTCUT_CALLBACK, { error: `expected the shortcut ${SHORTCUT_CALLBACK}` })
    .default(SHORTCUT_CALLBACK),
});

/** Input values by block_id then action_id, as `view.state.values` is keyed. */
export const submitRequest = z.strictObject({
  viewId: id('a view id'),
  values: z
    .record(z.string(), z.record(z.string(), z.union([z.string().max(3000), z.array(z.string().max(150)).max(100)])))
    .default({}),
});

export const closeRequest = z.strictObject({
  viewId: id('a view id'),
  /** The modal's × closes the whole stack; its Close button only the top view. */
  all: z.boolean().default(false),
});

/** The assistant panel: opened beside a channel (or none in view, from the Home tab), a new thread each time. */
export const assistantOpenRequest = z.strictObject({ channel: id('a channel id').optional() });

/** With the panel open, the person views another channel (or none). */
export const assistantViewRequest = z.strictObject({ channel: id('a channel id').optional() });

/** What the person writes in the panel. */
export const assistantMessageRequest = z.strictObject({
  text: typed.refine((t) => t.trim() !== '', 'expected some text: Slack does not send empty messages'),
});

/** One of the suggested prompts the app set on the thread, by its title. */
export const assistantPromptRequest = z.strictObject({
  title: z.string({ error: 'expected a prompt title' }).min(1, 'expected a prompt title').max(500),
});

/** The Home tab opens for the person the page acts as; nothing else to say. */
export const homeRequest = z.strictObject({});

export const dismissRequest = z.strictObject({ ephemeralId: id('an ephemeral message id') });

/** Makes the next call(s) to a Slack method fail the way Slack can, to see how the app copes. */
/** The Slack methods the app calls, and a response_url: what a simulated failure can hit (the page offers these). */
export const FAULT_METHODS = [
  'chat.postMessage',
  'chat.postEphemeral',
  'views.open',
  'views.update',
  'views.publish',
  'response_url',
] as const;
export const FAULT_KINDS = ['not_in_channel', 'channel_not_found', 'ratelimited', 'internal_error', 'slow'] as const;

export const faultRequest = z.strictObject({
  method: z.enum(FAULT_METHODS, { error: 'expected a method the app calls' }),
  fault: z.enum(FAULT_KINDS, { error: `expected one of ${FAULT_KINDS.join(', ')}` }),
  times: z.number().int().min(1).max(10).default(1),
});

/** Disarms one armed failure (by the id the snapshot lists it with), or every one without an id. */
export const disarmRequest = z.strictObject({ id: id('a fault id').optional() });

/** `field: problem; field: problem` from a zod error. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
