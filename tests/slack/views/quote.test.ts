/** A person's words quoted above the advice: attributed to whoever wrote them, encoded for Slack once. */
import { describe, expect, it } from 'vitest';
import { fromSlack } from '../../../src/slack/slack-text.js';
import { type Quote, quotedBlocks } from '../../../src/slack/views/advice.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor } from '../../advisor/helpers.js';
import { visibleText } from '../harness.js';

const SLACK_TEXT =
  'our Q&amp;A page, latency &lt; 1s, see <https://example.com/a?x=1&amp;y=2|the doc>, cc <@U0ADA|ada>';
const quoteLine = (quote: Quote) =>
  visibleText(wizardMessage(advisor.understand('a live dashboard').view, 'message', quotedBlocks(quote)))
    .split('\n')
    .find((line) => line.includes('Q&'));

describe('quoting what a person wrote', () => {
  it('shows their text as they typed it, once encoded, with the link still a link', () => {
    const line = quoteLine({ text: fromSlack(SLACK_TEXT), audience: 'public', author: { kind: 'asker' } });
    expect(line).toBe(
      'You asked: our Q&amp;A page, latency &lt; 1s, see <https://example.com/a?x=1&amp;y=2|the doc>, cc @ada',
    );
  });

  it("quotes someone else's message as theirs, not as the person's own question", () => {
    const text = fromSlack(SLACK_TEXT);
    expect(quoteLine({ text, audience: 'private', author: { kind: 'message', user: 'U0BO' } })).toMatch(
      /^<@U0BO> wrote: our Q&amp;A page.*cc <@U0ADA>$/,
    );
    expect(quoteLine({ text, audience: 'private', author: { kind: 'message' } })).toMatch(/^The message says: /);
  });
});
