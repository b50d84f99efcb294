/**
 * Block Kit builders: section, header, context, button, and the mrkdwn escaping and clipping they share. Slack
 * reads `&`, `<` and `>` as control characters: `<!channel>` pings a channel and `<@U123>` a person. Any text we
 * did not write ourselves, and data text with an ampersand, is escaped.
 */
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
type ContextBlock = types.ContextBlock;
type SectionBlock = types.SectionBlock;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a Block Kit limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

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
