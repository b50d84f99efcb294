/** The advisor's modal (message shortcut, @mention button, Home tab) and its Home tab. */
import type { Comparison } from '../../advisor/index.js';
import { ACTION, COMMAND, MODAL_CALLBACK } from '../ids.js';
import { type ModalContext, modalMetadata } from '../values.js';
import { button, context, type HomeView, header, type KnownBlock, type ModalView, section } from './blocks.js';
import { capitalised, questionCount } from './phrases.js';
import { scorecardBlocks } from './reference.js';

export function modalView(blocks: KnownBlock[], ctx: ModalContext, canPost: boolean): ModalView {
  const postable = canPost && Boolean(ctx.channel && ctx.threadTs);
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Realtime Advisor' },
    close: { type: 'plain_text', text: 'Close' },
    ...(postable ? { submit: { type: 'plain_text', text: 'Reply in thread' } } : {}),
    private_metadata: modalMetadata.encode(ctx),
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
        `I help engineering teams choose between ${comparison.technologies.map((t) => t.name).join(' and ')}, and know when to pick neither. ${capitalised(questionCount(comparison))} give a verdict that explains itself; you can share it in a channel, with the reasoning in a thread.`,
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
