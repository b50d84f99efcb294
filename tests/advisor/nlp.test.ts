import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/advisor/nlp.js';

const words = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('reads a text the same whatever the process read before it', () => {
    const text = "clients receive everyone else's merges and we're done";
    const first = words(text);
    expect(first).toContain('else');
    // wink keeps a word it read whole before punctuation ("else's,") in its process-wide cache of words.
    for (const other of ["gets everyone else's, plus cursors", "we're here.", "(it's fine)", "nobody else's; really"])
      tokenize(other);
    expect(words(text)).toEqual(first);
  });

  it('quotes the person’s own characters where it reads a clitic before punctuation apart', () => {
    const text = "gets everyone else's, plus we're ok.";
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'gets',
      'everyone',
      'else',
      "'s",
      ',',
      'plus',
      'we',
      "'re",
      'ok',
      '.',
    ]);
  });
});
