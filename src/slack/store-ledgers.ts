/**
 * The share ledger and the event ledger on the store (SQLite or PostgreSQL), so that a share posts once and an
 * event is answered once across instances and restarts:
 *
 * - a request holds a share with a dedup key (an atomic insert in the database, whichever instance it runs on);
 *   the hold expires on its own, so a share held by a process that died can be resumed a minute later;
 * - each step's intent is kept before the call to Slack, its outcome after; a step found with an intent and no
 *   outcome reads as unsure (it may have posted), and is never sent again on its own;
 * - an event's id is a dedup key for Slack's retry window, so a retry that reaches another instance is dropped.
 */
import type { Store } from '../store/index.js';
import { type Once, SLACK_RETRY_WINDOW_MS } from './once.js';
import type { Claim, ShareLedger, ShareRecord, ShareStep, StepResult } from './share-ledger.js';

/**
 * How long a request may hold a share: longer than the longest a share can take (two calls to Slack of at most
 * 5 s each, a wait after a 429, and the 10-s drain at shutdown), short enough that a share held by a process
 * that died is free again soon. Two clicks within it on any instances: the second is told the share is on its way.
 */
export const SHARE_HOLD_SECONDS = 60;

const STEPS: readonly ShareStep[] = ['post', 'reasoning'];

export class StoreShareLedger implements ShareLedger {
  constructor(
    private readonly store: Pick<Store, 'dedup' | 'shares'>,
    private readonly holdSeconds = SHARE_HOLD_SECONDS,
  ) {}

  async claim(key: string): Promise<Claim> {
    if (!(await this.store.dedup.claim(holdKey(key), this.holdSeconds))) return { ok: false, reason: 'in_progress' };
    const steps = await this.store.shares.steps(key);
    const record: ShareRecord = {};
    for (const step of STEPS) {
      const known = steps[step];
      if (known?.state === 'done') record[step] = known.ts === undefined ? { state: 'done' } : known;
      // An intent without an outcome: cut off between the two, so Slack may have posted it.
      else if (known) record[step] = { state: 'unsure' };
    }
    return { ok: true, record };
  }

  intend(key: string, step: ShareStep): Promise<void> {
    return this.store.shares.recordIntent(key, step);
  }

  record(key: string, step: ShareStep, outcome: StepResult): Promise<void> {
    return this.store.shares.recordOutcome(key, step, outcome);
  }

  complete(key: string): Promise<void> {
    return this.store.dedup.release(holdKey(key));
  }
}

/** The dedup key that holds a share while a request works on it; the share's steps are kept under its own key. */
const holdKey = (key: string) => `hold:${key}`;

/** Once, on the store's dedup keys, for Slack's retry window. */
export function storeOnce(store: Pick<Store, 'dedup'>, ttlMs = SLACK_RETRY_WINDOW_MS): Once {
  const ttlSeconds = Math.ceil(ttlMs / 1000);
  return {
    claimFirst: (key) => store.dedup.claim(key, ttlSeconds),
    release: (key) => store.dedup.release(key),
  };
}
