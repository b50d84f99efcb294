import { describe, expect, it } from 'vitest';
import { interpret, suggestKeywords } from '../../src/advisor/lookup.js';
import { advisor, websocketVsSse } from './helpers.js';

describe('look-ups', () => {
  it.each([
    ['', 'wizard'],
    ['   ', 'wizard'],
    ['help', 'help'],
    ['HELP', 'help'],
    ['?', 'help'],
    ['compare', 'compare'],
    ['scorecard', 'compare'],
    ['neither', 'neither'],
    ['alternatives', 'neither'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(interpret(websocketVsSse, text).kind).toBe(kind);
  });

  it.each([
    ['reconnect', 'reconnection'],
    ['Reconnection', 'reconnection'],
    ['proxies', 'infra'],
    ['binary', 'payload-types'],
    ['payload types', 'payload-types'],
    ['connection limits', 'connection-limits'],
    ['Infra & proxies', 'infra'],
    ['direction', 'direction'],
    ['protocol', 'protocol'],
  ])('finds the dimension "%s" by name or alias', (text, id) => {
    expect(interpret(websocketVsSse, text)).toMatchObject({ kind: 'dimension', dimension: { id } });
  });

  it('treats anything longer than two words as a situation, even if it contains a keyword', () => {
    expect(interpret(websocketVsSse, 'help me stream binary audio')).toEqual({
      kind: 'situation',
      text: 'help me stream binary audio',
    });
  });

  it('lets a short text that is no keyword be a situation ("chat app")', () => {
    expect(interpret(websocketVsSse, 'chat app')).toEqual({ kind: 'situation', text: 'chat app' });
  });

  it('suggests the keywords closest to a typo', () => {
    expect(suggestKeywords(websocketVsSse, 'compair')).toContain('compare');
    expect(suggestKeywords(websocketVsSse, 'reconect')).toContain('reconnect');
    expect(suggestKeywords(websocketVsSse, 'xylophone')).toEqual([]);
  });

  it.each([
    ['websocket', 'websocket'],
    ['WebSockets', 'websocket'],
    ['ws', 'websocket'],
    ['web sockets', 'websocket'],
    ['sse', 'sse'],
    ['SSE?', 'sse'],
    ['server-sent events', 'sse'],
    ['Server Sent Events', 'sse'],
    ['eventsource', 'sse'],
    ['EventSource', 'sse'],
    ['event source', 'sse'],
  ])('finds the technology "%s" by id, name or alias', (text, id) => {
    expect(interpret(websocketVsSse, text)).toMatchObject({ kind: 'technology', technology: { id } });
  });

  it('keeps a sentence that names both technologies a situation, not a look-up', () => {
    expect(interpret(websocketVsSse, 'websocket or sse for our chat').kind).toBe('situation');
    expect(interpret(websocketVsSse, 'websockets vs sse').kind).toBe('situation');
  });

  it('suggests a technology for a typo of its name', () => {
    expect(suggestKeywords(websocketVsSse, 'websocet')).toContain('websocket');
    expect(suggestKeywords(websocketVsSse, 'eventsorce')).toContain('eventsource');
  });
});

describe('a technology by name, from the advisor', () => {
  const profileOf = (text: string) => {
    const reply = advisor.reply(text);
    if (reply.kind !== 'technology') throw new Error(`expected a technology, got ${reply.kind}`);
    return reply.profile;
  };

  it('gives SSE its scorecard edges and every quick take and situational pick that picks it', () => {
    const sse = profileOf('server-sent events');
    expect(sse.technology.id).toBe('sse');
    expect(sse.strengths.map((d) => d.id)).toEqual(['protocol', 'reconnection', 'infra']);
    expect(sse.wins.map((e) => e.id)).toEqual([
      'server-to-client-only',
      'llm-tokens-or-logs',
      'proxies-and-reconnect',
      'dashboard-feed-ticker',
      'llm-responses',
      'rare-client-events',
    ]);
    expect(sse.others.map((t) => t.id)).toEqual(['websocket']);
    expect(sse.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['seed', 'whatwg-sse', 'mdn-eventsource']));
  });

  it('gives WebSocket its edge on payloads and the situations that pick it, none that pick SSE', () => {
    const ws = profileOf('ws');
    expect(ws.strengths.map((d) => d.id)).toEqual(['payload-types']);
    expect(ws.wins.map((e) => e.id)).toEqual([
      'client-sends-low-latency',
      'binary-frames',
      'chat-multiplayer-collab',
      'chat-game-editor',
    ]);
    expect(ws.wins.every((e) => e.pick === 'websocket')).toBe(true);
  });
});
