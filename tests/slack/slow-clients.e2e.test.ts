/**
 * Slow-loris: clients that open connections and send their headers or body a byte at a time. They are cut off
 * after the server's bounds (shortened here from HTTP_TIMEOUTS), and while they hang on, Slack's requests are
 * answered as usual.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HTTP_TIMEOUTS } from '../../src/slack/app.js';
import { expectAcked, useHarness } from './harness.js';

const h = useHarness({ httpTimeouts: { headersTimeoutMs: 1000, requestTimeoutMs: 1500 } });

/** Opens a connection that sends `head`, then one more byte every 200 ms; resolves when the server closes it. */
function trickle(head: string): { socket: Socket; closed: Promise<number> } {
  const socket = connect(h.app.port ?? 0, '127.0.0.1');
  const opened = Date.now();
  const drip = setInterval(() => socket.write('a'), 200);
  socket.write(head);
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => {
      clearInterval(drip);
      resolve(Date.now() - opened);
    });
    socket.on('error', () => undefined);
  });
  return { socket, closed };
}

describe('slow clients', () => {
  it('bounds headers and whole requests far below Node’s defaults of 60 s and 300 s', () => {
    expect(HTTP_TIMEOUTS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(HTTP_TIMEOUTS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });

  it('cuts off 200 trickling connections and 100 silent ones after the bound, answering Slack meanwhile', async () => {
    const now = Math.floor(Date.now() / 1000);
    const slowHeaders = Array.from({ length: 100 }, () =>
      trickle('POST /slack/events HTTP/1.1\r\nHost: localhost\r\nX-Slow: '),
    );
    const slowBodies = Array.from({ length: 100 }, () =>
      trickle(
        'POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Content-Length: 100000\r\nX-Slack-Request-Timestamp: ${now}\r\nX-Slack-Signature: v0=00\r\n\r\n`,
      ),
    );
    // And connections that open and send nothing at all.
    const silent = Array.from({ length: 100 }, () => {
      const socket = connect(h.app.port ?? 0, '127.0.0.1');
      const opened = Date.now();
      socket.on('error', () => undefined);
      return { closed: new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - opened))) };
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.slack.slashCommand({ text: 'help' })));
    for (const answer of answers) expectAcked(answer);
    const lifetimes = await Promise.all([...slowHeaders, ...slowBodies, ...silent].map((c) => c.closed));
    // Closed by the server within its bounds (plus its 1 s checking interval), not held for minutes.
    expect(Math.max(...lifetimes)).toBeLessThan(4000);
    expectAcked(await h.slack.slashCommand({ text: 'help' }));
  }, 10_000);
});
