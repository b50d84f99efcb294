/**
 * Injected faults let e2e tests exercise the app's error paths: a Slack error with HTTP 200, a 429 with
 * Retry-After, a 500, or a slow answer; each applies to the next N calls of one method (or to response_urls).
 * Some faults let the call take effect and spoil only its answer (late, reset, a 502 page, not JSON), as Slack
 * and the proxies in front of it do: the app cannot tell those from a call that never happened.
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

describe('faults after Slack acted', () => {
  const respondUrl = () => standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
  const respondTo = (url: string, init: RequestInit = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x","response_type":"in_channel"}',
      ...init,
    });

  it('answers late but posts at once', async () => {
    standin.injectFault('chat.postMessage', { answerLateMs: 400 });
    const started = performance.now();
    const answer = post('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The message is there long before the answer.
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
    expect(standin.callsTo('chat.postMessage')).toMatchObject([{ ok: true, status: 200 }]);
    expect(await (await answer).json()).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('a late answer that the caller abandons still leaves the post in the channel', async () => {
    standin.injectFault('chat.postMessage', { answerLateMs: 300 });
    const outcome = await fetch(`${standin.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.botToken}` },
      body: JSON.stringify({ channel: 'C0GENERAL', text: 'hi' }),
      signal: AbortSignal.timeout(50),
    }).catch((error: Error) => error.name);
    expect(outcome).toBe('TimeoutError');
    expect(standin.channelHistory('C0GENERAL').map((m) => m.text)).toEqual(['hi']);
    await new Promise((resolve) => setTimeout(resolve, 350)); // the stand-in writes to a closed socket, quietly
  });

  it('resets the connection after posting', async () => {
    standin.injectFault('chat.postMessage', { afterActing: 'reset' });
    await expect(post('chat.postMessage')).rejects.toThrow();
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it("answers with a proxy's 502 HTML page after posting", async () => {
    standin.injectFault('chat.postMessage', { afterActing: 'bad_gateway' });
    const res = await post('chat.postMessage');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<html>.*502 Bad Gateway/);
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it('answers with a body that is not JSON after posting', async () => {
    standin.injectFault('chat.postMessage', { afterActing: 'invalid_json' });
    const res = await post('chat.postMessage');
    expect(res.status).toBe(200);
    await expect(res.clone().json()).rejects.toThrow();
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it.each([
    ['chat.postEphemeral', { channel: 'C0GENERAL', user: 'U0HUMAN01', text: 'psst' }],
    ['views.publish', { user_id: 'U0HUMAN01', view: { type: 'home', blocks: [] } }],
  ] as const)('acts first for %s too', async (method, args) => {
    standin.injectFault(method, { afterActing: 'bad_gateway' });
    expect((await post(method, args)).status).toBe(502);
    expect(standin.callsTo(method)).toMatchObject([{ ok: true }]);
  });

  it.each([
    ['late', { answerLateMs: 200 }, 200],
    ['a 502 page', { afterActing: 'bad_gateway' }, 502],
    ['not JSON', { afterActing: 'invalid_json' }, 200],
  ] as const)('posts through a response_url and then answers %s', async (_name, fault, status) => {
    standin.injectFault('response_url', fault);
    expect((await respondTo(respondUrl())).status).toBe(status);
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it('posts through a response_url and then resets the connection', async () => {
    standin.injectFault('response_url', { afterActing: 'reset' });
    await expect(respondTo(respondUrl())).rejects.toThrow();
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });
});
