import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionLabelOf, isUpToDate, WEIGHTS_FILE } from './train.js';
import { HeldOutError, rowsOf, rowsOfFile, TRAINING_SETS } from './training-sets.js';

/** Training on every set takes several seconds on these machines (11349 rows), more when other suites run. */
const TRAINS = 120_000;

describe('the learned weights and what they are trained on', () => {
  it(
    'the committed weights are exactly what training on the development sets gives (run npm run train:reader)',
    () => {
      expect(isUpToDate(readFileSync(WEIGHTS_FILE, 'utf8'))).toBe(true);
    },
    TRAINS,
  );

  it("teaches the direction's head from per-question labels where a row has them, else from what its answer implies", () => {
    const row = { id: 'q1', situation: 'tablets shout readings up', expected: 'client-to-server' as const };
    expect(directionLabelOf(row)).toBe('client-to-server');
    // Labelled question by question, a row that settles no direction leaves it open, whatever its pick.
    expect(
      directionLabelOf({ ...row, expected: 'hls', settles: { neither: { answer: 'hls', words: 'readings' } } }),
    ).toBe('open');
    expect(
      directionLabelOf({ ...row, expected: 'sse', settles: { direction: { answer: 'mostly-server', words: 'up' } } }),
    ).toBe('server-to-client');
    expect(directionLabelOf({ ...row, expected: 'ask', ask: 'direction' })).toBe('open');
    // A WebSocket may be both ways or binary one way: it teaches the direction nothing.
    expect(directionLabelOf({ ...row, expected: 'websocket' })).toBeUndefined();
  });

  it(
    'notices weights that drifted from the sets',
    () => {
      const committed = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8'));
      committed.bias[0] += 0.001;
      expect(isUpToDate(JSON.stringify(committed))).toBe(false);
    },
    TRAINS,
  );

  it('trains on all 11349 labelled development rows, each set once', () => {
    expect(rowsOf()).toHaveLength(11349);
    expect(new Set(TRAINING_SETS.map((s) => s.name)).size).toBe(TRAINING_SETS.length);
  });

  it('refuses a held-out half that was never reported and retired, and a round read whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-'));
    mkdirSync(join(dir, 'round99'));
    writeFileSync(join(dir, 'round99', 'held-out.json'), '[]');
    writeFileSync(join(dir, 'round99', 'situations.json'), '[]');
    expect(() => rowsOfFile('round99/held-out.json', dir)).toThrow(HeldOutError);
    expect(() => rowsOfFile('round99/held-out.json', dir)).toThrow(/has not been retired/);
    expect(() => rowsOfFile('round99/situations.json', dir)).toThrow(/holds a round's held-out half too/);
  });

  it('refuses a retired held-out half whose bytes changed since it was reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-'));
    mkdirSync(join(dir, 'round4'));
    writeFileSync(join(dir, 'round4', 'held-out.json'), '[]');
    expect(() => rowsOfFile('round4/held-out.json', dir)).toThrow(/does not match the retired half's SHA-256/);
  });
});
