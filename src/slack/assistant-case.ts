/**
 * The assistant panel's case, read from its thread: the app keeps nothing per conversation, the thread is the record
 * (conversations.replies, im:history). A case is what the person said since it began, in order, and where it stood
 * before that. It begins at the thread's start, at a "start over" (typed, or the Start over button, which leaves
 * the wizard's first question in place) and, for what came after, at the latest verdict: a verdict carries the
 * answers it was decided on, those the person gave by button included, and the messages after it refine it.
 *
 * Answers given by button to a question that did not yet reach a verdict are not in the thread, so a message typed
 * then is read with the earlier messages alone (the question is asked again if they leave it open).
 */
import type { Advisor } from '../advisor/index.js';
import { ACTION } from './ids.js';
import { fromSlack, plainText } from './slack-text.js';
import { verdictShapeValue, wizardValue } from './values.js';

/** A message of the thread as conversations.replies returns it (the fields read here). */
export interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  blocks?: unknown[];
}

export interface PanelCase {
  /** Where the case stood before `texts`: the encoded state of the latest verdict, if one came since it began. */
  earlier?: string;
  /** The person's situations since then, oldest first, as plain text (the newest message last). */
  texts: string[];
  /** The newest message begins the case: the thread is titled from it. */
  begins: boolean;
}

const ANSWER = /^wizard\.answer\.\d+$/;

/** The buttons of a message (accessories and actions), as action_id and value. */
function buttonsOf(message: ThreadMessage): { actionId: string; value: string }[] {
  const found: { actionId: string; value: string }[] = [];
  for (const block of message.blocks ?? []) {
    if (!block || typeof block !== 'object') continue;
    const { accessory, elements } = block as { accessory?: unknown; elements?: unknown };
    for (const element of [accessory, ...(Array.isArray(elements) ? elements : [])]) {
      const e = element as { type?: unknown; action_id?: unknown; value?: unknown } | undefined;
      if (e?.type === 'button' && typeof e.action_id === 'string' && typeof e.value === 'string')
        found.push({ actionId: e.action_id, value: e.value });
    }
  }
  return found;
}

/** What an app message in the thread is to the case: a verdict (with its state), a fresh wizard, or neither. */
function appMessageRole(
  advisor: Advisor,
  message: ThreadMessage,
): { kind: 'verdict'; state: string } | { kind: 'fresh' } | undefined {
  const buttons = buttonsOf(message);
  const why = buttons.find((b) => b.actionId === ACTION.why);
  if (why) {
    const shape = verdictShapeValue.decode(why.value);
    return shape.ok ? { kind: 'verdict', state: shape.value.state } : undefined;
  }
  const option = buttons.find((b) => ANSWER.test(b.actionId));
  if (!option) return undefined;
  // A question free text did not start (nothing understood): the wizard from scratch, after a start over.
  const next = wizardValue.decode(advisor, option.value);
  return next.ok && !next.value.understood ? { kind: 'fresh' } : undefined;
}

/**
 * The case the message being answered (`current`, a situation) belongs to: it comes last, whatever the thread
 * holds (an answer to an earlier message can land after it was sent). `messages` is the thread as read (the root
 * and every reply, in any order, with or without `current`).
 */
export function panelCase(
  advisor: Advisor,
  messages: readonly ThreadMessage[],
  current: { ts: string; text: string },
  people: { person: string; botUserId: string | undefined },
): PanelCase {
  const thread = messages.filter((m) => m.ts !== current.ts).sort((a, b) => Number(a.ts) - Number(b.ts));
  const texts: string[] = [plainText(fromSlack(current.text))];
  let earlier: string | undefined;
  for (const message of thread.reverse()) {
    const fromApp = message.user === people.botUserId || (message.bot_id !== undefined && !message.user);
    if (fromApp) {
      const role = appMessageRole(advisor, message);
      if (role?.kind === 'verdict') earlier = role.state;
      if (role) break;
      continue;
    }
    // The person's messages sent after this one are answered in their own turn.
    if (message.user !== people.person || message.subtype !== undefined) continue;
    if (Number(message.ts) > Number(current.ts)) continue;
    const said = plainText(fromSlack(message.text ?? ''));
    const kind = advisor.reply(said).kind;
    if (kind === 'wizard') break; // a typed "start over"
    if (kind === 'understood') texts.unshift(said);
  }
  return { ...(earlier !== undefined ? { earlier } : {}), texts, begins: earlier === undefined && texts.length === 1 };
}
