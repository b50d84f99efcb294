/**
 * Slack's text format at the edge. Slack entity-encodes `&`, `<` and `>` in the text of messages, events and slash
 * commands, and sends mentions, channels and links as markup: `<@U123|ada>`, `<#C123|general>`,
 * `<https://example.com|label>`, `<!here>`. Text is decoded once where it comes in, into plain text for the
 * advisor plus the mentions and links it held, and encoded once where it goes out.
 *
 * Everything here scans the text once, left to right: no pattern that can backtrack is applied to what a person
 * typed, so a 40,000-character message costs what its length costs.
 */
import { wellFormed } from '../advisor/index.js';

/** One piece of a person's message, as Slack sent it. */
export type Segment =
  | { kind: 'text'; text: string }
  /** `<@U123>` or `<@U123|ada>`: a person. */
  | { kind: 'user'; id: string; label?: string }
  /** `<#C123|general>`: a channel. */
  | { kind: 'channel'; id: string; label?: string }
  /** `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S123|@team>`, `<!date^…|fallback>`: notifies or formats. */
  | { kind: 'special'; name: string; label?: string }
  /** `<https://…|label>`, `<mailto:…>`: a link. */
  | { kind: 'link'; url: string; label?: string };

export interface SlackText {
  segments: Segment[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Slack's three entities, decoded once; any other `&` stays as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let at = 0;
  while (at < text.length) {
    const amp = text.indexOf('&', at);
    if (amp < 0) break;
    out += text.slice(at, amp);
    const entity = text.slice(amp, amp + 5).startsWith('&amp;') ? '&amp;' : text.slice(amp, amp + 4);
    const decoded = ENTITIES[entity];
    if (decoded !== undefined) {
      out += decoded;
      at = amp + entity.length;
    } else {
      out += '&';
      at = amp + 1;
    }
  }
  return out + text.slice(at);
}

const ENCODED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** One character of the three; a class of single characters, so the scan cannot backtrack. */
const TO_ENCODE = /[&<>]/g;

/**
 * Text we did not write ourselves, made safe for mrkdwn: `<!channel>` typed by a person pings nobody. Most texts
 * (the data's own sentences) hold none of the three and come back as they are; building the copy a character at a
 * time made every text a chain of one-character strings, on every message built.
 */
export function escapeText(text: string): string {
  return text.includes('&') || text.includes('<') || text.includes('>')
    ? text.replace(TO_ENCODE, (ch) => ENCODED[ch] ?? ch)
    : text;
}

function markup(inner: string): Segment {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const rawLabel = bar < 0 ? '' : decodeEntities(inner.slice(bar + 1));
  const label = rawLabel.length > 0 ? { label: rawLabel } : {};
  if (target.startsWith('@')) return { kind: 'user', id: target.slice(1), ...label };
  if (target.startsWith('#')) return { kind: 'channel', id: target.slice(1), ...label };
  if (target.startsWith('!')) return { kind: 'special', name: target.slice(1), ...label };
  return { kind: 'link', url: decodeEntities(target), ...label };
}

/**
 * Slack's encoded text, read once into segments. A lone `<` (never sent by Slack) is kept as text; a lone
 * surrogate becomes U+FFFD, as a UTF-8 decoder would make it, since percent-encoding it (a quote in a button
 * value) throws.
 */
export function fromSlack(raw: string | undefined): SlackText {
  const text = wellFormed(raw ?? '');
  const segments: Segment[] = [];
  const pushText = (t: string) => {
    if (t.length === 0) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += t;
    else segments.push({ kind: 'text', text: t });
  };
  let at = 0;
  let close = -1; // only ever moves forward, so the whole scan is linear
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    if (close < open) close = text.indexOf('>', open + 1);
    if (close < 0) break;
    // The markup is the last "<" before the ">": in "a < b <@U1>", the first "<" is text.
    const start = text.lastIndexOf('<', close);
    pushText(decodeEntities(text.slice(at, start)));
    const inner = text.slice(start + 1, close);
    if (inner.length === 0) pushText('<>');
    else segments.push(markup(inner));
    at = close + 1;
  }
  pushText(decodeEntities(text.slice(at)));
  return { segments };
}

/** Text we already hold as plain text (not from Slack), as one segment. */
export function textOnly(text: string): SlackText {
  return { segments: text.length ? [{ kind: 'text', text }] : [] };
}

/** The same text without some of its segments, such as the mention of the app itself. */
export function without(text: SlackText, drop: (segment: Segment) => boolean): SlackText {
  return { segments: text.segments.filter((s) => !drop(s)) };
}

/** How a segment reads as plain text: what a person would read aloud. */
function plainOf(segment: Segment): string {
  switch (segment.kind) {
    case 'text':
      return segment.text;
    case 'user':
      return segment.label ? `@${segment.label}` : '@someone';
    case 'channel':
      return segment.label ? `#${segment.label}` : '#a-channel';
    case 'special':
      return segment.label ?? `@${segment.name.split('^')[0]}`;
    case 'link':
      return segment.label ?? segment.url.replace(/^mailto:/, '');
  }
}

/** The plain text the advisor reads. */
export function plainText(text: SlackText): string {
  return text.segments.map(plainOf).join('');
}

/**
 * Where a quote is shown decides how a mention in it is shown: in a modal or a private message it may render as
 * Slack renders it; in anything others see, a quoted mention never notifies anyone.
 */
export type Audience = 'private' | 'public';

function quoteSegment(segment: Segment, audience: Audience): string {
  switch (segment.kind) {
    case 'text':
      return escapeText(segment.text);
    case 'user':
      return audience === 'private' ? `<@${segment.id}>` : escapeText(plainOf(segment));
    case 'channel':
      // A channel link notifies nobody, in public or not.
      return `<#${segment.id}${segment.label ? `|${escapeText(segment.label)}` : ''}>`;
    case 'special':
      // @here, @channel, user groups: shown as words everywhere, so a quote can never ping a crowd.
      return escapeText(plainOf(segment));
    case 'link': {
      const url = escapeText(segment.url).replace(/\|/g, '%7C');
      return segment.label ? `<${url}|${escapeText(segment.label)}>` : `<${url}>`;
    }
  }
}

/** The longest start of `text` within `max` UTF-16 units that ends between characters as people see them. */
function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/** Cuts to at most `max` UTF-16 units, never inside an emoji or an accented letter, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${cutGraphemes(text, max - 1)}…`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Runs of white space become one space, so a quote stays on one line. */
function collapseSpace(text: string): string {
  let out = '';
  let inSpace = false;
  for (const ch of text) {
    const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
    if (!space) out += ch;
    else if (!inSpace) out += ' ';
    inSpace = space;
  }
  return out;
}

/**
 * A person's message as mrkdwn for a quote: on one line, at most `maxVisible` characters as read (a mention or a
 * link counts as the words it shows, and is kept whole or left out, never cut), encoded for Slack once.
 */
export function quote(text: SlackText, audience: Audience, maxVisible: number): string {
  const segments = text.segments.map((s) => (s.kind === 'text' ? { ...s, text: collapseSpace(s.text) } : s));
  const first = segments[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const last = segments[segments.length - 1];
  if (last?.kind === 'text') last.text = last.text.trimEnd();

  let visible = 0;
  let out = '';
  for (const segment of segments) {
    const plain = plainOf(segment);
    if (visible + plain.length <= maxVisible) {
      out += quoteSegment(segment, audience);
      visible += plain.length;
      continue;
    }
    if (segment.kind === 'text') out += escapeText(cutGraphemes(plain, maxVisible - visible - 1));
    return `${out.trimEnd()}…`;
  }
  return out;
}
