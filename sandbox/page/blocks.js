/**
 * Block Kit and Slack mrkdwn, rendered the way Slack's client shows them, for the sandbox page. Rendering builds a
 * small tree of plain objects ({ t: tag, a: attributes, c: children }, strings for text) and `toDom` turns it into
 * DOM nodes with createElement and text nodes only: no string ever goes through innerHTML, so nothing a person or
 * the app writes can become markup. The tree also makes the renderer testable without a browser.
 */

/**
 * Block Kit as Slack defines it (from @slack/types, which Bolt re-exports): what the stand-in stores has passed
 * its Block Kit validator, so the renderer reads blocks with these types and shows any it does not draw as such.
 * @typedef {import('@slack/bolt').types.KnownBlock} KnownBlock
 * @typedef {import('@slack/bolt').types.InputBlock} InputBlock
 * @typedef {import('@slack/bolt').types.InputBlockElement} InputBlockElement
 * @typedef {import('@slack/bolt').types.Button} Button
 * @typedef {import('@slack/bolt').types.SectionBlockAccessory} SectionBlockAccessory
 * @typedef {import('@slack/bolt').types.ActionsBlockElement} ActionsBlockElement
 * @typedef {import('@slack/bolt').types.TextObject} TextObject
 * @typedef {import('@slack/bolt').types.PlainTextElement} PlainTextElement
 * @typedef {import('@slack/bolt').types.RichTextBlockElement} RichTextBlockElement
 * @typedef {import('@slack/bolt').types.RichTextElement} RichTextElement
 * @typedef {import('@slack/bolt').types.TableBlock} TableBlock
 */

/** @typedef {string | { t: string, a: Record<string, string>, c: VNode[] }} VNode */
/** What `h` takes as children: nodes, nested lists of them, and nothing (null, undefined, false) to leave out. */
/** @typedef {VNode | VChild[] | null | undefined | false} VChild */

/**
 * Builds an element node; children that are null, undefined or false are left out, arrays are flattened.
 * @param {string} t
 * @param {Record<string, string | undefined> | null} [a]
 * @param {...VChild} children
 * @returns {VNode}
 */
export function h(t, a, ...children) {
  /** @type {Record<string, string>} */
  const attrs = {};
  for (const [key, value] of Object.entries(a ?? {})) if (value !== undefined) attrs[key] = value;
  /** @type {VNode[]} */
  const c = [];
  /** @param {VChild} child */
  const add = (child) => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(add);
    else if (typeof child === 'string') {
      if (child !== '') c.push(child);
    } else c.push(child);
  };
  children.forEach(add);
  return { t, a: attrs, c };
}

// ---- text ---------------------------------------------------------------------------------------------------

/**
 * The emoji the app uses, and the usual ones people type; anything else stays `:name:` as Slack shows it.
 * @type {Record<string, string>}
 */
const EMOJI = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  warning: '⚠️',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  x: '❌',
  no_entry: '⛔',
  bulb: '💡',
  zap: '⚡',
  rocket: '🚀',
  tada: '🎉',
  eyes: '👀',
  thumbsup: '👍',
  '+1': '👍',
  thumbsdown: '👎',
  wave: '👋',
  information_source: 'ℹ️',
  speech_balloon: '💬',
  lock: '🔒',
  arrows_counterclockwise: '🔄',
  question: '❓',
  exclamation: '❗',
  star: '⭐',
  fire: '🔥',
  memo: '📝',
  bar_chart: '📊',
  satellite: '📡',
  electric_plug: '🔌',
  globe_with_meridians: '🌐',
  smile: '😄',
  slightly_smiling_face: '🙂',
};

/** @type {Record<string, string>} */
const ENTITIES = { amp: '&', lt: '<', gt: '>' };

/**
 * Slack escapes exactly these three in message text; `&amp;lt;` stays `&lt;` on screen.
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt);/g, (whole, /** @type {string} */ name) => ENTITIES[name] ?? whole);
}

/**
 * @param {string} text
 * @returns {VNode[]} text with `:emoji:` codes replaced by the emoji they name
 */
