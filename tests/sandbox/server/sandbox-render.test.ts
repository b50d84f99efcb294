/**
 * The page's Block Kit renderer, without a browser: mrkdwn as Slack shows it, every block the app sends, and no
 * way for text to become markup.
 */
import { describe, expect, it } from 'vitest';
import { type DocumentLike, mrkdwn, renderBlocks, textOf, toDom, type VNode } from '../../../sandbox/page/blocks.js';
import { createAdvisor, loadComparisons } from '../../../src/advisor/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { homeView, modalView } from '../../../src/slack/views/surfaces.js';
import { verdictMessage } from '../../../src/slack/views/verdict.js';

const ctx = { users: { U0HUMAN01: 'Ada Lovelace' }, channels: { C0GENERAL: 'general' } };

/** The element nodes of a tree, depth first. */
function elements(node: VNode): Exclude<VNode, string>[] {
  if (typeof node === 'string') return [];
  return [node, ...node.c.flatMap(elements)];
}
const tags = (node: VNode) => elements(node).map((e) => e.t);
/** A tree as compact markup, for readable expectations (text shown raw; this is not HTML). */
function show(node: VNode): string {
  if (typeof node === 'string') return node;
  const attrs = Object.entries(node.a)
    .filter(([k]) => k === 'href' || k === 'class')
    .map(([k, v]) => ` ${k}=${v}`)
    .join('');
  return `<${node.t}${attrs}>${node.c.map(show).join('')}</${node.t}>`;
}
const inner = (text: string) => (mrkdwn(text, ctx) as Exclude<VNode, string>).c.map(show).join('');

describe('mrkdwn', () => {
  it.each([
    [
      '*bold*, _italic_, ~struck~ and `code`',
      '<strong>bold</strong>, <em>italic</em>, <s>struck</s> and <code>code</code>',
    ],
    ['*bold with _italic_ inside*', '<strong>bold with <em>italic</em> inside</strong>'],
    ['snake_case_name and 2 * 3 * 4 stay as typed', 'snake_case_name and 2 * 3 * 4 stay as typed'],
    ['<https://example.com/a?b=1&amp;c=2|the spec>', '<a href=https://example.com/a?b=1&c=2>the spec</a>'],
    ['<https://example.com>', '<a href=https://example.com>https://example.com</a>'],
    [
      '<@U0HUMAN01> in <#C0GENERAL>',
      '<span class=mention>@Ada Lovelace</span> in <span class=mention channel-mention>#general</span>',
    ],
    [
      '<#C0OTHER|random> and <@U0NOBODY>',
      '<span class=mention channel-mention>#random</span> and <span class=mention>@U0NOBODY</span>',
    ],
    ['<!here> look', '<span class=mention broadcast>@here</span> look'],
    ['Infra &amp; proxies, a &lt;b&gt; tag', 'Infra & proxies, a <b> tag'],
    ['line one\nline two', 'line one\nline two'],
    ['• first\n• second', '• first\n• second'],
    [':white_check_mark: done', '<span class=emoji>✅</span> done'],
    ['`*not bold*` in code', '<code>*not bold*</code> in code'],
    ['> quoted\nafter', '<blockquote>quoted</blockquote>after'],
    ['&gt; typed, not a quote', '> typed, not a quote'],
    ['```\nconst x = 1 &amp;&amp; 2;\n```', '<pre>const x = 1 && 2;\n</pre>'],
  ])('%j', (text, expected) => {
    expect(inner(text)).toBe(expected);
  });

  it('opens only http, https and mailto links; anything else is text', () => {
    expect(inner('<javascript:alert(1)|click me>')).toBe('click me');
    expect(inner('<data:text/html,hi>')).toBe('data:text/html,hi');
    expect(inner('<mailto:a@example.com|mail>')).toBe('<a href=mailto:a@example.com>mail</a>');
  });

  it('never turns text into markup: the DOM gets text nodes only', () => {
    const calls: string[] = [];
    const doc: DocumentLike = {
      createElement(tag) {
        calls.push(`element ${tag}`);
        return { setAttribute: (name, value) => calls.push(`attr ${name}=${value}`), appendChild: () => undefined };
      },
      createTextNode(text) {
        calls.push(`text ${text}`);
        return {};
      },
    };
    toDom(mrkdwn('&lt;img src=x onerror=alert(1)&gt; <script>alert(1)</script>', ctx), doc);
    expect(calls.filter((c) => c.startsWith('element'))).toEqual(['element div']);
    expect(calls).toContain('text <img src=x onerror=alert(1)> ');
    expect(calls.join('\n')).not.toMatch(/element (img|script)/);
  });

  it('drops attribute names it does not know and unsafe hrefs', () => {
    const attrs: string[] = [];
    const doc: DocumentLike = {
      createElement: () => ({ setAttribute: (name) => attrs.push(name), appendChild: () => undefined }),
      createTextNode: () => ({}),
    };
    toDom({ t: 'a', a: { href: 'javascript:x', onclick: 'x', class: 'ok' }, c: [] }, doc);
    expect(attrs).toEqual(['class']);
  });
});

