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
/** Blocks in a message; Slack refuses more as `invalid_blocks`. */
export const MESSAGE_BLOCKS_MAX = 50;

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

/**
 * How many characters a person reads in these blocks: every text and button label, a link as its label, an emoji
 * code as one character, mrkdwn's markup left out. For keeping a message short, not for Slack's limits.
 */
export function visibleLength(blocks: readonly KnownBlock[]): number {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const key in record) if (key !== 'text' || typeof record[key] !== 'string') walk(record[key]);
    }
  };
  walk(blocks);
  const shown = texts
    .join('')
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<[#@][A-Z0-9]+>/g, '#channel')
    .replace(/:[a-z_]+:/g, '!')
    .replace(/&(lt|gt|amp);/g, '&')
    .replace(/[*_]/g, '');
  // Characters as a person counts them (code points), without an array of them.
  let length = 0;
  for (const _ of shown) length += 1;
  return length;
}
