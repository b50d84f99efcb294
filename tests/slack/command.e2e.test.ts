import { describe, expect, it } from 'vitest';
import type { PersonText } from '../../sandbox/standin/index.js';
import { eventually, expectAcked, GENERAL, HUMAN, tablesIn, useHarness, visibleText } from './harness.js';

const h = useHarness();

async function command(text: PersonText) {
  const result = await h.slack.slashCommand({ text });
  expectAcked(result);
  return h.lastEphemeral();
}

describe('/realtime sub-commands', () => {
  it('answers a situation at once, privately, with the verdict, the words that set each answer and a Share button', async () => {
    const answer = await command('streaming LLM tokens to a browser');
    expect(answer.text).toBe('Verdict: SSE, one-way server push over plain HTTP (clear pick)');
    expect(h.slack.findButtons({ message: { ephemeralId: answer.id } }).map((b) => b.text)).toContain(
      'Share in channel',
    );
    await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: answer.id } });
    const expanded = await eventually(() => {
      const now = h.lastEphemeral();
      expect(visibleText(now)).toContain('*Why*');
      return now;
    });
    expect(visibleText(expanded)).toContain(
      '*Direction:* Server → client only _(from “streaming LLM tokens to a browser”)_',
    );
    expect(visibleText(expanded)).toContain('*Rule of thumb:* _Streaming LLM responses to a web client_');
    const buttons = h.slack.findButtons({ message: { ephemeralId: answer.id } }).map((b) => b.text);
    expect(buttons).toContain('Share in channel');
    expect(buttons).toContain('Change');
  });

  it('shows what it understood and asks only what is missing; the answer reaches a verdict with quotes', async () => {
    const answer = await command('we need realtime updates, text only');
    expect(answer.text).toBe('Understood: No, text (JSON) is fine. One question: Which direction does data flow?');
    expect(visibleText(answer)).toContain(
      '*Do you need binary payloads?* No, text (JSON) is fine _(from “text only”)_',
    );
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: answer.id } });
    await eventually(() => {
      const now = h.lastEphemeral();
      expect(now).toMatchObject({
        id: answer.id,
        text: 'Verdict: SSE, one-way server push over plain HTTP (clear pick)',
      });
      return now;
    });
    await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: answer.id } });
    const verdict = await eventually(() => {
      const now = h.lastEphemeral();
      expect(visibleText(now)).toContain('*Why*');
      return now;
    });
    const seen = visibleText(verdict);
    expect(seen).toContain('*Payloads:* No, text (JSON) is fine _(from “text only”)_');
    // The answer the person gave shows no quote.
    expect(seen).toContain('*Direction:* Server → client only\n');
    // One Change button per answer that decided it (simplicity cannot change an SSE pick, so it is not asked).
    expect(
      h.slack.findButtons({ message: { ephemeralId: answer.id } }).filter((b) => b.text === 'Change'),
    ).toHaveLength(2);
  });

  it("names both sides of a conflict in the person's words and asks that question", async () => {
    const answer = await command('a live dashboard that is also a chat');
    expect(visibleText(answer)).toContain(
      'Your text points both ways here: “dashboard” suggests *Server → client only*; “chat” suggests *Both ways',
    );
    expect(answer.text).toMatch(/Which direction does data flow\?$/);
  });

  it('shares free-text advice in the channel with its reasoning in the thread', async () => {
    const answer = await command('a chat app with typing indicators');
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: answer.id } });
    const parent = await eventually(() => {
      const last = h.slack.channelHistory(GENERAL).at(-1);
      expect(last?.text).toMatch(/ran the Realtime Advisor: Verdict: WebSocket/);
      return last;
    });
    await eventually(() => expect(h.slack.thread(GENERAL, parent?.ts ?? '')).toHaveLength(2));
  });

  it('is honest when it cannot place a situation, and offers the wizard', async () => {
    const answer = await command('what should we have for lunch today');
    expect(answer.text).toBe('Not sure from your words. Question 1 of 3: Which direction does data flow?');
    await h.slack.clickButtonByText({
      text: 'Both ways: the client also sends often, with low latency',
      message: { ephemeralId: answer.id },
    });
    await eventually(() =>
      expect(h.lastEphemeral()).toMatchObject({
        id: answer.id,
        text: 'Verdict: WebSocket, for frequent low-latency messages both ways (strong pick)',
      }),
    );
  });

  it('shows the scorecard for "compare" as a table, a row per dimension, and says who wins where', async () => {
    const answer = await command('compare');
    expect(answer.text).toBe(
      'WebSocket vs SSE, the scorecard: SSE has the edge on Protocol, Reconnection and Infra &amp; proxies; ' +
        'WebSocket on Payload types; it depends for Direction and Connection limits.',
    );
    const [table, ...more] = tablesIn(answer);
    expect(more).toEqual([]);
    expect(table?.[0]).toEqual(['Dimension', 'WebSocket', 'SSE', 'Edge']);
    expect(table?.map((row) => row[0])).toEqual([
      'Dimension',
      'Direction',
      'Protocol',
      'Payload types',
      'Reconnection',
      'Infra & proxies',
      'Connection limits',
    ]);
    expect(table).toContainEqual(['Payload types', 'Text + binary', 'Text only', 'WebSocket']);
  });

  it.each([
    ['reconnect', 'Reconnection (edge: SSE)'],
    ['proxies', 'Infra &amp; proxies (edge: SSE)'],
    ['binary', 'Payload types (edge: WebSocket)'],
    ['direction', 'Direction (edge: it depends)'],
  ])('shows the dimension for "%s" in depth', async (text, expected) => {
    expect((await command(text)).text.startsWith(expected)).toBe(true);
  });

  it('explains "proxies" to a reader, not as what "the seed" says', async () => {
    const seen = visibleText(await command('proxies'));
    expect(seen).toContain('Note: SSE is often said to need nothing special to configure, but RFC 6202');
    expect(seen).not.toMatch(/\bseed\b/i);
  });

  it('lists the alternatives for "neither"', async () => {
    expect((await command('neither')).text).toBe(
      'When to pick neither: Long polling, WebTransport, Service-to-service streaming, Batched HTTP POSTs, WebRTC, HLS (HTTP Live Streaming)',
    );
  });

  it('answers "websocket" with its strengths and when it wins, privately', async () => {
    const answer = await command('websocket');
    expect(answer.text).toBe(
      'WebSockets (WebSocket): Full-duplex, bidirectional messaging over one connection. It has the edge on payload types. ' +
        'Pick it when: the client must send messages with low latency too; sending binary frames; ' +
        'building chat, multiplayer, or collaborative editing; a chat app, game, or collaborative editor.',
    );
    const seen = visibleText(answer);
    expect(seen).toContain('*Where it has the edge*');
    expect(seen).toContain('*A chat app, game, or collaborative editor*: Frequent low-latency two-way messages');
    expect(seen).toContain('Where the other side wins: `/realtime sse`.');
    expect(h.slack.channelHistory(GENERAL).some((m) => m.text.startsWith('WebSockets (WebSocket)'))).toBe(false);
  });

  it.each(['sse', 'Server-Sent Events', 'eventsource', 'event source'])(
    'answers "%s" with what SSE is good at',
    async (text) => {
      expect((await command(text)).text).toMatch(/^Server-Sent Events \(SSE\): .* It has the edge on protocol/);
    },
  );

  it('explains usage for "help"', async () => {
    const answer = await command('help');
    expect(answer.text).toMatch(/^How to use \/realtime/);
    expect(visibleText(answer)).toContain('/realtime compare');
    expect(visibleText(answer)).toContain('`/realtime websocket` or `/realtime sse`');
  });

  it('answers a word it cannot place with help and suggestions', async () => {
    const answer = await command('compair');
    expect(answer.text).toBe('I could not place “compair”. Did you mean /realtime compare?');
    expect(visibleText(answer)).toContain('Did you mean:');
    expect(h.slack.findButtons({ message: { ephemeralId: answer.id } }).map((b) => b.text)[0]).toBe(
      '/realtime compare',
    );
  });

  it('runs the suggested command in place when its button is clicked', async () => {
    const answer = await command('compair');
    expectAcked(await h.slack.clickButtonByText({ text: '/realtime compare', message: { ephemeralId: answer.id } }));
    await eventually(() =>
      expect(h.lastEphemeral()).toMatchObject({
        id: answer.id,
        text: expect.stringMatching(/^WebSocket vs SSE, the scorecard: SSE has the edge/),
      }),
    );
  });

  it('escapes echoed text once, so a pasted <!channel> or <@U123> pings nobody and & reads as &', async () => {
    // Typed as characters (parts, not a picked mention): Slack sends them entity-encoded.
    const answer = await command(['<!channel> <@U0HUMAN01> we stream LLM tokens & logs to the browser']);
    const raw = JSON.stringify(answer.blocks);
    expect(raw).not.toMatch(/<!channel>|<@U0HUMAN01>/);
    expect(raw).toContain('You asked: &lt;!channel&gt; &lt;@U0HUMAN01&gt; we stream LLM tokens &amp; logs');
    expect(raw).not.toContain('&amp;amp;');
    expect(raw).not.toContain('&amp;lt;');
    const unplaced = await command('<!here>');
    expect(JSON.stringify(unplaced)).not.toContain('<!here>');
  });
});

describe('when a response_url has expired', () => {
  it('tells the person privately to run the command again', async () => {
    await h.slack.slashCommand({ text: '' });
    const question = h.lastEphemeral();
    h.slack.injectFault('response_url', { error: 'expired_url', status: 404 });
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: question.id } });
    const notice = await eventually(() => {
      const last = h.lastEphemeral();
      expect(last.id).not.toBe(question.id);
      return last;
    });
    expect(notice.text).toMatch(/This message has expired.*Run `\/realtime` again/);
    expect(h.slack.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({ channel: GENERAL, user: HUMAN });
  });
});
