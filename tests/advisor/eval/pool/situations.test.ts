import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvalSituation, KINDS } from '../kinds.js';
import { expectWellFormed, overusedSources, repeatedTexts, sequentialIds } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const load = (...path: string[]) => JSON.parse(readFileSync(join(here, ...path), 'utf8')) as EvalSituation[];

/**
 * A development pool for tuning the free-text reader: many wordings of each idea, labelled from the seed's rules and
 * the wizard alone, by a labeller who never read the reader's code. It has no held-out half; tune on all of it, and
 * measure on round 2's held-out half.
 */
const pool = load('situations.json');
const earlierRounds = [
  ...load('..', 'situations.json'),
  ...load('..', 'round2', 'situations.json'),
  ...load('..', 'round3', 'situations.json'),
];

/** Another labeller draws from Q&A sites and GitHub; this pool cites blogs, write-ups, tutorials, docs and articles. */
const OTHER_LABELLERS_HOSTS =
  /(^|\.)(github\.com|stackoverflow\.com|stackexchange\.com|reddit\.com|ycombinator\.com|lobste\.rs)$/;

/** The 'neither' kinds, each of which needs enough rows to be learnt rather than guessed. */
const NEITHER_KINDS = ['long-polling', 'webtransport', 'service-to-service', 'webrtc', 'hls', 'client-to-server'];

const countOf = (kind: string) => pool.filter((s) => s.expected === kind).length;

describe('the development pool of free-text situations', () => {
  it('has at least 120 situations with sequential p-ids', () => {
    expect(pool.length).toBeGreaterThanOrEqual(120);
    expect(pool.map((s) => s.id)).toEqual(sequentialIds('p', pool.length));
  });

  it.each(pool.map((s) => [s.id, s] as const))('%s is well formed', (_id, s) => expectWellFormed(s));

  it('cites https pages outside the sites the other labeller draws from', () => {
    expect(pool.filter((s) => new URL(s.source).protocol !== 'https:').map((s) => s.id)).toEqual([]);
    expect(pool.filter((s) => OTHER_LABELLERS_HOSTS.test(new URL(s.source).hostname)).map((s) => s.id)).toEqual([]);
  });

  it('asks a wizard question in 10 to 15 situations', () => {
    const ambiguous = pool.filter((s) => s.ambiguous).length;
    expect(ambiguous).toBeGreaterThanOrEqual(10);
    expect(ambiguous).toBeLessThanOrEqual(15);
  });

  it('covers every kind: WebSocket and SSE most, at least 8 of each kind of neither', () => {
    for (const kind of KINDS) expect(countOf(kind)).toBeGreaterThan(0);
    for (const kind of NEITHER_KINDS) {
      expect(countOf(kind)).toBeGreaterThanOrEqual(8);
      expect(countOf(kind)).toBeLessThan(Math.min(countOf('websocket'), countOf('sse')));
    }
  });

  it('repeats no situation, cites a source at most twice, and takes nothing from rounds 1 to 3', () => {
    expect(repeatedTexts(pool, earlierRounds)).toEqual([]);
    expect(overusedSources(pool, earlierRounds, 2)).toEqual([]);
  });
});
