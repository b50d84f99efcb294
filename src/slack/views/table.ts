/**
 * Slack's `table` block, and where it may be shown. What Slack documents (the pages as a public copy captured them
 * on 2026-09-14), and what we chose where the docs are silent:
 *
 * - Rows: at most 100; each row at most 20 cells; `column_settings` at most 20 items, each `align`
 *   (left | center | right) and `is_wrapped` (default false); a cell is `rich_text`, `raw_text` or `raw_number`.
 *   https://docs.slack.dev/reference/block-kit/blocks/table-block (Fields, Schema for column_settings)
 * - Characters: a table's cells together at most 10,000 characters, and every table cell of one message together
 *   at most 10,000. https://docs.slack.dev/reference/block-kit/blocks/table-block (Usage info)
 * - Surfaces: messages and Home tabs, not modals. https://docs.slack.dev/reference/block-kit/blocks (the Surfaces
 *   column). Ephemeral messages and `response_url` replies are messages; the docs name chat.postMessage as the
 *   example and nothing narrower.
 * - One table per message: not on the docs page, but Slack's own guidance says it
 *   (github.com/slackapi/slack-skills-plugin, skills/block-kit/SKILL.md: "only one `table` block per message") and
 *   public reports quote Slack's refusal of a second one as `invalid_attachments` / `only_one_table_allowed`. A Home
 *   tab is not a message and the docs say nothing of it there: we show at most one per view too (conservative).
 * - Placement: Slack shows a message's table below its other blocks, as an attachment (reported by apps that send
 *   one, e.g. openclaw/openclaw pull request 57717, "Block Kit pinned to bottom"; the docs accept a table in
 *   `attachments` or `blocks`). So a message puts its table last (`tableLast`), and what the sandbox shows in
 *   order is what Slack shows.
 * - Rows of different lengths, and an empty cell: unstated for `table` (the data table block requires rows of one
 *   length; @slack/types gives raw_text a minimum of 1 character). We send neither.
 *
 * Cells are `rich_text`: text as structure, not markup. Nothing in it is read as mrkdwn or as an entity, so data
 * goes in as written (entity-encoding it would show `&amp;`), and the header row and first column can be bold.
 */
import type { types } from '@slack/bolt';
import { escapeText, type KnownBlock, MESSAGE_BLOCKS_MAX, SECTION_TEXT_MAX, section } from './blocks.js';

export type TableBlock = types.TableBlock;
type RichTextBlock = types.RichTextBlock;

/** Where blocks are shown, as Block Kit's reference names its surfaces. */
export type Surface = 'message' | 'modal' | 'home';

export const TABLE_LIMITS = {
  rows: 100,
  cellsPerRow: 20,
  columnSettings: 20,
  /** Across a table's cells, and across every table cell of a message. */
  characters: 10_000,
  perMessage: 1,
} as const;

const TABLE_SURFACES: ReadonlySet<Surface> = new Set<Surface>(['message', 'home']);

/** Whether Slack shows a table on this surface: the builders ask this, their callers only say where they build. */
export function tableAllowed(surface: Surface): boolean {
  return TABLE_SURFACES.has(surface);
}

export interface TableColumn {
  /** The column's title, in the first row. */
  title: string;
  align?: 'left' | 'center' | 'right';
  /** Wrap long cells instead of cutting them (Slack's default is not to wrap). */
  wrapped?: boolean;
}

export interface TableContent {
  columns: TableColumn[];
  /** One string per column; the first column is bold, as the row's name. */
  rows: string[][];
}

/** Shown for a missing value: a cell cannot be empty. */
const NO_VALUE = '—';

function cell(text: string, bold: boolean): RichTextBlock {
  return {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: [{ type: 'text', text: text === '' ? NO_VALUE : text, ...(bold ? { style: { bold: true } } : {}) }],
      },
    ],
  };
}

/** The characters a person reads in a table's cells, as Slack counts them against the 10,000. */
export function tableCharacters(content: TableContent): number {
  const texts = [...content.columns.map((c) => c.title), ...content.rows.flat()];
  return texts.reduce((sum, t) => sum + Math.max(t.length, NO_VALUE.length), 0);
}

/**
 * The content as a table block, its columns' titles in the first row; `undefined` when it does not fit Slack's
 * limits (too many rows or columns, too many characters, a row of another length), and the caller shows it as text.
 */
export function tableBlock(content: TableContent): TableBlock | undefined {
  const width = content.columns.length;
  const fits =
    width > 0 &&
    width <= TABLE_LIMITS.cellsPerRow &&
    content.rows.length + 1 <= TABLE_LIMITS.rows &&
    content.rows.every((row) => row.length === width) &&
    tableCharacters(content) <= TABLE_LIMITS.characters;
  if (!fits) return undefined;
  return {
    type: 'table',
    column_settings: content.columns.map((c) => ({
      ...(c.align ? { align: c.align } : {}),
      ...(c.wrapped ? { is_wrapped: true } : {}),
    })),
    rows: [
      content.columns.map((c) => cell(c.title, true)),
      ...content.rows.map((row) => row.map((text, i) => cell(text, i === 0))),
    ],
  };
}

/** A message's table moved below its other blocks, where Slack shows it; the other blocks keep their order. */
export function tableLast(blocks: readonly KnownBlock[]): KnownBlock[] {
  return [...blocks.filter((b) => b.type !== 'table'), ...blocks.filter((b) => b.type === 'table')];
}

/** What a person reads in one cell (or any part of one): its texts, in order. */
function cellText(part: unknown): string {
  if (Array.isArray(part)) return part.map(cellText).join('');
  if (typeof part !== 'object' || part === null) return '';
  const { text, elements } = part as { text?: unknown; elements?: unknown };
  return typeof text === 'string' ? text : cellText(elements);
}

/**
 * A table's rows as lines of mrkdwn, for a message that must go without it: each row's first cell in bold, then
 * each other cell after its column's title ("*Direction* SSE: Server → client · WebSocket: Both ways · Edge: It
 * depends"). Cells hold data as written, so they are escaped here, once.
 */
export function tableAsLines(table: TableBlock): string[] {
  const [titles = [], ...rows] = table.rows.map((row) => row.map(cellText).map(escapeText));
  return rows.map(([name = '', ...cells]) => {
    const named = cells.map((text, i) => `${titles[i + 1] ?? ''}: ${text}`);
    return [`*${name}*`, named.join(' · ')].filter((part) => part !== '').join(' ');
  });
}

/**
 * The message with each table written as sections of text in its place (as many as its lines need at 3,000
 * characters a section), for when Slack refuses the table; `undefined` when it has none.
 */
export function withTablesAsText<M extends { blocks?: readonly { type: string }[] | undefined }>(
  message: M,
): M | undefined {
  const blocks = message.blocks ?? [];
  if (!blocks.some((b) => b.type === 'table')) return undefined;
  const asText = blocks.flatMap((b): { type: string }[] => {
    if (b.type !== 'table') return [b];
    const sections: string[] = [];
    for (const line of tableAsLines(b as TableBlock)) {
      const last = sections.length - 1;
      const joined = last >= 0 ? `${sections[last]}\n${line}` : line;
      if (last >= 0 && joined.length <= SECTION_TEXT_MAX) sections[last] = joined;
      else sections.push(line);
    }
    return sections.map((text) => section(text));
  });
  return { ...message, blocks: asText.slice(0, MESSAGE_BLOCKS_MAX) };
}
