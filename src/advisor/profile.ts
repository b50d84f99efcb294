/**
 * One technology on its own, for a look-up by name (`/realtime sse`): what it is, the scorecard rows where it has
 * the edge, and the situations whose pick it is. Everything comes from the data, with the sources behind it.
 */
import type { AdviceEntry, Comparison, Dimension, Technology } from './schema.js';
import { type Source, sourcesById } from './verdict.js';

export interface TechnologyProfile {
  technology: Technology;
  /** Scorecard rows where this side has the edge, in scorecard order. */
  strengths: Dimension[];
  /** Quick takes, then situational picks, that pick it. */
  wins: AdviceEntry[];
  /** The other technologies, to point at where they win instead. */
  others: Technology[];
  sources: Source[];
}

export function technologyProfile(comparison: Comparison, technology: Technology): TechnologyProfile {
  const strengths = comparison.dimensions.filter((d) => d.edge === technology.id);
  const wins = [...comparison.quickTakes, ...comparison.situationalPicks].filter((e) => e.pick === technology.id);
  const sourceIds = [...technology.sources, ...strengths.flatMap((d) => d.sources), ...wins.flatMap((e) => e.sources)];
  return {
    technology,
    strengths,
    wins,
    others: comparison.technologies.filter((t) => t.id !== technology.id),
    sources: sourcesById(comparison, sourceIds),
  };
}
