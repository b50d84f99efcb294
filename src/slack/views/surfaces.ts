/** The advisor's modal (message shortcut, @mention button, Home tab) and its Home tab. */
import type { Comparison } from '../../advisor/index.js';
import { ACTION, COMMAND, MODAL_CALLBACK, POST_TO, SHORTCUT_NAME } from '../ids.js';
import { type ModalContext, modalMetadata } from '../values.js';
import {
  button,
  context,
  escapeText,
  type HomeView,
  header,
  type KnownBlock,
  type ModalView,
  section,
} from './blocks.js';
import { exampleSituation, questionCount } from './phrases.js';
import { scorecardBlocks } from './reference.js';

/**
 * The advisor's modal. Once it shows something to post (`canPost`), its submit posts it: in the thread it was
 * opened from ("Reply in thread"), or, opened from the Home tab with no thread, in a conversation the person picks
 * ("Post"). The picker asks Slack for a response_url for the pick, so that it posts even where the app is no member.
 */
export function modalView(blocks: KnownBlock[], ctx: ModalContext, canPost: boolean): ModalView {
  const inThread = canPost && Boolean(ctx.channel && ctx.threadTs);
  const pick = canPost && !ctx.channel;
  const base = {
    type: 'modal' as const,
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text' as const, text: 'Realtime Advisor' },
    close: { type: 'plain_text' as const, text: 'Close' },
    private_metadata: modalMetadata.encode(ctx),
  };
  if (inThread)
    return {
      ...base,
      submit: { type: 'plain_text', text: 'Reply in thread' },
      blocks: [...blocks, context('*Reply in thread* posts this in the thread for everyone.')],
    };
  if (pick)
    return {
      ...base,
      submit: { type: 'plain_text', text: 'Post' },
      blocks: [
        ...blocks,
        {
          type: 'input',
          block_id: POST_TO.block,
          label: { type: 'plain_text', text: 'Post it in' },
          element: {
            type: 'conversations_select',
            action_id: POST_TO.action,
            placeholder: { type: 'plain_text', text: 'Pick a channel or conversation' },
            response_url_enabled: true,
            filter: { exclude_bot_users: true },
          },
          hint: {
            type: 'plain_text',
            text: 'Posted for everyone there, with the reasoning in a thread where I am a member.',
          },
        },
      ],
    };
  return { ...base, blocks };
}

export function statusModal(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Realtime Advisor' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(text)],
  };
}

/** What every Home section is built from. A section is a small builder; homeView puts a divider between them. */
export interface HomeContext {
  comparison: Comparison;
  /** The wizard's first state, for the button that starts it. */
  startState: string;
}

export type HomeSection = (home: HomeContext) => KnownBlock[];

/** What the advisor is for. */
export const homeIntro: HomeSection = ({ comparison }) => [
  header('Realtime Advisor'),
  section(
    `I help engineering teams choose between ${comparison.technologies.map((t) => t.name).join(' and ')}, and know when to pick neither. I give a verdict that explains itself; you can post it in a channel, with the reasoning in a thread.`,
  ),
];

/** The three ways in, each with what to do: the wizard (a button), free text (an example from the data), the shortcut. */
export const homeHowToStart: HomeSection = ({ comparison, startState }) => {
  const example = exampleSituation(comparison);
  return [
    header('How to start'),
    section(
      `*Answer ${questionCount(comparison)}* and get a verdict; then pick a conversation to post it in.`,
      button('Start the wizard', ACTION.open, startState, 'primary'),
    ),
    section(
      `*Describe your situation* in a sentence: send me a message in the *Messages* tab, type \`${COMMAND} ${escapeText(example ?? '<your situation>')}\` in any channel, or mention me.`,
    ),
    section(
      `*In a thread*, where slash commands cannot be typed: *${SHORTCUT_NAME}* from a message's ⋯ menu reads the message and replies in its thread.`,
    ),
    context(`\`${COMMAND} compare\` shows the scorecard; \`${COMMAND} help\` lists everything.`),
  ];
};

export const homeScorecard: HomeSection = ({ comparison }) => [
  header(`${comparison.title}: the scorecard`),
  ...scorecardBlocks(comparison, 'home'),
];

/** Home's sections, top to bottom; a new one (e.g. the person's decisions) is one more builder here. */
export const HOME_SECTIONS: HomeSection[] = [homeIntro, homeHowToStart, homeScorecard];

export function homeView(comparison: Comparison, startState: string, sections = HOME_SECTIONS): HomeView {
  const home = { comparison, startState };
  return {
    type: 'home',
    blocks: sections.flatMap((build, i) => [...(i > 0 ? [{ type: 'divider' } as const] : []), ...build(home)]),
  };
}