function withEmoji(text) {
  /** @type {VNode[]} */
  const out = [];
  let last = 0;
  for (const match of text.matchAll(/:([a-z0-9_+-]+):/g)) {
    const name = match[1] ?? '';
    const emoji = Object.hasOwn(EMOJI, name) ? EMOJI[name] : undefined;
    if (!emoji) continue;
    out.push(text.slice(last, match.index));
    out.push(h('span', { class: 'emoji', title: `:${name}:` }, emoji));
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out.filter((n) => n !== '');
}

/**
 * Only these open from a link; anything else (javascript:, data:, …) is shown as text.
 * @param {string} url
 */
export function safeUrl(url) {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}

/**
 * @typedef {{ users?: Record<string, string>, channels?: Record<string, string> }} TextContext
 *   users: id → display name; channels: id → name
 */

/**
 * A `<…>` control sequence: a link, a user or channel mention, @here and friends, a date.
 * @param {string} inner
 * @param {TextContext} ctx
 * @returns {VNode}
 */
function controlSequence(inner, ctx) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = ctx.users?.[id] ?? label ?? id;
    return h('span', { class: 'mention', 'data-user': id }, `@${name}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = ctx.channels?.[id] ?? label ?? id;
    return h('span', { class: 'mention channel-mention', 'data-channel': id }, `#${name}`);
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (['here', 'channel', 'everyone'].includes(special))
      return h('span', { class: 'mention broadcast' }, `@${special}`);
    return h('span', { class: 'mention' }, label ?? special.replace(/^subteam\^\w+$/, '@group'));
  }
  const url = decodeEntities(target);
  const href = safeUrl(url);
  if (!href) return label ?? url;
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label ?? url);
}

const WORD = /[\p{L}\p{N}]/u;
/** @type {Record<string, string>} */
const STYLE = { '*': 'strong', _: 'em', '~': 's' };

/**
 * Index of the `>` ending a control sequence that starts at `i`, or -1.
 * @param {string} s
 * @param {number} i
 */
function sequenceEnd(s, i) {
  const end = s.indexOf('>', i + 1);
  const newline = s.indexOf('\n', i + 1);
  return end > i + 1 && (newline < 0 || end < newline) ? end : -1;
}

/**
 * Where a `*`, `_` or `~` opened at `i` closes on the same line, as Slack pairs them; -1 if it does not.
 * @param {string} s
 * @param {number} i
 * @param {string} marker
 */