describe('blocks the app sends', () => {
  const advisor = createAdvisor(loadComparisons());

  function verdictBlocks() {
    let view = advisor.start();
    for (const pick of [0, 1, 0]) {
      if (view.kind !== 'question') break;
      const next = advisor.resume(view.options[pick]?.next);
      if (!next.ok) throw new Error('wizard failed');
      view = next.view;
    }
    if (view.kind !== 'verdict') throw new Error('expected a verdict');
    return verdictMessage(view, 'message', [], { expanded: true }).blocks;
  }

  it('renders a verdict: header, sections with Change accessories, context with links, buttons with styles', () => {
    const tree = renderBlocks(verdictBlocks(), ctx);
    const names = tags(tree);
    expect(names).toContain('button');
    expect(elements(tree).some((e) => e.a.class === 'bk-header')).toBe(true);
    expect(elements(tree).some((e) => e.a.class === 'bk-accessory')).toBe(true);
    expect(elements(tree).some((e) => e.a.class === 'bk-context')).toBe(true);
    const share = elements(tree).find((e) => e.t === 'button' && textOf(e) === 'Share in channel');
    expect(share?.a).toMatchObject({ class: 'bk-button bk-button-primary', 'data-action-id': 'verdict.share' });
    expect(share?.a['data-value']).toMatch(/^v1\|e\|\|\|\|1:websocket-vs-sse:/);
    expect(elements(tree).some((e) => e.t === 'a' && e.a.href?.startsWith('https://'))).toBe(true);
    expect(textOf(tree)).not.toMatch(/&amp;|<https?:|\*\w/);
  });

  it('renders every reply, the Home tab and the divider without an unsupported block', () => {
    const comparison = advisor.comparison();
    const surfaces = [
      ...['', 'compare', 'reconnect', 'neither', 'help', 'streaming LLM tokens to a browser', 'banana'].map(
        (text) =>
          replyMessage(advisor.reply(text), {
            audience: 'private',
            wizardButton: { actionId: ACTION.open, value: advisor.startValue() },
          }).blocks,
      ),
      homeView(comparison, advisor.startValue()).blocks,
    ];
    for (const blocks of surfaces) {
      const tree = renderBlocks(blocks, ctx);
      expect(elements(tree).filter((e) => e.a.class === 'bk-unsupported')).toEqual([]);
    }
    expect(tags(renderBlocks(homeView(comparison, 'x').blocks, ctx))).toContain('hr');
  });

  it('renders /realtime compare’s table as a grid: the dimensions down the first column, bold titles on top', () => {
    const blocks = replyMessage(advisor.reply('compare'), {
      audience: 'private',
      wizardButton: { actionId: ACTION.open, value: advisor.startValue() },
    }).blocks;
    const grid = elements(renderBlocks(blocks, ctx)).find((e) => e.t === 'table');
    const rows = elements(grid as VNode).filter((e) => e.t === 'tr');
    expect(rows.map((row) => textOf(row.c[0] as VNode))).toEqual([
      'Dimension',
      'Direction',
      'Protocol',
      'Payload types',
      'Reconnection',
      'Infra & proxies',
      'Connection limits',
    ]);
    expect(show(rows[0] as VNode)).toBe(
      '<tr><td class=bk-cell bk-align-left bk-wrap><span><strong>Dimension</strong></span></td>' +
        '<td class=bk-cell bk-align-left bk-wrap><span><strong>WebSocket</strong></span></td>' +
        '<td class=bk-cell bk-align-left bk-wrap><span><strong>SSE</strong></span></td>' +
        '<td class=bk-cell bk-align-left><span><strong>Edge</strong></span></td></tr>',
    );
  });

  it('renders every kind of cell as text, with its column’s alignment, and no cell text as markup', () => {
    const tree = renderBlocks(
      [
        {
          type: 'table',
          column_settings: [{ align: 'right' }, null, { align: 'center', is_wrapped: true }],
          rows: [
            [
              { type: 'raw_text', text: '<img src=x onerror=alert(1)>' },
              { type: 'raw_number', value: 6, text: '6' },
              {
                type: 'rich_text',
                elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '<b>a</b> &amp; *b*' }] }],
              },
            ],
          ],
        },
      ],
      ctx,
    );
    expect(show(tree)).toBe(
      '<div class=blocks><div class=bk-table-scroll><table class=bk-table><tbody><tr>' +
        '<td class=bk-cell bk-align-right><img src=x onerror=alert(1)></td>' +
        '<td class=bk-cell bk-align-left>6</td>' +
        '<td class=bk-cell bk-align-center bk-wrap><span><b>a</b> &amp; *b*</span></td>' +
        '</tr></tbody></table></div></div>',
    );
    const created: string[] = [];
    const doc: DocumentLike = {
      createElement: (tag) => {
        created.push(tag);
        return { setAttribute: () => undefined, appendChild: () => undefined };
      },
      createTextNode: () => ({}),
    };
    toDom(tree, doc);
    expect(created).not.toContain('img');
    expect(created).not.toContain('b');
  });

  it("renders the Home modal's conversation picker as a select of the person's channels", () => {
    const tree = renderBlocks(modalView([], {}, true).blocks, ctx);
    const select = elements(tree).find((e) => e.t === 'select');
    expect(select?.a).toMatchObject({ 'data-block-id': 'post_to', 'data-action-id': 'post.conversation' });
    expect(textOf(select as VNode)).toContain('#general');
    expect(elements(tree).filter((e) => e.a.class === 'bk-unsupported')).toEqual([]);
  });

  it('renders section fields, danger buttons, and says so for blocks it does not know', () => {
    const tree = renderBlocks(
      [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*A*' },
            { type: 'plain_text', text: '*B*' },
          ],
        },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Delete' }, style: 'danger', action_id: 'd' }],
        },
        { type: 'video', title: { type: 'plain_text', text: 'x' } },
      ],
      ctx,
    );
    expect(show(tree)).toContain(
      '<div class=bk-fields><div class=bk-field><div class=mrkdwn><strong>A</strong></div></div><div class=bk-field><span class=plain>*B*</span></div></div>',
    );
    expect(elements(tree).find((e) => e.t === 'button')?.a.class).toBe('bk-button bk-button-danger');
    expect(textOf(tree)).toContain('(a video block is not shown in the sandbox)');
  });
});
