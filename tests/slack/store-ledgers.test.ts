import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreShareLedger, storeOnce } from '../../src/slack/store-ledgers.js';
import { openStore, type Store } from '../../src/store/index.js';

let store: Store;
let now = 1_700_000_000_000;
beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' }, { now: () => now });
});
afterEach(() => store.close());

describe('the share ledger on the store', () => {
  it('holds a share for one request at a time, whichever instance asks', async () => {
    const [one, two] = [new StoreShareLedger(store), new StoreShareLedger(store)];
    expect(await one.claim('share:a')).toEqual({ ok: true, record: {} });
    expect(await two.claim('share:a')).toEqual({ ok: false, reason: 'in_progress' });
    await one.record('share:a', 'post', { state: 'done', ts: '1.000001' });
    await one.complete('share:a');
    expect(await two.claim('share:a')).toEqual({ ok: true, record: { post: { state: 'done', ts: '1.000001' } } });
  });

  it('reads a step cut off between its intent and its outcome as unsure, once the dead request’s hold expires', async () => {
    const died = new StoreShareLedger(store, 60);
    await died.claim('share:b');
    await died.intend('share:b', 'post'); // then the process is killed: no outcome, no complete
    const next = new StoreShareLedger(store, 60);
    expect(await next.claim('share:b')).toEqual({ ok: false, reason: 'in_progress' });
    now += 61_000;
    expect(await next.claim('share:b')).toEqual({ ok: true, record: { post: { state: 'unsure' } } });
  });

  it('forgets the intent of a step Slack refused, so the next request sends it', async () => {
    const ledger = new StoreShareLedger(store);
    await ledger.claim('share:c');
    await ledger.intend('share:c', 'post');
    await ledger.record('share:c', 'post', { state: 'refused' });
    await ledger.complete('share:c');
    expect(await ledger.claim('share:c')).toEqual({ ok: true, record: {} });
  });
});

describe('events once on the store', () => {
  it('answers an event once across instances, and again after release', async () => {
    const [one, two] = [storeOnce(store), storeOnce(store)];
    expect(await one.claimFirst('event:Ev1')).toBe(true);
    expect(await two.claimFirst('event:Ev1')).toBe(false);
    await one.release('event:Ev1');
    expect(await two.claimFirst('event:Ev1')).toBe(true);
  });

  it("remembers an event for Slack's retry window, then lets it go", async () => {
    const once = storeOnce(store, 10 * 60 * 1000);
    expect(await once.claimFirst('event:Ev2')).toBe(true);
    now += 9 * 60 * 1000;
    expect(await once.claimFirst('event:Ev2')).toBe(false);
    now += 2 * 60 * 1000;
    expect(await once.claimFirst('event:Ev2')).toBe(true);
  });
});
