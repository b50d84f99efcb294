/**
 * The assistant panel's words: the one-line greeting, the suggested prompts (situations from the data, and the
 * comparison), the status while the app works, the thread's title, and the panel's answer to a message, which is
 * the answer /realtime gives to the same words (reply.ts), in a conversation that can refine it.
 */
import type { Comparison, Reply } from '../../advisor/index.js';
import { clip, type SlackText } from '../slack-text.js';
import { context, type SlackMessage, section } from './blocks.js';
import { replyMessage } from './reply.js';
import { wizardMessage } from './wizard.js';

/** What Slack shows under the app's name in the panel: the manifest's `assistant_view.assistant_description`. */
export const ASSISTANT_DESCRIPTION =
  'Tell me about your realtime feature in your own words: I pick WebSockets, Server-Sent Events or neither, ask only what your words leave open, and share the verdict in the channel you are viewing.';

/** Slack shows this as "Realtime Advisor is reading your situation…" while the app works. */
export const WORKING_STATUS = 'is reading your situation…';

/** Slack offers at most four suggested prompts (assistant.threads.setSuggestedPrompts). */
export const MAX_PROMPTS = 4;
/** The keyword the comparison prompt sends: what `/realtime compare` answers. */
const COMPARE = 'compare';
const TITLE_MAX = 80;

export interface SuggestedPrompts {
  title: string;
  prompts: { title: string; message: string }[];
}

/**
 * Situations a person can try, straight from the data (the situational picks, each as its own prompt), and the
 * comparison itself: at most four, as Slack allows. The manifest's `suggested_prompts` are these (a test says so).
 */
export function suggestedPrompts(comparison: Comparison): SuggestedPrompts {
  const names = comparison.technologies.map((t) => t.shortName).join(' and ');
  const situations = comparison.situationalPicks
    .slice(0, MAX_PROMPTS - 1)
    .map((pick) => ({ title: pick.situation, message: pick.situation }));
  return { title: 'Try one of these', prompts: [...situations, { title: `Compare ${names}`, message: COMPARE }] };
}

/** The greeting, in one line: what to do here and where a verdict goes. */
export function greetingMessage(): SlackMessage {
  const text =
    'Tell me about your realtime feature in your own words and I will pick WebSockets, SSE or neither; a verdict can be shared in the channel you are viewing.';
  return { text, blocks: [context(text)] };
}

/** A verdict's Share in the panel when no channel is in view beside it (the panel was opened from none). */
export function noChannelInViewMessage(): SlackMessage {
  const text =
    'I do not know which channel you are viewing, so I cannot share this yet. Open the channel you want it in, with me beside it, then click Share again.';
  return { text, blocks: [section(text)] };
}

/** The thread's title, from the situation that started the case: its first line, clipped on a word. */
export function threadTitle(situation: string): string {
  const line = situation.trim().split('\n')[0]?.replace(/\s+/g, ' ') ?? '';
  if (line.length <= TITLE_MAX) return line;
  const cut = clip(line, TITLE_MAX - 1);
  const word = cut.lastIndexOf(' ');
  return `${word > TITLE_MAX / 2 ? cut.slice(0, word) : cut}…`;
}

export interface PanelAnswerOptions {
  /** The person's words as Slack sent them, quoted back. */
  asked: SlackText;
  /** The Start over button's value: the wizard, run in place. */
  startValue: string;
  wizardActionId: string;
  /** The case had earlier messages, and this one said nothing new about it. */
  nothingNew?: boolean | undefined;
  /** The thread could not be read: this answer is from this message alone. */
  threadUnread?: boolean | undefined;
}

/**
 * The panel's answer: what /realtime answers to the same words, privately (the panel is the person's own), so its
 * buttons continue in place; with a line saying when it is not what the words alone would give.
 */
export function panelAnswerMessage(reply: Reply, options: PanelAnswerOptions): SlackMessage {
  if (options.nothingNew && reply.kind === 'understood') {
    // The case as it stood, said to be so; not "nothing in your words", which is for a first message.
    const note = 'Nothing in that changes what I understood, so the case stands as it was.';
    const message = wizardMessage(reply.view, 'message', [context(note)]);
    return { text: `${note} ${message.text}`, blocks: message.blocks };
  }
  const message = replyMessage(reply, {
    audience: 'private',
    wizardButton: { actionId: options.wizardActionId, value: options.startValue },
    asked: options.asked,
    askedIn: 'direct-message',
  });
  if (!options.threadUnread) return message;
  const note = 'I could not read our earlier messages just now, so this answer is from this message alone.';
  return { text: `${note} ${message.text}`, blocks: [context(note), ...message.blocks] };
}
