/**
 * Block Kit builders: section, header, context, button. Text is clipped to Block Kit's limits on character
 * boundaries; escaping what we did not write is the caller's job, once, with `escapeText` (../slack-text.ts).
 */
import type { types } from '@slack/bolt';
import { clip } from '../slack-text.js';

export { clip, escapeText } from '../slack-text.js';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
type ContextBlock = types.ContextBlock;
type SectionBlock = types.SectionBlock;

export const SECTION_TEXT_MAX = 3000;
export const BUTTON_TEXT_MAX = 75;
export const HEADER_TEXT_MAX = 150;

export function section(text: string, accessory?: Button): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, SECTION_TEXT_MAX) },
    ...(accessory ? { accessory } : {}),
  };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, HEADER_TEXT_MAX), emoji: true } };
}

export function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, SECTION_TEXT_MAX) }] };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, BUTTON_TEXT_MAX), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function bullets(items: string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

/** What every builder returns: blocks plus the `text` fallback that states the message's point. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
