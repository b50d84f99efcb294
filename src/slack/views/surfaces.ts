/** The advisor's modal (message shortcut, @mention button, Home tab) and its Home tab. */
import type { Comparison } from '../../advisor/index.js';
import { ACTION, COMMAND, MODAL_CALLBACK } from '../ids.js';
import { button, clip, context, type HomeView, header, type KnownBlock, type ModalView, section } from './blocks.js';
import { scorecardBlocks } from './reference.js';

/** Where the modal's result goes, and what it is showing; rides in `private_metadata` (at most 3,000 characters). */
export interface ModalContext {
  /** Channel and thread root to reply in; absent when opened from the Home tab. */
  channel?: string;
  threadTs?: string;
  /** The message the shortcut ran on, as the situation for free-text advice. */
  situation?: string;
  /** The wizard's encoded state, once the person refines the advice with it. */
  wizard?: string;
}

const SITUATION_MAX = 2000;

export function encodeModalContext(ctx: ModalContext): string {
  return JSON.stringify({
    ...(ctx.channel ? { c: ctx.channel } : {}),
    ...(ctx.threadTs ? { t: ctx.threadTs } : {}),
    ...(ctx.situation ? { s: clip(ctx.situation, SITUATION_MAX) } : {}),
    ...(ctx.wizard ? { w: ctx.wizard } : {}),
  });
}

/** Lenient by design: a modal with unreadable metadata still works, it just cannot reply in a thread. */
export function decodeModalContext(metadata: string | undefined): ModalContext {
  try {
    const raw = JSON.parse(metadata ?? '{}') as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
    const ctx: ModalContext = {};
    const [channel, threadTs, situation, wizard] = [str(raw.c), str(raw.t), str(raw.s), str(raw.w)];
    if (channel) ctx.channel = channel;
    if (threadTs) ctx.threadTs = threadTs;
    if (situation) ctx.situation = situation;
    if (wizard) ctx.wizard = wizard;
    return ctx;
  } catch {
    return {};
  }
}

export function modalView(blocks: KnownBlock[], ctx: ModalContext, canPost: boolean): ModalView {
  const postable = canPost && Boolean(ctx.channel && ctx.threadTs);
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Realtime Advisor' },
    close: { type: 'plain_text', text: 'Close' },
    ...(postable ? { submit: { type: 'plain_text', text: 'Reply in thread' } } : {}),
    private_metadata: encodeModalContext(ctx),
    blocks: postable ? [...blocks, context('*Reply in thread* posts this in the thread for everyone.')] : blocks,
  };
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

export function homeView(comparison: Comparison, startState: string): HomeView {
  return {
    type: 'home',
    blocks: [
      header('Realtime Advisor'),
      section(
        `I help engineering teams choose between ${comparison.technologies.map((t) => t.name).join(' and ')}, and know when to pick neither. Three questions give a verdict that explains itself; you can share it in a channel, with the reasoning in a thread.`,
      ),
      {
        type: 'actions',
        block_id: 'home_actions',
        elements: [button('Start the wizard', ACTION.open, startState, 'primary')],
      },
      context(
        `In any channel: \`${COMMAND}\` for the wizard, \`${COMMAND} <your situation>\` for advice, \`${COMMAND} compare\`, \`${COMMAND} help\`. In a thread: the *Get realtime advice* message shortcut, or mention me.`,
      ),
      { type: 'divider' },
      header(`${comparison.title}: the scorecard`),
      ...scorecardBlocks(comparison),
    ],
  };
}
