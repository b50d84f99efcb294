/**
 * The scorecard as Slack's table block where Slack shows one (a message, the Home tab), as lines of text where it
 * does not (a modal), and as text again when the rows would not fit a table's limits.
 */
import { describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../../../sandbox/standin/block-kit.js';
import type { Comparison, VerdictView } from '../../../src/advisor/index.js';
import { scorecardBlocks, scorecardMessage } from '../../../src/slack/views/reference.js';
import { sharedVerdict } from '../../../src/slack/views/share.js';
import { homeView, modalView } from '../../../src/slack/views/surfaces.js';
import { TABLE_LIMITS, tableAllowed, tableBlock, tableLast, withTablesAsText } from '../../../src/slack/views/table.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';
import { tablesIn, visibleText } from '../harness.js';

/** The verdict for streaming text to the browser, expanded ("Why?"): its deciding rows shown in full. */
function expandedVerdict(surface: 'message' | 'modal') {
  const state = advisor.understand('crypto price ticker on our landing page, visitors never send anything').view;
  if (state.kind !== 'verdict') throw new Error('expected a verdict');
  return { view: state, message: wizardMessage(state, surface, [], { expanded: true }) };
}

/** A column with only its title. */
const column = (title: string) => ({ title });

/** The comparison with `n` scorecard rows, each a copy of the first with its own name. */
function withRows(n: number): Comparison {
  const [first] = comparison.dimensions;
  if (!first) throw new Error('no dimension');
  return {
    ...comparison,
    dimensions: Array.from({ length: n }, (_, i) => ({ ...first, id: `d${i}`, name: `Row ${i + 1}` })),
  };
}

describe('/realtime compare in a message', () => {
  const message = scorecardMessage(comparison);
  const [table, ...more] = tablesIn(message);

  it('shows one table: a row per dimension, named in the first column, each side and who has the edge', () => {
    expect(more).toEqual([]);
    expect(table?.[0]).toEqual(['Dimension', 'WebSocket', 'SSE', 'Edge']);
    expect(table?.slice(1)).toEqual(
      comparison.dimensions.map((d) => [
        d.name,
        d.sides.websocket?.short,
        d.sides.sse?.short,
        d.edge === 'depends' ? 'It depends' : d.edge === 'sse' ? 'SSE' : 'WebSocket',
      ]),
    );
    expect(table).toContainEqual(['Payload types', 'Text + binary', 'Text only', 'WebSocket']);
  });

  it('puts the table below every other block, where Slack shows a message’s table', () => {
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'context', 'table']);
  });

  it('says the point in its text fallback: who has the edge where', () => {
    expect(message.text).toBe(
      'WebSocket vs SSE, the scorecard: SSE has the edge on Protocol, Reconnection and Infra &amp; proxies; ' +
        'WebSocket on Payload types; it depends for Direction and Connection limits.',
    );
  });

  it('puts the data in its cells as written, escaped only where mrkdwn reads it', () => {
    // rich_text cells are structure, not markup: "&" is shown as "&"; the text fallback is mrkdwn, so "&amp;".
    expect(table?.map((row) => row[0])).toContain('Infra & proxies');
    expect(JSON.stringify(message.blocks.at(-1))).not.toContain('&amp;');
    expect(message.text).toContain('Infra &amp; proxies');
  });

  it('makes the column titles and the row names bold, and wraps the long columns', () => {
    const block = message.blocks.at(-1);
    if (block?.type !== 'table') throw new Error('no table');
    const bold = (cell: unknown) => JSON.stringify(cell).includes('"bold":true');
    expect(block.rows[0]?.every(bold)).toBe(true);
    expect(block.rows.slice(1).map((row) => row.map(bold))).toEqual(
      comparison.dimensions.map(() => [true, false, false, false]),
    );
    expect(block.column_settings).toEqual([{ is_wrapped: true }, { is_wrapped: true }, { is_wrapped: true }, {}]);
  });

  it('is a message Slack accepts', () => {
    expect(validateBlocks(message.blocks, 'message')).toEqual({ ok: true });
  });
});

