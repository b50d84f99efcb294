/**
 * What the share pipeline remembers about each share, so that a post goes out at most once: which steps are done
 * (with the ts they produced), which ones Slack may or may not have done (its answer was lost), and whether a
 * request is working on it right now. A step that Slack refused is not recorded: nothing happened, and the next
 * click does it.
 *
 * Each posting step is written down twice: its intent before the call to Slack, its outcome after. A step found
 * with an intent and no outcome was cut off between the two (the process died, or the store failed): it may have
 * posted, so it reads as unsure and is never sent again on its own.
 *
 * Two implementations: this in-memory one serves one process (tests, the sandbox); store-ledgers.ts puts the same
 * calls on the store (SQLite or PostgreSQL), so that a share happens once across instances and restarts.
 */

/** The parts of a share that post: the message itself, and the reasoning in its thread. */
export type ShareStep = 'post' | 'reasoning';

/** What became of a step: done (with the ts Slack gave it, if any), or unsure (Slack's answer never arrived). */
export type StepOutcome = { state: 'done'; ts?: string } | { state: 'unsure' };

export type ShareRecord = Partial<Record<ShareStep, StepOutcome>>;

/** What the pipeline writes after a call: what became of the step, or `refused` (nothing posted: forget the intent). */
export type StepResult = StepOutcome | { state: 'refused' };

export type Claim =
  /** This request now holds the share; `record` is what earlier requests got done. */
  | { ok: true; record: ShareRecord }
  /** Another request is working on this share right now (two clicks on one button). */
  | { ok: false; reason: 'in_progress' };

export interface ShareLedger {
  /** Takes the share for this request, unless another request holds it. */
  claim(key: string): Promise<Claim>;
  /** Writes down that a step is about to be sent; resolves once that is kept, before the call to Slack. */
  intend(key: string, step: ShareStep): Promise<void>;
  /** Writes down what became of one step; `refused` forgets its intent, so the next request sends it. */
  record(key: string, step: ShareStep, outcome: StepResult): Promise<void>;
  /** Lets the share go: what was recorded stays, for the next request to resume from. */
  complete(key: string): Promise<void>;
}

/** How long a share is remembered: longer than a click's response_url lives (30 minutes). */
export const SHARE_MEMORY_MS = 60 * 60 * 1000;

interface Entry {
  record: ShareRecord;
  held: boolean;
  at: number;
}

/** The ledger for one process: a Map that forgets a share an hour after it was last touched. */
export class InMemoryShareLedger implements ShareLedger {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = SHARE_MEMORY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string): Promise<Claim> {
    const now = this.now();
    this.forgetOld(now);
    const entry = this.entries.get(key);
    if (entry?.held) return { ok: false, reason: 'in_progress' };
    const record = entry?.record ?? {};
    // Delete and set, so that the Map's order stays the order of last use.
    this.entries.delete(key);
    this.entries.set(key, { record, held: true, at: now });
    return { ok: true, record: { ...record } };
  }

  async intend(key: string, step: ShareStep): Promise<void> {
    // Until the outcome is written, the step may have happened.
    const entry = this.entries.get(key);
    if (entry) entry.record[step] = { state: 'unsure' };
  }

  async record(key: string, step: ShareStep, outcome: StepResult): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (outcome.state === 'refused') delete entry.record[step];
    else entry.record[step] = outcome;
  }

  async complete(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.held = false;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, at: this.now() });
  }

  /** How many shares it remembers. */
  get size(): number {
    return this.entries.size;
  }

  private forgetOld(now: number): void {
    // Oldest first; a share held for longer than the TTL is a request that died, and is forgotten too.
    for (const [key, entry] of this.entries) {
      if (now - entry.at < this.ttlMs) break;
      this.entries.delete(key);
    }
  }
}
