/**
 * How Slack reaches the app's request URL: every request signed with the signing secret, given the 3-second
 * acknowledgement deadline and recorded as a delivery; a failed one shown to the person as Slack's error banner.
 * Also the two checks Slack makes of the URL itself (the SSL check and the url_verification challenge).
 */
import { stringify } from 'node:querystring';
import { randomHex } from './ids.js';
import { isRecord, type JsonObject } from './json.js';
import { signRequest } from './signing.js';
import type { Workspace } from './workspace.js';

/** Slack gives an app 3 seconds to acknowledge a request. */
export const ACK_DEADLINE_MS = 3000;

export interface AckResult {
  /** HTTP status the app answered with; 0 when it did not answer in time or could not be reached. */
  status: number;
  /** Response body as text. */
  body: string;
  /** Response body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** Wall-clock time the app took to answer (or until the deadline). */
  ackMs: number;
  timedOut: boolean;
  /** Set when the request could not be sent at all (connection refused, …). */
  networkError?: string;
}

export type DeliveryKind =
  | 'slash_command'
  | 'block_actions'
  | 'message_action'
  | 'view_submission'
  | 'view_closed'
  | 'event_callback'
  | 'url_verification'
  | 'ssl_check'
  | 'raw';

export interface Delivery {
  kind: DeliveryKind;
  payload: unknown;
  headers: Record<string, string>;
  result: AckResult;
  at: number;
}

export interface ActorConfig {
  signingSecret: string;
  verificationToken: string;
  ackTimeoutMs: number;
}

export interface SendOptions {
  headers?: Record<string, string>;
  timestamp?: number;
  /** A signature to send instead of the right one; `null` leaves the header out. */
  signature?: string | null;
}

export class AppRequests {
  /** Where the app receives Slack requests, e.g. `http://127.0.0.1:3000/slack/events`. */
  appUrl: string | undefined;
  readonly deliveries: Delivery[];
  readonly ws: Workspace;
  readonly config: ActorConfig;

  constructor(ws: Workspace, config: ActorConfig, deliveries: Delivery[] = []) {
    this.ws = ws;
    this.config = config;
    this.deliveries = deliveries;
  }

  /** The same sender, recording in the same list, with requests going to another URL (another instance). */
  to(appUrl: string): AppRequests {
    const other = new AppRequests(this.ws, this.config, this.deliveries);
    other.appUrl = appUrl;
    return other;
  }

  async send(
    kind: DeliveryKind,
    payload: unknown,
    contentType: string,
    body: string,
    extra: SendOptions = {},
  ): Promise<AckResult> {
    if (this.appUrl === undefined) throw new Error('call setAppUrl() before acting as a person');
    // Signed with wall-clock time, not the workspace clock: the app checks freshness against its own clock, and a
    // fixed test clock must not make every request look stale.
    const timestamp = extra.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      ...extra.headers,
    };
    const signature =
      extra.signature === undefined ? signRequest(this.config.signingSecret, timestamp, body) : extra.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    const controller = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(), this.config.ackTimeoutMs);
    let result: AckResult;
    try {
      const response = await fetch(this.appUrl, { method: 'POST', headers, body, signal: controller.signal });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      result = {
        status: response.status,
        body: text,
        ...(json !== undefined ? { json } : {}),
        ackMs: performance.now() - started,
        timedOut: false,
      };
    } catch (error) {
      const timedOut = controller.signal.aborted;
      result = {
        status: 0,
        body: '',
        ackMs: performance.now() - started,
        timedOut,
        ...(timedOut ? {} : { networkError: error instanceof Error ? error.message : String(error) }),
      };
    } finally {
      clearTimeout(timer);
    }
    this.deliveries.push({ kind, payload, headers, result, at: this.ws.now() });
    return result;
  }

  /** Interactions travel as a form with one `payload` field holding the JSON. */
  sendInteraction(kind: DeliveryKind, payload: JsonObject): Promise<AckResult> {
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return this.send(kind, payload, 'application/x-www-form-urlencoded', body);
  }

  /** Shows Slack's error banner when the app missed the deadline or failed; true when it did. */
  reportFailure(result: AckResult, user: string, channel: string | undefined, what: string): boolean {
    if (result.timedOut) {
      this.ws.addNotice({
        kind: 'timeout',
        user,
        ...(channel ? { channel } : {}),
        text: `${what} failed with the error "operation_timeout"`,
      });
      return true;
    }
    if (result.status !== 200) {
      this.ws.addNotice({
        kind: 'http_error',
        user,
        ...(channel ? { channel } : {}),
        text: `${what} failed with the error "dispatch_failed" (HTTP ${result.status || 'no response'})`,
      });
      return true;
    }
    return false;
  }

  /** Slack's SSL check for slash command URLs: `ssl_check=1` form post. */
  sslCheck(): Promise<AckResult> {
    const body = stringify({ ssl_check: '1', token: this.config.verificationToken });
    return this.send('ssl_check', body, 'application/x-www-form-urlencoded', body);
  }

  /** The Events API `url_verification` handshake; the app must echo the challenge. */
  async verifyUrl(): Promise<AckResult & { challenge: string; echoed: boolean }> {
    const payload = { token: this.config.verificationToken, challenge: randomHex(20), type: 'url_verification' };
    const result = await this.send('url_verification', payload, 'application/json', JSON.stringify(payload));
    const echoed =
      (isRecord(result.json) && result.json.challenge === payload.challenge) || result.body === payload.challenge;
    return { ...result, challenge: payload.challenge, echoed };
  }
}
