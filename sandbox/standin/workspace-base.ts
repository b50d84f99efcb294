/**
 * The bottom layer of the workspace model: its identity (team, app, bot), its clock and the change feed. Each
 * layer above adds one part of Slack's state (directory → messages → views → interactions → call record, ending
 * in `Workspace`), so one class still answers every question while each file holds one concern.
 */
import { EventEmitter } from 'node:events';
import type { CallRecord, Notice } from './workspace.js';
import type { AssistantThread } from './workspace-assistant.js';
import type { StoredEphemeral, StoredMessage } from './workspace-messages.js';
import type { StoredView } from './workspace-views.js';

export interface WorkspaceOptions {
  clock: () => number;
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
  /** An Enterprise Grid org the workspace belongs to (payloads then carry enterprise_id / enterprise_name). */
  enterprise?: { id: string; name: string };
}

/** Every change to the workspace, announced on `events` (`'change'`) so a UI can stream it. */
export type StandinChange =
  | { kind: 'message_posted' | 'message_changed'; channel: string; ts: string; message: StoredMessage }
  | { kind: 'message_deleted'; channel: string; ts: string }
  | { kind: 'ephemeral_posted' | 'ephemeral_changed'; ephemeral: StoredEphemeral }
  | { kind: 'ephemeral_deleted'; id: string; user: string; channel: string }
  | { kind: 'view_opened' | 'view_updated' | 'view_pushed'; user: string; view: StoredView }
  | { kind: 'view_closed'; user: string; viewId: string }
  | { kind: 'home_published'; user: string; view: StoredView }
  /** An assistant thread's context, status, suggested prompts or title changed (workspace-assistant.ts). */
  | { kind: 'assistant_changed'; thread: AssistantThread }
  | { kind: 'notice'; notice: Notice }
  | { kind: 'call'; call: CallRecord }
  /** A fault was armed, used or disarmed. */
  | { kind: 'faults_changed' };

export class WorkspaceBase {
  readonly events = new EventEmitter();
  readonly opts: WorkspaceOptions;
  /**
   * True once the app is installed org-wide (an Enterprise Grid org admin approved it for the whole org, through
   * the OAuth authorize page): Slack then marks every request from the org's workspaces `is_enterprise_install`.
   */
  installedOrgWide = false;
  private lastMicros = 0;
  private counter = 0;

  constructor(opts: WorkspaceOptions) {
    this.opts = opts;
    this.events.setMaxListeners(0);
  }

  now(): number {
    return this.opts.clock();
  }

  /** A unique, increasing message timestamp in Slack's `seconds.micros` form. */
  nextTs(): string {
    const micros = Math.max(Math.floor(this.now() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  nextCounter(): number {
    this.counter += 1;
    return this.counter;
  }

  protected emit(change: StandinChange): void {
    this.events.emit('change', change);
  }
}
