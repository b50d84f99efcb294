/**
 * The in-memory Slack workspace behind the stand-in: team, users, channels, messages and threads, ephemeral
 * messages, modal stacks, Home tabs, trigger_ids and response_urls. The Web API, the response_url endpoint and the
 * simulated people all read and change this one model, so what a test (or the browser sandbox) sees is exactly what
 * the app did to it. Every change is announced on `events` so a UI can stream it.
 *
 * `Workspace` is the top of a stack of layers, one concern per file (see workspace-base.ts); this one adds what
 * the stand-in records and injects rather than what Slack stores: the call record, pending faults and notices.
 */

import type { JsonObject } from './json.js';
import { WorkspaceAssistant } from './workspace-assistant.js';

/** A fault armed and not yet used up. */
export interface PendingFault {
  id: string;
  method: string;
  fault: Fault;
  /** How many more calls it fails. */
  remaining: number;
}

export interface CallRecord {
  /** Web API method name, or `response_url`. */
  method: string;
  /** Decoded arguments: JSON-valued fields (blocks, view) parsed, the token left out. */
  args: JsonObject;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
  /** Made with a bot token from an OAuth install: which kind. Absent for the stand-in's configured bot token. */
  installation?: 'workspace' | 'org';
}

/**
 * A fault to inject. A Slack error can carry the fields Slack adds to it: `needed` and `provided` with
 * `missing_scope`, `errors` / `response_metadata` with `invalid_blocks`, or any other `fields`.
 */
export type Fault =
  | {
      error: string;
      status?: number;
      /** missing_scope: the scope the method needs, e.g. `chat:write`. */
      needed?: string;
      /** missing_scope: the scopes the token has, comma-separated. */
      provided?: string;
      /** Any other fields Slack sends with this error. */
      fields?: JsonObject;
    }
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 }
  /** Slow before acting: the call takes effect (or not) only after the delay. */
  | { delayMs: number }
  /**
   * Slack acts at once, then its answer comes late: an app that gives up before then sees a timeout although the
   * post is there (what makes a retried post land twice).
   */
  | { answerLateMs: number }
  /**
   * Slack acts, then the answer is lost on the way: the connection is reset, a proxy answers with a 502 HTML page,
   * or the body is not JSON.
   */
  | { afterActing: AnswerLost };

/** How an answer is lost after Slack acted. */
export type AnswerLost = 'reset' | 'bad_gateway' | 'invalid_json';

/** True for a fault that lets the call take effect and spoils only its answer. */
export function actsFirst(fault: Fault | undefined): fault is { answerLateMs: number } | { afterActing: AnswerLost } {
  return fault !== undefined && ('answerLateMs' in fault || 'afterActing' in fault);
}

/** Something Slack itself shows the person (an error banner), not a message from the app. */
export interface Notice {
  kind: 'timeout' | 'http_error' | 'invalid_response';
  user: string;
  channel?: string;
  text: string;
  at: number;
}

export class Workspace extends WorkspaceAssistant {
  readonly calls: CallRecord[] = [];
  readonly noticeList: Notice[] = [];
  private readonly faults = new Map<string, { id: string; fault: Fault; remaining: number }[]>();
  private faultCounter = 0;

  recordCall(call: CallRecord): void {
    this.calls.push(call);
    this.emit({ kind: 'call', call: structuredClone(call) });
  }

  /** Arms a fault for the next `times` calls to a method; returns its id, to disarm it by. */
  addFault(method: string, fault: Fault, times: number): string {
    const queue = this.faults.get(method) ?? [];
    this.faultCounter += 1;
    const id = `fault-${this.faultCounter}`;
    queue.push({ id, fault, remaining: times });
    this.faults.set(method, queue);
    this.emit({ kind: 'faults_changed' });
    return id;
  }

  clearFaults(): void {
    const had = this.faults.size > 0;
    this.faults.clear();
    if (had) this.emit({ kind: 'faults_changed' });
  }

  /** The faults still armed, in the order they will act per method. */
  pendingFaults(): PendingFault[] {
    return [...this.faults.entries()].flatMap(([method, queue]) =>
      queue.map(({ id, fault, remaining }) => ({ id, method, fault: structuredClone(fault), remaining })),
    );
  }

  /** Disarms one armed fault; false if it is not armed (any more). */
  removeFault(id: string): boolean {
    for (const [method, queue] of this.faults) {
      const at = queue.findIndex((f) => f.id === id);
      if (at < 0) continue;
      queue.splice(at, 1);
      if (queue.length === 0) this.faults.delete(method);
      this.emit({ kind: 'faults_changed' });
      return true;
    }
    return false;
  }

  /** The next pending fault for a method, consuming one use of it. */
  takeFault(method: string): Fault | undefined {
    const queue = this.faults.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) this.faults.delete(method);
    this.emit({ kind: 'faults_changed' });
    return head.fault;
  }

  addNotice(notice: Omit<Notice, 'at'>): void {
    const full = { ...notice, at: this.now() };
    this.noticeList.push(full);
    this.emit({ kind: 'notice', notice: structuredClone(full) });
  }
}