function closing(s, i, marker) {
  for (let j = i + 2; j < s.length; j += 1) {
    const ch = s.charAt(j);
    if (ch === '\n') return -1;
    if (ch === '<' || ch === '`') {
      const end = ch === '<' ? sequenceEnd(s, j) : s.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (ch === marker && !/\s/.test(s.charAt(j - 1)) && (j + 1 === s.length || !WORD.test(s.charAt(j + 1)))) return j;
  }
  return -1;
}

/**
 * Inline mrkdwn: formatting, code, control sequences, entities and emoji.
 * @param {string} s
 * @param {TextContext} ctx
 * @returns {VNode[]}
 */
function inline(s, ctx) {
  /** @type {VNode[]} */
  const out = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(...withEmoji(decodeEntities(text)));
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '<') {
      const end = sequenceEnd(s, i);
      if (end > 0) {
        flush();
        out.push(controlSequence(s.slice(i + 1, end), ctx));
        i = end + 1;
        continue;
      }
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1 && !s.slice(i + 1, end).includes('\n')) {
        flush();
        out.push(h('code', null, decodeEntities(s.slice(i + 1, end))));
        i = end + 1;
        continue;
      }
    }
    const style = Object.hasOwn(STYLE, ch) ? STYLE[ch] : undefined;
    if (style && (i === 0 || !WORD.test(s.charAt(i - 1))) && i + 1 < s.length && !/\s/.test(s.charAt(i + 1))) {
      const end = s.charAt(i + 1) === ch ? -1 : closing(s, i, ch);
      if (end > 0) {
        flush();
        out.push(h(style, null, inline(s.slice(i + 1, end), ctx)));
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

/**
 * Slack mrkdwn as Slack shows it: *bold*, _italic_, ~strike~, `code`, ```preformatted```, `>` quotes, links
 * <url|text>, mentions <@U…> and <#C…>, the entities &amp; &lt; &gt;, emoji codes and newlines.
 * @param {string} text
 * @param {TextContext} [ctx]
 * @returns {VNode}
 */
export function mrkdwn(text, ctx = {}) {
  /** @type {VNode[]} */
  const parts = [];
  const fences = text.split('```');
  fences.forEach((segment, index) => {
    // Odd segments are inside ``` … ``` (an unclosed fence is just text).
    if (index % 2 === 1 && index < fences.length - 1) {
      parts.push(h('pre', null, decodeEntities(segment.replace(/^\n/, ''))));
      return;
    }
    const raw = index % 2 === 1 ? `\`\`\`${segment}` : segment;
    const lines = raw.split('\n');
    /** @type {string[]} */
    let run = [];
    /** @type {string[]} */
    let quote = [];
    const endRun = () => {
      if (run.length) parts.push(...inline(run.join('\n'), ctx));
      run = [];
    };
    const endQuote = () => {
      if (quote.length) parts.push(h('blockquote', null, inline(quote.join('\n'), ctx)));
      quote = [];
    };
    for (const line of lines) {
      // A raw `>` starts a quote; a typed one arrives as `&gt;` and stays text.
      if (line.startsWith('>')) {
        endRun();
        quote.push(line.replace(/^> ?/, ''));
      } else {
        endQuote();
        run.push(line);
      }
    }
    endRun();
    endQuote();
  });
  return h('div', { class: 'mrkdwn' }, parts);
}

/**
 * A plain_text object: literal text, with emoji codes unless `emoji: false`.
 * @param {Partial<PlainTextElement> | undefined} obj
 */
export function plainText(obj) {
  const text = typeof obj?.text === 'string' ? obj.text : '';
  return h('span', { class: 'plain' }, obj?.emoji === false ? text : withEmoji(text));
}

/**
 * A text object of either type.
 * @param {TextObject | undefined} obj
 * @param {TextContext} [ctx]
 */
export function textObject(obj, ctx) {
  if (!obj || typeof obj !== 'object') return null;
  return obj.type === 'mrkdwn' ? mrkdwn(String(obj.text ?? ''), ctx) : plainText(obj);
}

// ---- blocks -------------------------------------------------------------------------------------------------

/**
 * @typedef {TextContext & { errors?: Record<string, string> }} BlockContext
 *   errors: a modal's `response_action: errors`, by block_id
 */

/** @param {string} what */
function unsupported(what) {
  return h('div', { class: 'bk-unsupported' }, `(${what} is not shown in the sandbox)`);
}

/**
 * A button, carrying what a click needs to find it again: action_id, block_id, value.
 * @param {Button} el
 * @param {string} blockId
 */
function button(el, blockId) {
  const style = el.style === 'primary' || el.style === 'danger' ? ` bk-button-${el.style}` : '';
  return h(
    'button',
    {
      type: 'button',
      class: `bk-button${style}`,
      'data-action-id': String(el.action_id ?? ''),
      'data-block-id': blockId,
      'data-value': typeof el.value === 'string' ? el.value : undefined,
      'data-url': typeof el.url === 'string' ? safeUrl(el.url) : undefined,
      'aria-label': el.accessibility_label ? String(el.accessibility_label) : undefined,
    },
    plainText(el.text),
  );
}

/**
 * @param {{ alt_text?: string }} el
 * @param {string} className
 */
function imageElement(el, className) {
  // Remote images are not fetched (the page allows no outside requests): show what they are.
  return h('span', { class: className, title: String(el.alt_text ?? 'image'), role: 'img' }, '🖼');
}

/**
 * @param {SectionBlockAccessory | ActionsBlockElement | TextObject | undefined} el
 * @param {string} blockId
 * @param {TextContext} ctx
 */
function element(el, blockId, ctx) {
  if (!el || typeof el !== 'object') return null;
  switch (el.type) {
    case 'button':
      return button(el, blockId);
    case 'image':
      return imageElement(el, 'bk-image-element');
    case 'mrkdwn':
    case 'plain_text':
      return textObject(el, ctx);
    default:
      return unsupported(`a ${String(el.type)} element`);
  }
}

/**
 * @param {InputBlock} block
 * @param {TextContext} ctx
 */
function inputElement(block, ctx) {
  /** @type {InputBlockElement | undefined} */
  const el = block.element;
  const ids = { 'data-block-id': String(block.block_id ?? ''), 'data-action-id': String(el?.action_id ?? '') };
  const placeholder = el && 'placeholder' in el && el.placeholder?.text ? String(el.placeholder.text) : undefined;
  switch (el?.type) {
    case 'plain_text_input':
      return el.multiline
        ? h(
            'textarea',
            { class: 'bk-input', ...ids, placeholder, rows: '4', 'data-input': 'text' },
            el.initial_value ? String(el.initial_value) : '',
          )
        : h('input', {
            class: 'bk-input',
            ...ids,
            placeholder,
            type: 'text',
            'data-input': 'text',
            value: el.initial_value ? String(el.initial_value) : undefined,
          });
    case 'static_select':
      return h(
        'select',
        { class: 'bk-input', ...ids, 'data-input': 'select' },
        h('option', { value: '' }, placeholder ?? 'Select an option'),
        (el.options ?? []).map((o) =>
          h(
            'option',
            { value: String(o.value), selected: el.initial_option?.value === o.value ? 'selected' : undefined },
            String(o.text?.text ?? o.value),
          ),
        ),
      );
    case 'conversations_select':
      // Slack lists the person's conversations; the page lists the channels it shows.
      return h(
        'select',
        { class: 'bk-input', ...ids, 'data-input': 'select' },
        h('option', { value: '' }, placeholder ?? 'Select a conversation'),
        Object.entries(ctx.channels ?? {}).map(([id, name]) =>
          h('option', { value: id, selected: el.initial_conversation === id ? 'selected' : undefined }, `#${name}`),
        ),
      );
    default:
      return unsupported(`a ${String(el?.type)} input`);
  }
}

/**
 * rich_text, as people's messages carry it.
 * @param {RichTextBlockElement[] | undefined} elements
 * @param {TextContext} ctx
 */
function richText(elements, ctx) {
  return (elements ?? []).map((el) => {
    switch (el?.type) {
      case 'rich_text_section':
        return h('span', null, richInline(el.elements, ctx));
      case 'rich_text_preformatted':
        return h('pre', null, richInline(el.elements, ctx));
      case 'rich_text_quote':
        return h('blockquote', null, richInline(el.elements, ctx));
      case 'rich_text_list':
        return h(
          el.style === 'ordered' ? 'ol' : 'ul',
          null,
          (el.elements ?? []).map((item) => h('li', null, richInline(item.elements, ctx))),
        );
      default:
        return null;
    }
  });
}

/**
 * @param {RichTextElement[] | undefined} elements
 * @param {TextContext} ctx
 */
function richInline(elements, ctx) {
  return (elements ?? []).map((el) => {
    /** @type {VChild} */
    let node;
    switch (el?.type) {
      case 'text':
        node = String(el.text ?? '');
        break;
      case 'link': {
        const href = safeUrl(String(el.url ?? ''));
        node = href
          ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, String(el.text ?? el.url))
          : String(el.text ?? el.url ?? '');
        break;
      }
      case 'user':
        node = h('span', { class: 'mention' }, `@${ctx.users?.[el.user_id] ?? el.user_id}`);
        break;
      case 'channel':
        node = h('span', { class: 'mention channel-mention' }, `#${ctx.channels?.[el.channel_id] ?? el.channel_id}`);
        break;
      case 'emoji':
        node = withEmoji(`:${el.name}:`);
        break;
      default:
        return null;
    }
    const style = el.style ?? {};
    if (style.code) node = h('code', null, node);
    if (style.bold) node = h('strong', null, node);
    if (style.italic) node = h('em', null, node);
    if (style.strike) node = h('s', null, node);
    return node;
  });
}

/**
 * A table cell's content: rich_text as rich text, raw_text and raw_number as their text.
 * @param {TableBlock['rows'][number][number] | undefined} cell
 * @param {TextContext} ctx
 */
function tableCell(cell, ctx) {
  switch (cell?.type) {
    case 'rich_text':
      return richText(cell.elements, ctx);
    case 'raw_text':
    case 'raw_number':
      return String(cell.text ?? '');
    default:
      return null;
  }
}

/**
 * A table block as a grid, each column aligned and wrapped as its `column_settings` say (a `null` setting, which
 * Slack allows, leaves the column as it is). Slack gives a table no header row of its own, so every row is drawn
 * alike; the app's first row names the columns in bold.
 * @param {TableBlock} block
 * @param {TextContext} ctx
 */
function table(block, ctx) {
  /** @type {({ align?: string, is_wrapped?: boolean } | null | undefined)[]} */
  const settings = block.column_settings ?? [];
  return h(
    'div',
    { class: 'bk-table-scroll' },
    h(
      'table',
      { class: 'bk-table' },
      h(
        'tbody',
        null,
        (block.rows ?? []).map((row) =>
          h(
            'tr',
            null,
            row.map((cell, i) => {
              const setting = settings[i];
              const align = ['left', 'center', 'right'].includes(String(setting?.align)) ? setting?.align : 'left';
              return h(
                'td',
                { class: `bk-cell bk-align-${align}${setting?.is_wrapped ? ' bk-wrap' : ''}` },
                tableCell(cell, ctx),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * One block as Slack shows it.
 * @param {unknown} input
 * @param {BlockContext} ctx
 * @returns {VNode | null}
 */
export function renderBlock(input, ctx = {}) {
  if (!input || typeof input !== 'object') return null;
  // Stored blocks passed the stand-in's Block Kit validator; a type not listed here falls through to `default`.
  const block = /** @type {KnownBlock} */ (input);
  const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
  const error = blockId && ctx.errors?.[blockId];
  switch (block.type) {
    case 'header':
      return h('div', { class: 'bk-header', role: 'heading', 'aria-level': '2' }, plainText(block.text));
    case 'section':
      return h(
        'div',
        { class: 'bk-section' },
        h(
          'div',
          { class: 'bk-section-main' },
          textObject(block.text, ctx),
          Array.isArray(block.fields) && block.fields.length
            ? h(
                'div',
                { class: 'bk-fields' },
                block.fields.map((f) => h('div', { class: 'bk-field' }, textObject(f, ctx))),
              )
            : null,
        ),
        block.accessory ? h('div', { class: 'bk-accessory' }, element(block.accessory, blockId ?? '', ctx)) : null,
      );
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'context':
      return h(
        'div',
        { class: 'bk-context' },
        (block.elements ?? []).map((el) =>
          el?.type === 'image' ? imageElement(el, 'bk-context-image') : textObject(el, ctx),
        ),
      );
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions' },
        (block.elements ?? []).map((el) => element(el, blockId ?? '', ctx)),
      );
    case 'image':
      return h(
        'figure',
        { class: 'bk-image' },
        block.title ? h('figcaption', null, plainText(block.title)) : null,
        h('div', { class: 'bk-image-placeholder', role: 'img', title: String(block.alt_text ?? 'image') }, '🖼'),
      );
    case 'input':
      return h(
        'div',
        { class: `bk-input-block${error ? ' has-error' : ''}` },
        h('label', { class: 'bk-label' }, plainText(block.label), block.optional ? ' (optional)' : ''),
        inputElement(block, ctx),
        block.hint ? h('div', { class: 'bk-hint' }, plainText(block.hint)) : null,
        error ? h('div', { class: 'bk-error', role: 'alert' }, error) : null,
      );
    case 'rich_text':
      return h('div', { class: 'bk-rich-text' }, richText(block.elements, ctx));
    case 'table':
      return table(block, ctx);
    default:
      return unsupported(`a ${String(block.type)} block`);
  }
}

/**
 * Blocks as Slack shows them, in order.
 * @param {unknown} blocks
 * @param {BlockContext} [ctx]
 * @returns {VNode}
 */
export function renderBlocks(blocks, ctx = {}) {
  return h('div', { class: 'blocks' }, Array.isArray(blocks) ? blocks.map((b) => renderBlock(b, ctx)) : null);
}

// ---- to the DOM ---------------------------------------------------------------------------------------------

const ATTRIBUTE =
  /^(class|href|target|rel|title|role|type|rows|placeholder|value|selected|hidden|disabled|(data|aria)-[a-z-]+)$/;

/**
 * The part of a `Document` that toDom uses: the page passes `document`, the tests a fake that records calls.
 * @typedef {{ setAttribute(name: string, value: string): void, appendChild(child: unknown): unknown }} ElementLike
 * @typedef {{ createElement(tag: string): ElementLike, createTextNode(text: string): unknown }} DocumentLike
 */

/**
 * The tree as DOM nodes: elements and text nodes only. Attribute names come from this file, never from data;
 * an href is checked again.
 * @template {ElementLike} E
 * @template T
 * @param {VNode} node
 * @param {{ createElement(tag: string): E, createTextNode(text: string): T }} doc
 * @returns {E | T}
 */
export function toDom(node, doc) {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.t);
  for (const [key, value] of Object.entries(node.a)) {
    if (!ATTRIBUTE.test(key)) continue;
    if (key === 'href' && !safeUrl(value)) continue;
    el.setAttribute(key, value);
  }
  for (const child of node.c) el.appendChild(toDom(child, doc));
  return el;
}

/**
 * The visible text of a tree, for tests and accessibility checks.
 * @param {VNode} node
 * @returns {string}
 */
export function textOf(node) {
  return typeof node === 'string' ? node : node.c.map(textOf).join('');
}
