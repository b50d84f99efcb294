/**
 * The Block Kit validator is what makes the stand-in refuse what Slack refuses; these cases pin each limit so a
 * view builder that drifts past one fails here instead of in a real workspace.
 */
import { describe, expect, it } from 'vitest';
import { findButtons, validateBlocks, validateView } from '../../../sandbox/standin/block-kit.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: plain('Go'),
  action_id: 'go',
  value: 'v',
  ...extra,
});
const x = (n: number) => 'x'.repeat(n);

const goodMessage = [
  { type: 'header', text: plain(x(150)) },
  { type: 'section', block_id: 'intro', text: mrkdwn(x(3000)), accessory: button({ style: 'primary' }) },
  { type: 'section', fields: Array.from({ length: 10 }, () => mrkdwn(x(2000))) },
  { type: 'divider' },
  {
    type: 'context',
    elements: [mrkdwn('a'), plain('b'), { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a' }],
  },
  {
    type: 'actions',
    block_id: 'choices',
    elements: Array.from({ length: 25 }, (_, i) => button({ action_id: `a${i}`, style: 'danger' })),
  },
  {
    type: 'rich_text',
    elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi' }] }],
  },
];

describe('validateBlocks', () => {
  it('accepts every block type the app uses when each sits exactly at its limit', () => {
    expect(validateBlocks(goodMessage, 'message')).toEqual({ ok: true });
  });

  it('accepts fifty blocks in a message and a hundred in a modal', () => {
    expect(
      validateBlocks(
        Array.from({ length: 50 }, () => ({ type: 'divider' })),
        'message',
      ).ok,
    ).toBe(true);
    expect(
      validateBlocks(
        Array.from({ length: 100 }, () => ({ type: 'divider' })),
        'modal',
      ).ok,
    ).toBe(true);
  });

  it('refuses a fifty-first message block with invalid_blocks, as Slack does', () => {
    const verdict = validateBlocks(
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      'message',
    );
    expect(verdict).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      problems: ['blocks: more than 50 items'],
      issues: [{ slack: 'no more than 50 items allowed', pointer: '/blocks' }],
    });
  });

  const breaches: [string, unknown[], string][] = [
    [
      'header text over 150',
      [{ type: 'header', text: plain(x(151)) }],
      'blocks[0].text.text: longer than 150 characters',
    ],
    ['header in mrkdwn', [{ type: 'header', text: mrkdwn('a') }], 'blocks[0].text.type: must be plain_text'],
    [
      'section text over 3000',
      [{ type: 'section', text: mrkdwn(x(3001)) }],
      'blocks[0].text.text: longer than 3000 characters',
    ],
    ['section without text or fields', [{ type: 'section' }], 'blocks[0]: must define either text or fields'],
    [
      'eleven section fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('a')) }],
      'blocks[0].fields: more than 10 items',
    ],
    [
      'a field over 2000',
      [{ type: 'section', fields: [mrkdwn(x(2001))] }],
      'blocks[0].fields[0].text: longer than 2000 characters',
    ],
    ['empty section text', [{ type: 'section', text: mrkdwn('') }], 'blocks[0].text.text: empty text'],
    [
      'eleven context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('a')) }],
      'blocks[0].elements: more than 10 items',
    ],
    [
      'twenty-six actions',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) }],
      'blocks[0].elements: more than 25 items',
    ],
    [
      'button text over 75',
      [{ type: 'actions', elements: [button({ text: plain(x(76)) })] }],
      'blocks[0].elements[0].text.text: longer than 75 characters',
    ],
    [
      'button value over 2000',
      [{ type: 'actions', elements: [button({ value: x(2001) })] }],
      'blocks[0].elements[0].value: longer than 2000 characters',
    ],
    [
      'button action_id over 255',
      [{ type: 'actions', elements: [button({ action_id: x(256) })] }],
      'blocks[0].elements[0].action_id: longer than 255 characters',
    ],
    [
      'button url over 3000',
      [{ type: 'actions', elements: [button({ url: `https://e.com/${x(3000)}` })] }],
      'blocks[0].elements[0].url: longer than 3000 characters',
    ],
    [
      'button style other than primary or danger',
      [{ type: 'actions', elements: [button({ style: 'secondary' })] }],
      'blocks[0].elements[0].style: must be primary or danger',
    ],
    [
      'button without text',
      [{ type: 'actions', elements: [{ type: 'button', action_id: 'a' }] }],
      'blocks[0].elements[0].text: missing required field',
    ],
    [
      'duplicate action_id in one block',
      [{ type: 'actions', elements: [button(), button()] }],
      'blocks[0].elements[1].action_id: duplicate action_id "go" in this block',
    ],
    ['block_id over 255', [{ type: 'divider', block_id: x(256) }], 'blocks[0].block_id: longer than 255 characters'],
    [
      'duplicate block_id',
      [
        { type: 'divider', block_id: 'd' },
        { type: 'divider', block_id: 'd' },
      ],
      'blocks[1].block_id: duplicate block_id "d"',
    ],
    ['unknown block type', [{ type: 'carousel' }], 'blocks[0].type: unknown block type "carousel"'],
    ['block without type', [{ text: plain('a') }], 'blocks[0].type: missing required field'],
  ];

  it.each(breaches)('refuses %s with invalid_blocks and a precise problem', (_name, blocks, problem) => {
    const verdict = validateBlocks(blocks, 'message');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.error).toBe('invalid_blocks');
    expect(verdict.problems).toContain(problem);
  });

  it("words each problem the way Slack's response_metadata does, with a json-pointer", () => {
    const verdict = validateBlocks([{ type: 'divider' }, { type: 'section', text: mrkdwn(x(3001)) }], 'message');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.messages).toEqual(['[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]']);
  });

  it('refuses blocks that are not an array', () => {
    expect(validateBlocks({ type: 'divider' }, 'message')).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });
});

