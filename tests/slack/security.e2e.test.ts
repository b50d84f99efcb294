import { request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { signRequest } from '../../sandbox/standin/index.js';
import { eventually, expectAcked, HUMAN, useHarness } from './harness.js';

const h = useHarness();

const commandBody =
  'command=%2Frealtime&text=compare&user_id=U0HUMAN01&channel_id=C0GENERAL&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx&trigger_id=1.2.3';
const appUrl = () => `http://127.0.0.1:${h.app.port}`;

describe('requests that are not from Slack', () => {
  it.each([
    ['a forged signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['no signature', { signature: null }],
    [
      'a signature made with another secret',
      { signature: signRequest('not-the-secret-at-all', Math.floor(Date.now() / 1000), commandBody) },
    ],
    ['a stale timestamp, signed correctly', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('gets a 401 for %s, and no listener runs', async (_name, forgery) => {
    const before = h.slack.ephemerals(HUMAN).length;
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: commandBody,
      ...forgery,
    });
    expect(result.status).toBe(401);
    expect(h.slack.ephemerals(HUMAN)).toHaveLength(before);
    expect(h.slack.calls).toEqual([]);
  });

  it.each([
    ['past', -1],
    ['future', 1],
  ])(
    'refuses a captured request sent again byte for byte once its timestamp is over 5 minutes in the %s',
    async (_when, sign) => {
      const captured = await h.slack.slashCommand({ text: 'compare' });
      expectAcked(captured);
      const delivery = h.slack.deliveries.at(-1);
      const headers = delivery?.headers ?? {};
      const body = new URLSearchParams(captured.payload).toString();
      h.slack.clearCalls();
      const before = h.slack.ephemerals(HUMAN).length;
      // The clock moves 5 minutes and 10 seconds (a replay that late, or a sender whose clock is that far behind).
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - sign * (5 * 60 + 10) * 1000 });
      try {
        const result = await h.slack.sendRaw({
          contentType: 'application/x-www-form-urlencoded',
          body,
          timestamp: Number(headers['x-slack-request-timestamp']),
          signature: headers['x-slack-signature'] ?? null,
        });
        expect(result.status).toBe(401);
      } finally {
        vi.useRealTimers();
      }
      expect(h.slack.ephemerals(HUMAN)).toHaveLength(before);
      expect(h.slack.calls).toEqual([]);
    },
  );

  // Bolt's receiver no longer checks signatures itself: the edge must cover every target Bolt routes as its events
  // endpoint. A forged command sent to each spelling must run nothing, whatever the status.
  it.each([
    '/slack/events?retry=1',
    '/slack/./events',
    '/slack/x/../events',
    '/slack/events#fragment',
    '/%73lack/events',
  ])('runs no listener for a forged request to %s', async (target) => {
    const before = h.slack.ephemerals(HUMAN).length;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: h.app.port,
          method: 'POST',
          path: target,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': timestamp,
            'x-slack-signature': signRequest('not-the-secret-at-all', Number(timestamp), commandBody),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(commandBody);
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(h.slack.ephemerals(HUMAN)).toHaveLength(before);
    expect(h.slack.calls).toEqual([]);
  });

  it('answers a correctly signed request with the same body', async () => {
    const result = await h.slack.sendRaw({ contentType: 'application/x-www-form-urlencoded', body: commandBody });
    expectAcked(result);
    expect(JSON.parse(result.body).text).toMatch(/the scorecard/);
  });

  it("answers Slack's ssl_check without a signature check", async () => {
    expect((await h.slack.sslCheck()).status).toBe(200);
  });

  it('survives a malformed payload and keeps serving', async () => {
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: 'payload=%7Bnot-json',
    });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expectAcked(await h.slack.slashCommand({ text: 'help' }));
  });
});

describe('health and acks', () => {
  it('answers GET /healthz with 200 once the app is ready', async () => {
    const response = await fetch(`${appUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('acks a click at once even while the Web API is slow, and finishes the work after', async () => {
    await h.slack.slashCommand({ text: 'a chat app' });
    const advice = h.slack.ephemerals(HUMAN).at(-1);
    const posts = h.slack.channelHistory('C0GENERAL').length;
    h.slack.injectFault('chat.postMessage', { delayMs: 1500 });
    const click = await h.slack.clickButtonByText({
      text: 'Share in channel',
      message: { ephemeralId: advice?.id ?? '' },
    });
    expectAcked(click);
    // The ack came back while the slow chat.postMessage was still pending: nothing had been posted yet.
    expect(h.slack.channelHistory('C0GENERAL')).toHaveLength(posts);
    await eventually(
      () =>
        expect(h.slack.findButtons({ message: { ephemeralId: advice?.id ?? '' } }).map((b) => b.text)).toContain(
          '✓ Shared in #general',
        ),
      5000,
    );
  });
});
