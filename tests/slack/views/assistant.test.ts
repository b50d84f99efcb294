/**
 * The assistant panel's pure parts: its words (prompts from the data, the title, the greeting) and how the case is
 * read from the thread (where it begins, what it starts from).
 */
import { describe, expect, it } from 'vitest';
import { panelCase, type ThreadMessage } from '../../../src/slack/assistant-case.js';
import { ACTION } from '../../../src/slack/ids.js';
import { verdictShapeValue } from '../../../src/slack/values.js';
import { greetingMessage, MAX_PROMPTS, suggestedPrompts, threadTitle } from '../../../src/slack/views/assistant.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';

describe('the panel’s words', () => {
  it('suggests the data’s situations and the comparison, at most four as Slack allows', () => {
    const { prompts } = suggestedPrompts(comparison);
    expect(prompts.length).toBeLessThanOrEqual(MAX_PROMPTS);
    const situations = comparison.situationalPicks.map((p) => p.situation);
    for (const prompt of prompts.slice(0, -1)) expect(situations).toContain(prompt.message);
    expect(prompts.at(-1)).toEqual({ title: 'Compare WebSocket and SSE', message: 'compare' });
    // Each prompt is understood: a situation reaches a verdict, the last one the scorecard.
    for (const prompt of prompts.slice(0, -1)) expect(advisor.reply(prompt.message).kind).toBe('understood');
    expect(advisor.reply('compare').kind).toBe('compare');
  });

  it('greets in one line', () => {
    const { text, blocks } = greetingMessage();
    expect(text).not.toContain('\n');
    expect(blocks).toHaveLength(1);
  });

  it('titles a thread with the situation’s first line, clipped on a word', () => {
    expect(threadTitle('  we stream LLM tokens\nto the browser ')).toBe('we stream LLM tokens');
    const long = threadTitle(`${'realtime order tracking for couriers '.repeat(5)}`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/couriers…$|for…$|tracking…$|order…$|realtime…$/);
  });
});

describe('the case, read from the thread', () => {
  const person = 'U1';
  const botUserId = 'UBOT';
  let ts = 0;
  const next = () => `1700000000.${String(++ts).padStart(6, '0')}`;
  const said = (text: string): ThreadMessage => ({ ts: next(), user: person, text });
  const app = (blocks: unknown[]): ThreadMessage => ({ ts: next(), user: botUserId, bot_id: 'B1', blocks });
  const root: ThreadMessage = { ts: next(), user: person, subtype: 'assistant_app_thread', text: 'Chats from …' };
  const greeting = app([{ type: 'context', elements: [] }]);
  const read = (messages: ThreadMessage[], current: ThreadMessage) =>
    panelCase(advisor, messages, { ts: current.ts ?? '', text: current.text ?? '' }, { person, botUserId });

  it('begins at the thread’s first situation, which titles it', () => {
    const first = said('we stream LLM tokens to the browser');
    expect(read([root, greeting, first], first)).toEqual({
      texts: ['we stream LLM tokens to the browser'],
      begins: true,
    });
  });

  it('reads every situation since, and leaves keywords out', () => {
    const a = said('we stream LLM tokens to the browser');
    const answer = app(wizardMessage(advisor.understand(a.text ?? '').view).blocks);
    const compare = said('compare');
    const b = said('actually the client also sends cursor positions');
    // The answer to `a` was a verdict: the case starts from it.
    const fromVerdict = read([root, greeting, a, answer, compare, b], b);
    const verdict = advisor.understand(a.text ?? '').view;
    expect(verdict.kind).toBe('verdict');
    expect(fromVerdict).toEqual({
      earlier: verdict.kind === 'verdict' ? verdict.state : undefined,
      texts: ['actually the client also sends cursor positions'],
      begins: false,
    });
    // Without an answer in between (it could not be posted), both messages make the case.
    expect(read([root, greeting, a, compare, b], b).texts).toEqual([a.text, b.text]);
  });

  it('starts from the verdict as it is now, with what was changed by button', () => {
    const verdict = advisor.understand('we stream LLM tokens to the browser').view;
    if (verdict.kind !== 'verdict') throw new Error('expected a verdict');
    const message = app(wizardMessage(verdict).blocks);
    const why = JSON.stringify(message.blocks).includes(ACTION.why);
    expect(why).toBe(true);
    const later = said('it has to work through proxies');
    const decoded = verdictShapeValue.decode(
      (message.blocks as { elements?: { action_id: string; value: string }[] }[])
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === ACTION.why)?.value ?? '',
    );
    expect(read([root, greeting, message, later], later).earlier).toBe(decoded.ok ? decoded.value.state : 'none');
  });

  it('begins again after a typed start over, and after the Start over button left the first question', () => {
    const a = said('raw jpeg bytes to the browser, nothing goes back');
    const over = said('start over');
    const fresh = app(wizardMessage(advisor.start()).blocks);
    const b = said('a live dashboard of order status');
    expect(read([root, greeting, a, over, b], b)).toEqual({ texts: [b.text], begins: true });
    expect(read([root, greeting, a, fresh, b], b)).toEqual({ texts: [b.text], begins: true });
  });

  it('counts the newest message even when the thread was read before it arrived', () => {
    const a = said('we stream LLM tokens to the browser');
    expect(read([root, greeting], a).texts).toEqual([a.text]);
  });

  it('reads the message onto a verdict that landed after it was sent, and leaves later messages to their turn', () => {
    const a = said('we stream LLM tokens to the browser');
    const b = said('actually the client also sends cursor positions');
    const answerToA = app(wizardMessage(advisor.understand(a.text ?? '').view).blocks);
    const c = said('and we send raw jpeg bytes');
    const caseOfB = read([root, greeting, a, b, answerToA, c], b);
    expect(caseOfB.earlier).toBeDefined();
    expect(caseOfB.texts).toEqual([b.text]);
  });

  it('never reads another person’s or another app’s messages into the case', () => {
    const other = { ts: next(), user: 'U2', text: 'we send raw jpeg bytes' };
    const bot = { ts: next(), bot_id: 'B2', subtype: 'bot_message', text: 'we send raw jpeg bytes' };
    const a = said('a live dashboard of order status');
    expect(read([root, greeting, other, bot, a], a).texts).toEqual([a.text]);
  });
});
