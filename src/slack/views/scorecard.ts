/**
 * Scorecard rows (a dimension, each side's short take, who has the edge) as a table, on the surfaces where Slack
 * shows one: `/realtime compare`, the Home tab and a verdict's deciding rows. Elsewhere (a modal) the caller
 * writes the same rows as lines of text.
 */
import type { Comparison, Dimension } from '../../advisor/index.js';
import { type Surface, type TableBlock, tableAllowed, tableBlock } from './table.js';

/** Who has the edge on a row, for the table's Edge column: a side's short name, or "It depends". */
export function edgeWinner(comparison: Comparison, d: Dimension): string {
  if (d.edge === 'depends') return 'It depends';
  return comparison.technologies.find((t) => t.id === d.edge)?.shortName ?? d.edge;
}

/**
 * The rows as a table for `surface`, the first column titled `firstColumn` ("Dimension", "What decided it");
 * `undefined` where the surface shows no table or the rows do not fit one.
 */
export function scorecardTable(
  comparison: Comparison,
  dimensions: readonly Dimension[],
  surface: Surface,
  firstColumn = 'Dimension',
): TableBlock | undefined {
  if (!tableAllowed(surface) || dimensions.length === 0) return undefined;
  return tableBlock({
    columns: [
      { title: firstColumn, wrapped: true },
      ...comparison.technologies.map((t) => ({ title: t.shortName, wrapped: true })),
      { title: 'Edge' },
    ],
    rows: dimensions.map((d) => [
      d.name,
      ...comparison.technologies.map((t) => d.sides[t.id]?.short ?? ''),
      edgeWinner(comparison, d),
    ]),
  });
}

/**
 * The scorecard's point in one sentence, for a message's text fallback: "SSE has the edge on Protocol,
 * Reconnection and Infra & proxies; WebSocket on Payload types; it depends for Direction and Connection limits."
 * Plain text, not yet escaped.
 */
export function edgeSummary(comparison: Comparison): string {
  const names = (ds: readonly Dimension[]) => {
    const all = ds.map((d) => d.name);
    return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '');
  };
  const won = comparison.technologies
    .map((t) => ({ t, rows: comparison.dimensions.filter((d) => d.edge === t.id) }))
    .filter((w) => w.rows.length)
    .sort((a, b) => b.rows.length - a.rows.length)
    .map((w, i) => `${w.t.shortName}${i === 0 ? ' has the edge' : ''} on ${names(w.rows)}`);
  const depends = comparison.dimensions.filter((d) => d.edge === 'depends');
  return `${[...won, ...(depends.length ? [`it depends for ${names(depends)}`] : [])].join('; ')}.`;
}