describe('validateView', () => {
  const modal = {
    type: 'modal',
    callback_id: 'advise',
    title: plain(x(24)),
    submit: plain(x(24)),
    close: plain(x(24)),
    private_metadata: x(3000),
    blocks: [
      {
        type: 'input',
        block_id: 'need',
        label: plain('What do you need?'),
        element: { type: 'plain_text_input', action_id: 'text' },
      },
    ],
  };

  it('accepts a modal at its limits', () => {
    expect(validateView(modal)).toEqual({ ok: true });
  });

  it.each([
    ['title over 24', { title: plain(x(25)) }, 'view.title.text: longer than 24 characters'],
    ['submit over 24', { submit: plain(x(25)) }, 'view.submit.text: longer than 24 characters'],
    ['close over 24', { close: plain(x(25)) }, 'view.close.text: longer than 24 characters'],
    ['callback_id over 255', { callback_id: x(256) }, 'view.callback_id: longer than 255 characters'],
    ['private_metadata over 3000', { private_metadata: x(3001) }, 'view.private_metadata: longer than 3000 characters'],
    ['no title', { title: undefined }, 'view.title: missing required field'],
    ['input blocks without submit', { submit: undefined }, 'view.submit: required when the modal has input blocks'],
    [
      '101 blocks',
      { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
      'view.blocks: more than 100 items',
    ],
  ])('refuses a modal with %s as invalid_arguments', (_name, change, problem) => {
    const verdict = validateView({ ...modal, ...change });
    expect(verdict).toMatchObject({ ok: false, error: 'invalid_arguments' });
    if (!verdict.ok) expect(verdict.problems).toContain(problem);
  });

  it("reports view problems under /view the way Slack's messages do", () => {
    const verdict = validateView({ ...modal, title: plain(x(25)) });
    expect(verdict.ok ? [] : verdict.messages).toEqual([
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
  });

  it('refuses a modal where a Home view is expected', () => {
    expect(validateView(modal, 'home').ok).toBe(false);
    expect(validateView({ type: 'home', blocks: [{ type: 'divider' }] }, 'home').ok).toBe(true);
  });
});

describe('findButtons', () => {
  it('lists section accessories and actions buttons with their labels and values, in order', () => {
    const buttons = findButtons(goodMessage).slice(0, 2);
    expect(buttons.map((b) => [b.blockId, b.actionId, b.text, b.value])).toEqual([
      ['intro', 'go', 'Go', 'v'],
      ['choices', 'a0', 'Go', 'v'],
    ]);
  });
});
