/**
 * Remembers what has been done, so that a second click on one Share button, or Slack's retry of an event we
 * already answered, does nothing. Slack sends two clicks as two different payloads, so the key is what the
 * click means (which message, which verdict), not the payload.
 *
 * This is per process: enough for one instance. Several instances behind a load balancer would need a shared
 * store (e.g. a unique key in PostgreSQL or Redis) behind the same two methods.
 */
export class OnceLedger {
  private readonly claimed = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is claimed within the TTL; false after that. */
  claim(key: string): boolean {
    const now = this.now();
    const at = this.claimed.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.claimed.set(key, now);
    this.evict(now);
    return true;
  }

  /** Gives a key back after the work failed, so that the person can try again. */
  release(key: string): void {
    this.claimed.delete(key);
  }

  private evict(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, at] of this.claimed) {
      if (this.claimed.size <= this.maxEntries && now - at < this.ttlMs) break;
      this.claimed.delete(key);
    }
  }
}
