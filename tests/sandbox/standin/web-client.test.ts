/**
 * Proof that the stand-in speaks the wire format of the real @slack/web-api WebClient that Bolt uses:
 * form-encoded arguments with JSON-string blocks, Bearer tokens, platform errors, and 429 retry handling.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

// The WebClient that Bolt itself uses, reached through Bolt: @slack/web-api is not a dependency of ours.
const { ErrorCode, LogLevel, WebClient } = webApi;
type WebClientOptions = webApi.WebClientOptions;
type WebClient = webApi.WebClient;

let standin: SlackStandin;

beforeEach(async () => {
  standin = await startSlackStandin();
});

afterEach(async () => {
  await standin.close();
});

function client(retryConfig: WebClientOptions['retryConfig'] = { retries: 0 }): WebClient {
  return new WebClient(standin.botToken, { slackApiUrl: standin.apiUrl, retryConfig, logLevel: LogLevel.ERROR });
}

describe('a real WebClient against the stand-in', () => {
  it('posts a message with blocks and a thread reply', async () => {
    const web = client();
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'WebSockets or SSE?' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*SSE* fits one-way feeds.' } },
    ];
    const parent = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'WebSockets or SSE?', blocks });
    expect(parent.ok).toBe(true);
    expect(parent.message?.blocks).toMatchObject(blocks);
    const reply = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'details', thread_ts: parent.ts as string });
    expect(reply.message?.thread_ts).toBe(parent.ts);
    expect(standin.thread('C0GENERAL', parent.ts as string).map((m) => m.text)).toEqual([
      'WebSockets or SSE?',
      'details',
    ]);
    expect(standin.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);
  });

  it("surfaces Slack's refusal as a platform error the app can read", async () => {
    standin.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
    await expect(client().chat.postMessage({ channel: 'C0OUTSIDE', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'not_in_channel' },
    });
  });

  it('retries once after a 429 when the retry policy allows it', async () => {
    standin.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    const web = client({ retries: 1, factor: 1, minTimeout: 10, maxTimeout: 10 });
    const result = await web.chat.postMessage({ channel: 'C0GENERAL', text: 'second time lucky' });
    expect(result.ok).toBe(true);
    expect(standin.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('gives up on a 429 when retries are off', async () => {
    standin.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    await expect(client().chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toThrow(/rate limit/);
    expect(standin.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429]);
    expect(standin.channelHistory('C0GENERAL')).toEqual([]);
  });
});
