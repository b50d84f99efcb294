/**
 * Injected faults let e2e tests exercise the app's error paths: a Slack error with HTTP 200, a 429 with
 * Retry-After, a 500, or a slow answer; each applies to the next N calls of one method (or to response_urls).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

let standin: SlackStandin;

beforeEach(async () => {
  standin = await startSlackStandin();
});

afterEach(async () => {
  await standin.close();
});

function post(method: string, args: Record<string, unknown> = { channel: 'C0GENERAL', text: 'hi' }) {
  return fetch(`${standin.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.botToken}` },
    body: JSON.stringify(args),
  });
}

describe('injected faults', () => {
  it('answers with a Slack error and HTTP 200, then behaves normally again', async () => {
    standin.injectFault('chat.postMessage', { error: 'not_in_channel' });
    const first = await post('chat.postMessage');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: false, error: 'not_in_channel' });
    expect(await (await post('chat.postMessage')).json()).toMatchObject({ ok: true });
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it('rate-limits with HTTP 429, a Retry-After header and ratelimited', async () => {
    standin.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    const res = await post('chat.postMessage');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(standin.callsTo('chat.postMessage')).toMatchObject([{ ok: false, error: 'ratelimited', status: 429 }]);
  });

  it('fails with HTTP 500 for as many calls as asked', async () => {
    standin.injectFault('chat.postMessage', { status: 500 }, 2);
    expect((await post('chat.postMessage')).status).toBe(500);
    expect((await post('chat.postMessage')).status).toBe(500);
    expect((await post('chat.postMessage')).status).toBe(200);
  });

  it('delays an answer without changing it', async () => {
    standin.injectFault('auth.test', { delayMs: 150 });
    const started = performance.now();
    const res = await post('auth.test', {});
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('touches only the method it was injected for', async () => {
    standin.injectFault('views.open', { error: 'expired_trigger_id' });
    expect(await (await post('chat.postMessage')).json()).toMatchObject({ ok: true });
  });

  it('applies to response_urls too, and clearFaults removes pending faults', async () => {
    const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
    const send = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    standin.injectFault('response_url', { status: 500 });
    expect((await send()).status).toBe(500);
    standin.injectFault('response_url', { status: 500 });
    standin.clearFaults();
    expect((await send()).status).toBe(200);
    expect(standin.ephemerals('U0HUMAN01')).toHaveLength(1);
  });
});
