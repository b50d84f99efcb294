/** Identifiers in Slack's shapes: random IDs and tokens, and the block_id / action_id Slack adds to stored blocks. */
import { randomBytes } from 'node:crypto';
import { isRecord, type JsonObject } from './json.js';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return out;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Slack stores every plain_text object with `emoji` (true unless the app said otherwise). */
export function withEmojiFlags<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) withEmojiFlags(item);
  } else if (isRecord(value)) {
    const object: JsonObject = value;
    if (object.type === 'plain_text' && typeof object.text === 'string' && object.emoji === undefined)
      object.emoji = true;
    for (const child of Object.values(object)) if (typeof child === 'object' && child !== null) withEmojiFlags(child);
  }
  return value;
}

/**
 * Copies blocks and fills in what Slack fills in on storage: a `block_id` on every block, an `action_id` on
 * every interactive element that lacks one, and `emoji` on plain_text objects.
 */
export function withGeneratedIds(blocks: unknown): JsonObject[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.filter(isRecord).map((original) => {
    const block = withEmojiFlags(structuredClone(original));
    if (typeof block.block_id !== 'string') block.block_id = randomId('', 5).toLowerCase();
    const elements: unknown[] = [];
    if (isRecord(block.accessory)) elements.push(block.accessory);
    if (isRecord(block.element)) elements.push(block.element);
    if (Array.isArray(block.elements) && block.type === 'actions') elements.push(...block.elements);
    for (const el of elements) {
      if (isRecord(el) && el.type !== 'image' && typeof el.action_id !== 'string') {
        el.action_id = randomId('', 5).toLowerCase();
      }
    }
    return block;
  });
}
