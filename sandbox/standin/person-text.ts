/**
 * What a person types, turned into what Slack sends: the `text` with `&`, `<` and `>` entity-encoded and mentions,
 * channels and links in Slack's markup (`<@U…>`, `<#C…|name>`, `<https://…|label>`), and the `rich_text` block
 * Slack's client sends alongside it (whose text elements hold the characters as typed, not the entities).
 *
 * A person action takes either a string or a list of parts:
 * - a string is typed text; the markup a Slack client inserts when the person picks a user, a channel or pastes a
 *   link can be written in it as `<@U…>`, `<@U…|name>`, `<#C…>`, `<#C…|name>`, `<https://…>`, `<https://…|label>`
 *   or `<mailto:…>` and is kept as markup. Everything else is encoded, `<!channel>` too (a person cannot type a
 *   special mention; pasted, it is text). Entities already in the string (`&amp;`, `&lt;`, `&gt;`) are kept, so
 *   text a caller already put in Slack's form is not encoded twice; to send a literal `&amp;` use parts.
 * - parts: strings are typed text encoded exactly as Slack does (no markup recognised, `&amp;` becomes
 *   `&amp;amp;`), and `{ user }`, `{ channel }`, `{ url, label? }` are a mention, a channel, a link;
 *   `{ broadcast }` is @here, @channel or @everyone and `{ usergroup, handle }` a user group, picked from the
 *   composer's list, which Slack sends as special mentions (`<!here>`, `<!subteam^S…|@handle>`, as
 *   https://docs.slack.dev/messaging/formatting-message-text#special-mentions writes them) with `broadcast` and
 *   `usergroup` rich_text elements (https://docs.slack.dev/reference/block-kit/blocks/rich-text-block).
 */
import { randomId } from './ids.js';
import type { JsonObject } from './json.js';
import type { WorkspaceDirectory } from './workspace-directory.js';

export type TextPart =
  | string
  | { user: string }
  | { channel: string }
  | { url: string; label?: string }
  | { broadcast: 'here' | 'channel' | 'everyone' }
  | { usergroup: string; handle: string };

/** What a person types: a string (with optional `<@U…>`, `<#C…|name>`, `<https://…|label>` markup) or parts. */
export type PersonText = string | readonly TextPart[];

export interface EncodedText {
  /** `text` as Slack sends it: entity-encoded, mentions and links in Slack's markup. */
  text: string;
  /** The `rich_text` block Slack's client sends with the message. */
  blocks: JsonObject[];
}

/** Encodes `&`, `<`, `>` as Slack does. */
export function encodeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes `encodeEntities` (what a rich_text text element holds). */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Markup a Slack client inserts for a picked user or channel, or a link; nothing else is markup in typed text. */
const MARKUP =
  /<(@[UWB][A-Z0-9]+(?:\|[^<>]*)?|#[CGD][A-Z0-9]+(?:\|[^<>]*)?|(?:https?:\/\/|mailto:)[^<>|\s]+(?:\|[^<>]*)?)>/g;

/** Encodes typed text, keeping entities that are already there (see the module comment). */
function encodeKeepingEntities(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

type Segment = { kind: 'text'; text: string } | { kind: 'markup'; part: Exclude<TextPart, string> };

function fromMarkup(inner: string): Exclude<TextPart, string> {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) return { user: target.slice(1) };
  if (target.startsWith('#')) return { channel: target.slice(1) };
  return label === undefined ? { url: target } : { url: target, label };
}

function segmentsOf(text: PersonText): { segments: Segment[]; keepEntities: boolean } {
  if (typeof text !== 'string') {
    return {
      segments: text.map(
        (p): Segment => (typeof p === 'string' ? { kind: 'text', text: p } : { kind: 'markup', part: p }),
      ),
      keepEntities: false,
    };
  }
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'markup', part: fromMarkup(match[1] as string) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return { segments, keepEntities: true };
}

/** Turns what a person typed into Slack's `text` and `rich_text` block. */
export function encodePersonText(ws: WorkspaceDirectory, typed: PersonText): EncodedText {
  const { segments, keepEntities } = segmentsOf(typed);
  let text = '';
  const elements: JsonObject[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') {
      const encoded = keepEntities ? encodeKeepingEntities(segment.text) : encodeEntities(segment.text);
      text += encoded;
      const last = elements.at(-1);
      if (segment.text === '') continue;
      // Slack's client keeps one text element per run of text.
      if (last?.type === 'text') last.text = `${String(last.text)}${decodeEntities(encoded)}`;
      else elements.push({ type: 'text', text: decodeEntities(encoded) });
      continue;
    }
    const part = segment.part;
    if ('broadcast' in part) {
      text += `<!${part.broadcast}>`;
      elements.push({ type: 'broadcast', range: part.broadcast });
    } else if ('usergroup' in part) {
      text += `<!subteam^${part.usergroup}|${encodeEntities(part.handle)}>`;
      elements.push({ type: 'usergroup', usergroup_id: part.usergroup });
    } else if ('user' in part) {
      text += `<@${part.user}>`;
      elements.push({ type: 'user', user_id: part.user });
    } else if ('channel' in part) {
      const name = ws.channels.get(part.channel)?.name;
      text += name === undefined ? `<#${part.channel}>` : `<#${part.channel}|${name}>`;
      elements.push({ type: 'channel', channel_id: part.channel });
    } else {
      text += part.label === undefined ? `<${part.url}>` : `<${part.url}|${encodeEntities(part.label)}>`;
      elements.push({ type: 'link', url: part.url, ...(part.label !== undefined ? { text: part.label } : {}) });
    }
  }
  const blocks: JsonObject[] = [
    {
      type: 'rich_text',
      block_id: randomId('', 5).toLowerCase(),
      elements: [{ type: 'rich_text_section', elements }],
    },
  ];
  return { text, blocks };
}

/** True when the typed text mentions `userId` (as markup, not as pasted text). */
export function mentions(typed: PersonText, userId: string): boolean {
  return segmentsOf(typed).segments.some((s) => s.kind === 'markup' && 'user' in s.part && s.part.user === userId);
}
