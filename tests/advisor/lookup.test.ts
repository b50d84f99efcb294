import { describe, expect, it } from 'vitest';
import { interpret, suggestKeywords } from '../../src/advisor/lookup.js';
import { websocketVsSse } from './helpers.js';

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
});