describe('the surface decides: a table where Slack shows one, lines of text where it does not', () => {
  it('shows tables in messages and the Home tab, never in a modal', () => {
    expect(tableAllowed('message')).toBe(true);
    expect(tableAllowed('home')).toBe(true);
    expect(tableAllowed('modal')).toBe(false);
  });

  it('shows the scorecard in the Home tab as a table, in a view Slack accepts', () => {
    const home = homeView(comparison, advisor.startValue());
    const [table, ...more] = tablesIn(home);
    expect(more).toEqual([]);
    expect(table?.slice(1).map((row) => row[0])).toEqual(comparison.dimensions.map((d) => d.name));
    expect(validateView(home)).toEqual({ ok: true });
  });

  it('writes the scorecard as lines of text, by category, where no table is shown', () => {
    const blocks = scorecardBlocks(comparison, 'modal');
    expect(tablesIn({ blocks })).toEqual([]);
    const text = visibleText({ blocks });
    expect(text).toContain('*Core*\n*Direction* (edge: it depends) · WebSocket: Bidirectional');
    expect(text).toContain('*Payload types* (edge: WebSocket) · WebSocket: Text + binary · SSE: Text only');
  });

  it('shows a verdict’s deciding rows as a table in a message, last, and as text in the modal', () => {
    const inMessage = expandedVerdict('message');
    const rows = inMessage.view.verdict.decidingRows.map((d) => d.name);
    expect(rows.length).toBeGreaterThan(0);
    expect(
      tablesIn(inMessage.message)[0]
        ?.slice(1)
        .map((row) => row[0]),
    ).toEqual(rows);
    expect(inMessage.message.blocks.at(-1)?.type).toBe('table');
    expect(validateBlocks(inMessage.message.blocks, 'message')).toEqual({ ok: true });

    const inModal = expandedVerdict('modal');
    expect(tablesIn(inModal.message)).toEqual([]);
    expect(visibleText(inModal.message)).toContain(`*What decided it*\n*${rows[0]}*`);
    expect(validateView(modalView(inModal.message.blocks, {}, false))).toEqual({ ok: true });
  });

  it('shows the deciding rows as a table in a shared verdict’s thread, and in the one-message share', () => {
    const { view } = expandedVerdict('message');
    const shared = sharedVerdict(view as VerdictView, 'U1');
    for (const message of [shared.thread, shared.combined]) {
      expect(tablesIn(message)).toHaveLength(1);
      expect(message.blocks.at(-1)?.type).toBe('table');
    }
    expect(tablesIn(shared.channel)).toEqual([]);
  });
});

describe('within the table’s limits, or as text', () => {
  it('fits 100 rows with the column titles, and falls back to text past them', () => {
    expect(tablesIn({ blocks: scorecardBlocks(withRows(TABLE_LIMITS.rows - 1), 'message') })[0]).toHaveLength(100);
    const over = scorecardBlocks(withRows(TABLE_LIMITS.rows), 'message');
    expect(tablesIn({ blocks: over })).toEqual([]);
    expect(visibleText({ blocks: over })).toContain('*Row 1* (edge: it depends)');
  });

  it('refuses more than 20 columns, rows of another length, and more than 10,000 characters', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => column(`c${i}`));
    expect(tableBlock({ columns: titles(20), rows: [Array(20).fill('x')] })).toBeDefined();
    expect(tableBlock({ columns: titles(21), rows: [Array(21).fill('x')] })).toBeUndefined();
    expect(tableBlock({ columns: titles(2), rows: [['a']] })).toBeUndefined();
    const a = column('a'); // one character of title: 9,999 of cells fit, 10,000 do not
    expect(tableBlock({ columns: [a], rows: [['x'.repeat(9999)]] })).toBeDefined();
    expect(tableBlock({ columns: [a], rows: [['x'.repeat(10_000)]] })).toBeUndefined();
  });

  it('never sends an empty cell', () => {
    const block = tableBlock({ columns: [column('a'), column('b')], rows: [['x', '']] });
    expect(tablesIn({ blocks: block ? [block] : [] })[0]?.[1]).toEqual(['x', '—']);
    expect(validateBlocks(block ? [block] : [], 'message')).toEqual({ ok: true });
  });

  it('moves a table below the other blocks and keeps their order', () => {
    const table = tableBlock({ columns: [column('a')], rows: [['x']] });
    if (!table) throw new Error('no table');
    const a = { type: 'divider' as const, block_id: 'a' };
    const b = { type: 'divider' as const, block_id: 'b' };
    expect(tableLast([a, table, b])).toEqual([a, b, table]);
  });
});

describe('a message whose table Slack refused, sent with the rows as text', () => {
  it('writes each row in its place: its name in bold, then each cell after its column title', () => {
    const { message } = expandedVerdict('message');
    const asText = withTablesAsText(message);
    expect(tablesIn(asText)).toEqual([]);
    const text = visibleText(asText);
    expect(text).toContain('*Direction* WebSocket: Bidirectional · SSE: Server → client only · Edge: It depends');
    expect(text).toContain('*Reconnection* WebSocket: DIY reconnect · SSE: Automatic + resume · Edge: SSE');
    // The other blocks and the text fallback are the same message's.
    expect(asText?.text).toBe(message.text);
    expect(asText?.blocks.length).toBe(message.blocks.length);
    expect(validateBlocks(asText?.blocks ?? [], 'message')).toEqual({ ok: true });
  });

  it('escapes what the cells held as written, since the text is now mrkdwn', () => {
    const table = tableBlock({ columns: [column('Name'), column('Say')], rows: [['<b> & co', 'a <@U1> b']] });
    if (!table) throw new Error('no table');
    const asText = withTablesAsText({ text: 'x', blocks: [table] });
    expect(asText?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*&lt;b&gt; &amp; co* Say: a &lt;@U1&gt; b' } },
    ]);
  });

  it('splits long rows over sections of at most 3,000 characters, and leaves a message with no table alone', () => {
    const long = 'x'.repeat(900);
    const table = tableBlock({
      columns: [column('a'), column('b')],
      rows: [1, 2, 3, 4, 5].map((i) => [`r${i}`, long]),
    });
    if (!table) throw new Error('no table');
    const sections = withTablesAsText({ text: 'x', blocks: [table] })?.blocks ?? [];
    expect(sections.length).toBe(2);
    for (const block of sections) expect(JSON.stringify(block).length).toBeLessThan(3100);
    expect(withTablesAsText({ text: 'x', blocks: [{ type: 'divider' }] })).toBeUndefined();
  });
});
