/**
 * What Slack hands the app with each interaction so it can answer later: a trigger_id (opens one modal, within
 * 3 seconds) and a response_url (bound to the channel, the person and the clicked message; 5 uses in 30 minutes).
 */
import { randomHex } from './ids.js';
import { WorkspaceViews } from './workspace-views.js';

export const TRIGGER_LIFETIME_MS = 3000;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
export const RESPONSE_URL_MAX_USES = 5;

export interface Trigger {
  id: string;
  user: string;
  createdAt: number;
  used: boolean;
}

export type ResponseSource = { kind: 'message'; channel: string; ts: string } | { kind: 'ephemeral'; id: string };

export interface ResponseUrlBinding {
  id: string;
  url: string;
  channel: string;
  user: string;
  source?: ResponseSource;
  threadTs?: string;
  createdAt: number;
  uses: number;
}

export class WorkspaceInteractions extends WorkspaceViews {
  /** Base for response_urls, e.g. `http://127.0.0.1:4000`; set once the server listens. */
  baseUrl = 'http://127.0.0.1';
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseUrls = new Map<string, ResponseUrlBinding>();

  mintTrigger(user: string): string {
    const id = `${this.nextCounter()}${Math.floor(this.now() / 1000)}.${this.opts.teamId.replace(/\D/g, '') || '1'}.${randomHex(16)}`;
    this.triggers.set(id, { id, user, createdAt: this.now(), used: false });
    return id;
  }

  /** Uses up a trigger_id the way views.open does; Slack's error code when it cannot. */
  exchangeTrigger(id: string): { ok: true; user: string } | { ok: false; error: string } {
    const trigger = this.triggers.get(id);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.now() - trigger.createdAt > TRIGGER_LIFETIME_MS) return { ok: false, error: 'expired_trigger_id' };
    trigger.used = true;
    return { ok: true, user: trigger.user };
  }

  mintResponseUrl(binding: Omit<ResponseUrlBinding, 'id' | 'url' | 'createdAt' | 'uses'>): string {
    const id = randomHex(18);
    const url = `${this.baseUrl}/respond/${id}`;
    this.responseUrls.set(id, { ...binding, id, url, createdAt: this.now(), uses: 0 });
    return url;
  }

  responseUrl(id: string): ResponseUrlBinding | undefined {
    return this.responseUrls.get(id);
  }
}
