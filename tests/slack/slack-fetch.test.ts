/**
 * The Web API client's fetch (src/slack/slack-fetch.ts): a call Slack answered 429 is sent again after its
 * Retry-After, unless it carries a trigger, which lives 3 seconds and is never waited for; a response_url that
 * answers with a redirect is refused, never followed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ResponseUrlError, slackFetch } from '../../src/slack/slack-fetch.js';

const API = 'http://slack.test/api/';

/** A fetch that answers 429 (Retry-After: 0) the first time and 200 after, recording each call. */
function rateLimitedOnce() {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return calls.length === 1
      ? new Response('', { status: 429, headers: { 'retry-after': '0' } })
      : new Response('{"ok":true}', { status: 200 });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const form = (args: Record<string, string>) => new URLSearchParams(args).toString();

describe('a call answered 429', () => {
  it.each([
    ['a chat.postMessage', form({ channel: 'C1', text: 'Verdict: SSE' })],
    [
      'a message whose text mentions trigger_id=',
      form({ channel: 'C1', text: 'see &trigger_id=1 and interactivity_pointer=2' }),
    ],
  ])('is sent again after its Retry-After: %s', async (_name, body) => {
    const { calls, fetch } = rateLimitedOnce();
    const response = await slackFetch({ apiUrl: API, timeoutMs: 2000, fetch })(`${API}chat.postMessage`, {
      method: 'POST',
      body,
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['views.open with a trigger_id', form({ trigger_id: '1.2.3', view: '{}' })],
    ['a trigger_id after other arguments', form({ view: '{"type":"modal"}', trigger_id: '1.2.3' })],
    ['an interactivity_pointer', form({ interactivity_pointer: '1.2.3', view: '{}' })],
    ['a trigger_id in URLSearchParams', new URLSearchParams({ trigger_id: '1.2.3' })],
  ])('is not waited for when it carries a trigger: %s', async (_name, body) => {
    const { calls, fetch } = rateLimitedOnce();
    const response = await slackFetch({ apiUrl: API, timeoutMs: 2000, fetch })(`${API}views.open`, {
      method: 'POST',
      body,
    });
    expect(response.status).toBe(429);
    expect(calls).toHaveLength(1);
  });
});

describe('a response_url', () => {
  it('that answers with a redirect is refused, and the message is not posted where it points', async () => {
    const posted: string[] = [];
    const server = createServer((req, res) => {
      posted.push(req.url ?? '');
      req.resume();
      // 307 keeps the method and the body: a client that follows it posts the message again, elsewhere.
      if (req.url === '/commands/T1/1/abc') res.writeHead(307, { location: '/elsewhere' }).end();
      else res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const post = slackFetch({ apiUrl: API, timeoutMs: 2000 })(`http://127.0.0.1:${port}/commands/T1/1/abc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Verdict: SSE' }),
      });
      await expect(post).rejects.toBeInstanceOf(ResponseUrlError);
      expect(posted).toEqual(['/commands/T1/1/abc']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
