/**
 * The least a Slack request body must hold for Bolt to route it without throwing: what kind it is, found the way
 * Bolt finds it, and for that kind the fields Bolt and every listener read before they acknowledge (who acted,
 * the event, the actions, the view). Anything else is passed through untouched: this is a gate, not a parser.
 * A body that fails it is refused with a 400 at the edge, where it used to reach Bolt and end in a 500 or, for a
 * body that is not an object, an exception that took the process down.
 *
 * The objects are zod's plain `z.object`, which accepts fields it does not name and leaves them out of its output;
 * only the verdict is used, never the output. `z.looseObject` accepted the same bodies but copied every field of
 * the body, and of each nested object, into an output thrown away at once (a click's check, timed in the server:
 * about 11 µs against 7).
 */
import { z } from 'zod';

const id = z.string().min(1);
/** An object or absent; `null` (or a string) where Bolt reads a property of it is what made Bolt throw. */
const objectOrAbsent = z.object({}).optional();
/**
 * Bolt reads `view.callback_id` of any body that has a view (a view submission, or a click inside a modal) and
 * matches a listener's pattern with String#match: a view without one would throw inside Bolt's middleware. Slack
 * always sends it, "" when unset (recorded view_submission.enterprise-grid.json).
 */
const viewWithCallbackId = z.object({ callback_id: z.string() });
const person = z.object({ id });
/** `team` is null for org-wide installs; Bolt handles that, not a string or a number. */
const team = z.object({}).nullable().optional();

/** A text or a time stamp a listener reads as a string (a number there made `text.slice` throw in a listener). */
const stringOrAbsent = z.string().optional();
/** A string id, or an object that holds one (`channel_created` sends the channel, `user_change` the user). */
const idOrObject = z.union([z.string(), z.object({})]).optional();

const interaction = {
  user: person,
  team,
  enterprise: z.object({}).nullable().optional(),
  channel: z.object({ id: stringOrAbsent }).optional(),
};

/**
 * The assistant panel's events: Bolt's Assistant reads the thread's DM and ts from `assistant_thread` (its
 * extractThreadInfo throws without them).
 */
const assistantThread = z.object({
  assistant_thread: z.object({ channel_id: id, thread_ts: id }),
});

/** The kinds of body Slack sends to a request URL, in the order Bolt tells them apart. */
const SHAPES = {
  event: z.object({
    // assistant_thread is named so that the check sees it (z.object leaves out what it does not name).
    event: z
      .object({
        type: z.string(),
        item: objectOrAbsent,
        assistant_thread: z.unknown().optional(),
        // What Bolt and the listeners read of an event, typed as Slack sends it.
        text: stringOrAbsent,
        channel: idOrObject,
        user: idOrObject,
        ts: stringOrAbsent,
        thread_ts: stringOrAbsent,
      })
      .check((ctx) => {
        // A message or a mention happens in one conversation, named by its id.
        if ((ctx.value.type === 'message' || ctx.value.type === 'app_mention') && typeof ctx.value.channel !== 'string')
          ctx.issues.push({ code: 'custom', message: 'no channel id', input: ctx.value, path: ['channel'] });
        if (!ctx.value.type.startsWith('assistant_thread_')) return;
        const thread = assistantThread.safeParse(ctx.value);
        if (!thread.success)
          ctx.issues.push({
            code: 'custom',
            message: 'no assistant_thread',
            input: ctx.value,
            path: ['assistant_thread'],
          });
      }),
    authorizations: z.array(z.object({})).optional(),
  }),
  command: z.object({ command: z.string(), user_id: id, channel_id: z.string().optional() }),
  options: z.object({ ...interaction }),
  action: z
    .object({
      ...interaction,
      type: z.unknown().optional(),
      actions: z
        .array(z.object({ action_id: stringOrAbsent, block_id: stringOrAbsent, value: stringOrAbsent }))
        .min(1)
        .optional(),
      view: objectOrAbsent,
      container: z.object({ thread_ts: stringOrAbsent, message_ts: stringOrAbsent }).optional(),
      message: z.object({ ts: stringOrAbsent, thread_ts: stringOrAbsent }).optional(),
    })
    .check((ctx) => {
      // Slack says where every click happened; the listeners read it to answer there.
      if (ctx.value.type === 'block_actions' && ctx.value.container === undefined)
        ctx.issues.push({ code: 'custom', message: 'no container', input: ctx.value, path: ['container'] });
    }),
  shortcut: z.object({ ...interaction, callback_id: z.string(), trigger_id: z.string() }),
  message_action: z.object({
    ...interaction,
    callback_id: z.string(),
    trigger_id: z.string(),
    channel: z.object({ id }),
    message: z.object({ text: stringOrAbsent, ts: stringOrAbsent, thread_ts: stringOrAbsent }),
  }),
  view: z.object({ ...interaction, view: z.object({ id }) }),
} as const;

export type BodyKind = keyof typeof SHAPES | 'ssl_check' | 'url_verification' | 'app_rate_limited';

export type ShapeCheck = { ok: true; kind: BodyKind } | { ok: false; reason: string };

/** Which kind of request this is, told apart as Bolt's getTypeAndConversation does; undefined for none. */
function kindOf(body: Record<string, unknown>): BodyKind | undefined {
  if (body.ssl_check === '1') return 'ssl_check';
  if (body.type === 'url_verification') return 'url_verification';
  if (body.event !== undefined) return 'event';
  if (body.command !== undefined) return 'command';
  if (body.name !== undefined || body.type === 'block_suggestion') return 'options';
  if (body.actions !== undefined || body.type === 'dialog_submission') return 'action';
  if (body.type === 'shortcut') return 'shortcut';
  if (body.type === 'message_action') return 'message_action';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  if (body.type === 'app_rate_limited') return 'app_rate_limited';
  return undefined;
}

/** Checks a parsed body; the reason names the kind and the first field at fault, never a value. */
export function checkShape(body: unknown): ShapeCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      ok: false,
      reason: `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`,
    };
  const record = body as Record<string, unknown>;
  const kind = kindOf(record);
  if (kind === undefined) return { ok: false, reason: 'no kind of request Slack sends' };
  if (kind === 'ssl_check' || kind === 'url_verification' || kind === 'app_rate_limited') return { ok: true, kind };
  // Whatever the kind: Bolt takes any body with a view for one and reads its callback_id (viewWithCallbackId above).
  if (record.view !== undefined && !viewWithCallbackId.safeParse(record.view).success)
    return { ok: false, reason: `${kind}: view.callback_id invalid` };
  const checked = SHAPES[kind].safeParse(record);
  if (checked.success) return { ok: true, kind };
  const issue = checked.error.issues[0];
  return { ok: false, reason: `${kind}: ${issue?.path.join('.') || 'body'} ${issue?.code ?? 'invalid'}` };
}
