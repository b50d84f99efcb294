import { describe, expect, it } from 'vitest';
import { clip, decodeEntities, escapeText, fromSlack, plainText, quote, without } from '../../src/slack/slack-text.js';

/** No lone surrogate: half an emoji is what a cut in the wrong place posts. */
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('text as Slack sends it', () => {
  it('decodes the three entities once, so "Q&A, latency < 1s" reads as the person typed it', () => {
    expect(plainText(fromSlack('our Q&amp;A page, latency &lt; 1s &gt; 0'))).toBe('our Q&A page, latency < 1s > 0');
    // Typed literally as "&amp;lt;": Slack sends "&amp;amp;lt;", which is "&amp;lt;" again after one decode.
    expect(decodeEntities('&amp;amp;lt;')).toBe('&amp;lt;');
    expect(decodeEntities('AT&T & co &nbsp;')).toBe('AT&T & co &nbsp;');
  });

  it('reads a lone surrogate (JSON can carry one) as U+FFFD, and keeps a pair that makes an emoji', () => {
    expect(plainText(fromSlack('a\ud800b \udc00 c \ud83d\ude00'))).toBe('a\ufffdb \ufffd c 😀');
  });

  it('reads mentions, channels, links and broadcasts out of the markup', () => {
    const text = fromSlack(
      '<@U0LAN0Z89> ask <@W222|ada> in <#C0123|eng-web> about <https://example.com/a?b=1&amp;c=2|the doc> or <!here> <!subteam^S1|@platform>',
    );
    expect(text.segments).toEqual([
      { kind: 'user', id: 'U0LAN0Z89' },
      { kind: 'text', text: ' ask ' },
      { kind: 'user', id: 'W222', label: 'ada' },
      { kind: 'text', text: ' in ' },
      { kind: 'channel', id: 'C0123', label: 'eng-web' },
      { kind: 'text', text: ' about ' },
      { kind: 'link', url: 'https://example.com/a?b=1&c=2', label: 'the doc' },
      { kind: 'text', text: ' or ' },
      { kind: 'special', name: 'here' },
      { kind: 'text', text: ' ' },
      { kind: 'special', name: 'subteam^S1', label: '@platform' },
    ]);
    expect(plainText(text)).toBe('@someone ask @ada in #eng-web about the doc or @here @platform');
  });

  it('leaves out the mention of the app itself when asked to', () => {
    const text = fromSlack('<@UAPP> we stream &lt;tokens&gt; to <@U2|bo>');
    expect(plainText(without(text, (s) => s.kind === 'user' && s.id === 'UAPP')).trim()).toBe(
      'we stream <tokens> to @bo',
    );
  });

  it('keeps a stray "<" or ">" that is not markup as text', () => {
    expect(plainText(fromSlack('a <> b'))).toBe('a <> b');
    expect(plainText(fromSlack('x < y <@U1|ann> z'))).toBe('x < y @ann z');
  });
});

describe('text going out', () => {
  it('escapes what a person typed, so a pasted <!channel> pings nobody', () => {
    expect(escapeText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('quotes in public without notifying anyone: names as words, links still links', () => {
    const text = fromSlack(
      '<@U1|ada> says Q&amp;A is slow &lt; 1s, see <https://x.test/a?b&amp;c|docs> <!channel> <@U2> <#C9|web>',
    );
    expect(quote(text, 'public', 500)).toBe(
      '@ada says Q&amp;A is slow &lt; 1s, see <https://x.test/a?b&amp;c|docs> @channel @someone <#C9|web>',
    );
  });

  it('lets a private quote render mentions as Slack does, and still never a broadcast', () => {
    expect(quote(fromSlack('<@U1|ada> and <!here>'), 'private', 500)).toBe('<@U1> and @here');
  });

  it('puts a quote on one line and cuts it on characters as people see them', () => {
    expect(quote(fromSlack('  first\n\n  second\tthird  '), 'public', 500)).toBe('first second third');
    const family = '👨‍👩‍👧';
    const quoted = quote(fromSlack(`${'a'.repeat(495)}${family}${family}`), 'public', 500);
    expect(quoted).toBe(`${'a'.repeat(495)}…`);
    expect(wellFormed(quoted)).toBe(true);
  });

  it('keeps a link whole or leaves it out when the quote is cut', () => {
    const quoted = quote(fromSlack(`${'w '.repeat(240)}<https://example.com/long|a long label here>`), 'public', 490);
    expect(quoted).not.toContain('<https');
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('clip', () => {
  it('never splits an emoji into a lone surrogate', () => {
    const text = `${'x'.repeat(9)}😀😀`;
    const clipped = clip(text, 11);
    expect(clipped).toBe(`${'x'.repeat(9)}…`);
    expect(wellFormed(clipped)).toBe(true);
    expect(clip('short', 10)).toBe('short');
  });
});

describe('hostile text', () => {
  // Linear time is checked by bench/text.ts, which prints its figures; here the same inputs give right answers.
  const n = 40_000;
  it.each([
    ['unclosed mentions', '<@U'.repeat(n / 3)],
    ['one closing bracket at the end', `${'<@U'.repeat(n / 3)}>`],
    ['brackets only', '<'.repeat(n)],
    ['entities', '&amp;'.repeat(n / 5)],
    ['a pipe-heavy label', `<https://x|${'|'.repeat(n)}>`],
  ])('reads %s of 40,000 characters', (_name, raw) => {
    const text = fromSlack(raw);
    expect(plainText(text).length).toBeGreaterThan(0);
    expect(quote(text, 'public', 500).length).toBeLessThanOrEqual(500 * 5);
  });
});
