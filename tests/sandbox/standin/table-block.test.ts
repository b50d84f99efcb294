/**
 * The stand-in's model of Slack's `table` block: what it accepts at each documented limit, each refusal past one,
 * where a table may appear (messages and the Home tab, not modals), and one table per message, refused as Slack
 * refuses it, `invalid_attachments`. Sources are in sandbox/standin/block-kit.ts beside TABLES.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../../../sandbox/standin/block-kit.js';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

const raw = (text: string) => ({ type: 'raw_text', text });
const rich = (text: string) => ({
  type: 'rich_text',
  elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text, style: { bold: true } }] }],
});
const table = (rows: unknown[][], extra: Record<string, unknown> = {}) => ({ type: 'table', rows, ...extra });
const grid = (rows: number, cells: number, text = 'x') =>
  Array.from({ length: rows }, () => Array.from({ length: cells }, () => raw(text)));
const section = { type: 'section', text: { type: 'mrkdwn', text: 'above' } };

describe('a table block in a message', () => {
  it('accepts a table at every limit: 100 rows of 20 cells, 20 column settings, 10,000 characters', () => {
    const rows = grid(100, 20, 'xxxxx'); // 100 × 20 × 5 = 10,000 characters
    const settings = Array.from({ length: 20 }, (_, i) =>
      i === 0 ? null : { align: (['left', 'center', 'right'] as const)[i % 3], is_wrapped: i % 2 === 0 },
    );
    expect(validateBlocks([section, table(rows, { block_id: 't', column_settings: settings })], 'message')).toEqual({
      ok: true,
    });
  });

  it('accepts the three kinds of cell', () => {
    const row = [raw('a'), rich('b'), { type: 'raw_number', value: 3, text: '3' }];
    expect(validateBlocks([table([row])], 'message')).toEqual({ ok: true });
  });

  const refusals: [string, unknown, string, string][] = [
    ['101 rows', table(grid(101, 1)), 'blocks[0].rows: more than 100 items', 'no more than 100 items allowed'],
    ['21 cells in a row', table(grid(1, 21)), 'blocks[0].rows[0]: more than 20 items', 'no more than 20 items allowed'],
    [
      '21 column settings',
      table(grid(1, 1), { column_settings: Array.from({ length: 21 }, () => ({})) }),
      'blocks[0].column_settings: more than 20 items',
      'no more than 20 items allowed',
    ],
    [
      'a property a table does not have',
      table(grid(1, 1), { caption: 'Scorecard' }),
      'blocks[0]: unknown property caption',
      'invalid additional property: caption',
    ],
    [
      'a property a raw_text cell does not have',
      table([[{ ...raw('a'), emoji: true }]]),
      'blocks[0].rows[0][0]: unknown property emoji',
      'invalid additional property: emoji',
    ],
    [
      'a property a column setting does not have',
      table(grid(1, 1), { column_settings: [{ width: 10 }] }),
      'blocks[0].column_settings[0]: unknown property width',
      'invalid additional property: width',
    ],
    [
      'an alignment Slack does not know',
      table(grid(1, 1), { column_settings: [{ align: 'justify' }] }),
      'blocks[0].column_settings[0].align: must be left, center or right',
      'must be one of left, center, right',
    ],
    [
      'is_wrapped that is not a boolean',
      table(grid(1, 1), { column_settings: [{ is_wrapped: 'yes' }] }),
      'blocks[0].column_settings[0].is_wrapped: must be a boolean',
      'must provide a boolean',
    ],
    [
      'a mrkdwn cell',
      table([[{ type: 'mrkdwn', text: '*a*' }]]),
      'blocks[0].rows[0][0].type: cell must be rich_text, raw_text or raw_number',
      'must be one of rich_text, raw_text, raw_number',
    ],
    [
      'an empty raw_text cell',
      table([[raw('')]]),
      'blocks[0].rows[0][0].text: empty text',
      'must be more than 0 characters',
    ],
    [
      'a raw_number cell without its value',
      table([[{ type: 'raw_number', text: '3' }]]),
      'blocks[0].rows[0][0].value: missing required field',
      'missing required field: value',
    ],
    [
      'a table without rows',
      { type: 'table' },
      'blocks[0].rows: missing required field',
      'missing required field: rows',
    ],
    ['no rows', table([]), 'blocks[0].rows: fewer than 1 items', 'must provide at least 1 items'],
    ['an empty row', table([[]]), 'blocks[0].rows[0]: fewer than 1 items', 'must provide at least 1 items'],
    [
      'rows of different lengths',
      table([[raw('a'), raw('b')], [raw('c')]]),
      'blocks[0].rows[1]: a row of 1 cells after rows of 2',
      'all rows must have the same number of cells',
    ],
    [
      'more than 10,000 characters in its cells',
      table([[raw('x'.repeat(5000)), rich('y'.repeat(5001))]]),
      'blocks[0].rows: cells total 10001 characters, more than 10000',
      'table cells must total no more than 10000 characters',
    ],
  ];

  it.each(refusals)('refuses %s with invalid_blocks, as Slack words it', (_name, block, problem, slack) => {
    const verdict = validateBlocks([block], 'message');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.error).toBe('invalid_blocks');
    expect(verdict.problems).toContain(problem);
    expect(verdict.messages.some((m) => m.startsWith(`[ERROR] ${slack} [json-pointer:/blocks/0`))).toBe(true);
  });

  it('refuses a second table in one message with invalid_attachments: only_one_table_allowed', () => {
    const verdict = validateBlocks([table(grid(1, 1)), section, table(grid(1, 1))], 'message');
    expect(verdict).toMatchObject({
      ok: false,
      error: 'invalid_attachments',
      problems: ['blocks[2]: more than 1 table block'],
      messages: ['[ERROR] only_one_table_allowed [json-pointer:/blocks/2]'],
    });
  });

  it('answers invalid_blocks when a second table comes with a block Slack cannot read', () => {
    const verdict = validateBlocks([table(grid(1, 1)), table([[raw('')]])], 'message');
    expect(verdict).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });
});

describe('a table block in a view', () => {
  const home = (blocks: unknown[]) => ({ type: 'home', blocks });
  const modal = (blocks: unknown[]) => ({
    type: 'modal',
    title: { type: 'plain_text', text: 'Advisor' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  });

  it('accepts one in the Home tab', () => {
    expect(validateView(home([section, table(grid(3, 4))]))).toEqual({ ok: true });
  });

  it('refuses one in a modal with invalid_arguments', () => {
    expect(validateView(modal([section, table(grid(1, 1))]))).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      problems: ['view.blocks[1].type: table blocks are not allowed in a modal'],
    });
  });

  it('refuses a second one in the Home tab (unstated by Slack: the conservative reading)', () => {
    expect(validateView(home([table(grid(1, 1)), table(grid(1, 1))]))).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      problems: ['view.blocks[1]: more than 1 table block'],
    });
  });
});

describe('over HTTP, as the app meets it', () => {
  let standin: SlackStandin;
  beforeEach(async () => {
    standin = await startSlackStandin();
  });
  afterEach(async () => {
    await standin.close();
  });

  async function call(method: string, args: Record<string, unknown>) {
    const res = await fetch(`${standin.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${standin.botToken}` },
      body: JSON.stringify(args),
    });
    return (await res.json()) as Record<string, unknown>;
  }

  it('posts a message with one table, and refuses two with invalid_attachments, posting nothing', async () => {
    const one = await call('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'The scorecard',
      blocks: [table(grid(2, 2))],
    });
    expect(one.ok).toBe(true);
    const two = await call('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'Two scorecards',
      blocks: [table(grid(2, 2)), table(grid(2, 2))],
    });
    expect(two).toEqual({
      ok: false,
      error: 'invalid_attachments',
      errors: ['only_one_table_allowed [json-pointer:/blocks/1]'],
      response_metadata: { messages: ['[ERROR] only_one_table_allowed [json-pointer:/blocks/1]'] },
    });
    const general = standin.snapshot().channels.find((c) => c.id === 'C0GENERAL');
    expect(general?.messages.map((m) => m.text)).toEqual(['The scorecard']);
  });

  it('publishes a Home tab with a table, and refuses a modal with one', async () => {
    const published = await call('views.publish', {
      user_id: 'U0HUMAN01',
      view: { type: 'home', blocks: [table(grid(2, 2))] },
    });
    expect(published.ok).toBe(true);
    const opened = await call('views.open', {
      trigger_id: standin.workspace.mintTrigger('U0HUMAN01'),
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'Advisor' },
        blocks: [table(grid(2, 2))],
      },
    });
    expect(opened).toMatchObject({ ok: false, error: 'invalid_arguments' });
  });

  it('answers a response_url carrying two tables with a plain-text invalid_attachments', async () => {
    const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Two', blocks: [table(grid(1, 1)), table(grid(1, 1))] }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_attachments');
  });
});
