/**
 * Housekeeping on a timer: decisions past the retention period, expired dedup keys and share records no request
 * will resume. Once at start-up, then hourly; on PostgreSQL every instance does it, which is harmless (a DELETE of
 * rows already gone deletes nothing). A failure is logged with its message and retried at the next tick.
 */
import type { Store } from './store.js';

/** A share record outlives the longest a request may resume it: a click's response_url lives 30 minutes. */
export const SHARE_RECORD_SECONDS = 24 * 60 * 60;

export interface Housekeeping {
  /** Runs one sweep now; resolves with what it deleted. */
  sweep(): Promise<{ decisions: number; keys: number; shareSteps: number }>;
  stop(): void;
}

export interface HousekeepingOptions {
  /** Default: hourly. */
  everyMs?: number;
  /** Default: a line on stderr. */
  log?: (line: string) => void;
}

export function startHousekeeping(
  store: Store,
  retentionDays: number,
  {
    everyMs = 60 * 60 * 1000,
    log = (line: string) => {
      process.stderr.write(`${line}\n`);
    },
  }: HousekeepingOptions = {},
): Housekeeping {
  const sweep = async () => ({
    decisions: await store.decisions.deleteOlderThan(retentionDays),
    keys: await store.dedup.purgeExpired(),
    shareSteps: await store.shares.purgeOlderThan(SHARE_RECORD_SECONDS),
  });
  const tick = () => {
    sweep().catch((error: unknown) =>
      log(`Housekeeping failed, will retry: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref(); // never what keeps the process alive
  return { sweep, stop: () => clearInterval(timer) };
}
