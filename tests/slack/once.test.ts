import { describe, expect, it } from 'vitest';
import { OnceLedger } from '../../src/slack/once.js';

describe('the once ledger', () => {
  it('lets a key through once, again after release, and again after its time to live', () => {
    let now = 0;
    const ledger = new OnceLedger(1000, 100, () => now);
    expect(ledger.claim('share:C1:1.0:v')).toBe(true);
    expect(ledger.claim('share:C1:1.0:v')).toBe(false);
    ledger.release('share:C1:1.0:v');
    expect(ledger.claim('share:C1:1.0:v')).toBe(true);
    now = 1001;
    expect(ledger.claim('share:C1:1.0:v')).toBe(true);
  });

  it('stays bounded, forgetting the oldest keys first', () => {
    const ledger = new OnceLedger(60_000, 3, () => 0);
    for (const key of ['a', 'b', 'c', 'd']) expect(ledger.claim(key)).toBe(true);
    expect(ledger.claim('a')).toBe(true); // evicted
    expect(ledger.claim('d')).toBe(false);
  });
});
