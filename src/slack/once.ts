/**
 * Remembers what has been done, so that a second click on one Share button, or Slack's retry of an event we
 * already answered, does nothing. Slack sends two clicks as two different payloads, so the key is what the
 * click means (which message, which verdict), not the payload.
 *
 * It forgets by time only, never by count: Slack redelivers an event for minutes (retries at once, after about
 * 1 and after about 5 minutes), and a ledger that dropped its oldest keys under load would answer a late retry
 * again. Memory is what arrives within the window: about 100 bytes a key, 30 MB at 500 events a second.
 *
 * `OnceLedger` is per process: enough for one instance, the tests and the sandbox. store-ledgers.ts puts the same
 * two methods on the store, a unique key in SQLite or PostgreSQL, so that a retry that reaches another instance,
 * or this one after a restart, is not answered again.
 */
/** Slack's last retry comes about 5 minutes after the first try; ten minutes covers it with room. */
export const SLACK_RETRY_WINDOW_MS = 10 * 60 * 1000;

/**
 * Keys that let something happen once. The method is `claimFirst`, not the old synchronous `claim`: a call left
 * unawaited (`if (!ledger.claim(…))`, a Promise, always truthy) would compile and dedupe nothing, so the rename makes
 * any such caller a type error.
 */
export interface Once {
  /** True for the first claim of a key within the time to live, wherever it is made; false after that. */
  claimFirst(key: string): Promise<boolean>;
  /** Gives a key back after the work failed, so that the person can try again. */
  release(key: string): Promise<void>;
}

/** Once, in this process's memory. */
export class OnceLedger implements Once {
  private readonly claimed = new Map<string, number>();

  constructor(
    private readonly ttlMs = SLACK_RETRY_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async claimFirst(key: string): Promise<boolean> {
    const now = this.now();
    const at = this.claimed.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.claimed.delete(key);
    this.claimed.set(key, now);
    this.evict(now);
    return true;
  }

  async release(key: string): Promise<void> {
    this.claimed.delete(key);
  }

  /** How many keys it remembers. */
  get size(): number {
    return this.claimed.size;
  }

  private evict(now: number): void {
    // Map keeps insertion order (a re-claimed key is deleted first), so the oldest entries come first.
    for (const [key, at] of this.claimed) {
      if (now - at < this.ttlMs) break;
      this.claimed.delete(key);
    }
  }
}
