import { describe, expect, it } from 'vitest';
import { OnceLedger, SLACK_RETRY_WINDOW_MS } from '../../src/slack/once.js';

describe('the once ledger', () => {
  it('lets a key through once, again after release, and again after its time to live', async () => {
    let now = 0;
    const ledger = new OnceLedger(1000, () => now);
    expect(await ledger.claimFirst('event:Ev1')).toBe(true);
    expect(await ledger.claimFirst('event:Ev1')).toBe(false);
    await ledger.release('event:Ev1');
    expect(await ledger.claimFirst('event:Ev1')).toBe(true);
    now = 1001;
    expect(await ledger.claimFirst('event:Ev1')).toBe(true);
  });

  it("remembers every key inside Slack's retry window, however many newer keys arrive", async () => {
    let now = 0;
    const ledger = new OnceLedger(SLACK_RETRY_WINDOW_MS, () => now);
    expect(await ledger.claimFirst('event:first')).toBe(true);
    for (let i = 0; i < 20_000; i += 1) {
      now += 10; // 20,000 events over 200 s, well inside the window
      await ledger.claimFirst(`event:${i}`);
    }
    expect(await ledger.claimFirst('event:first')).toBe(false); // a late retry of the first event is not answered again
  });

  it('forgets keys once they are older than the window, so memory follows the rate, not the history', async () => {
    let now = 0;
    const ledger = new OnceLedger(1000, () => now);
    for (let i = 0; i < 100; i += 1) await ledger.claimFirst(`event:${i}`);
    now = 1500;
    await ledger.claimFirst('event:new');
    expect(ledger.size).toBe(1);
  });
});
