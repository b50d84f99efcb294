/**
 * Remembers what has been done, so that a second click on one Share button, or Slack's retry of an event we
 * already answered, does nothing. Slack sends two clicks as two different payloads, so the key is what the
 * click means (which message, which verdict), not the payload.
 *
 * It forgets by time only, never by count: Slack redelivers an event for minutes (retries at once, after about
 * 1 and after about 5 minutes), and a ledger that dropped its oldest keys under load would answer a late retry
 * again. Memory is what arrives within the window: about 100 bytes a key, 30 MB at 500 events a second.
 *
 * This is per process: enough for one instance. Several instances behind a load balancer would need a shared
 * store (e.g. a unique key in PostgreSQL or Redis) behind the same two methods.
 */
/** Slack's last retry comes about 5 minutes after the first try; ten minutes covers it with room. */
export const SLACK_RETRY_WINDOW_MS = 10 * 60 * 1000;

export class OnceLedger {
  private readonly claimed = new Map<string, number>();

  constructor(
    private readonly ttlMs = SLACK_RETRY_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is claimed within the TTL; false after that. */
  claim(key: string): boolean {
    const now = this.now();
    const at = this.claimed.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.claimed.delete(key);
    this.claimed.set(key, now);
    this.evict(now);
    return true;
  }

  /** Gives a key back after the work failed, so that the person can try again. */
  release(key: string): void {
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
