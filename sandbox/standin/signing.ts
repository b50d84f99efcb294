/** Slack's request signing, which the app verifies on every request the stand-in sends it. */
import { createHmac } from 'node:crypto';

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` keyed with the signing secret, as Slack signs requests. */
export function signRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
