/**
 * Every message the app can send, built from every state and every piece of advice, checked against Block Kit's
 * limits (with the same validator the Slack stand-in uses to refuse what Slack refuses) and for a text fallback.
 */
import { describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../../../sandbox/standin/block-kit.js';
import type { WizardView } from '../../../src/advisor/index.js';
import { technologyProfile } from '../../../src/advisor/profile.js';
import { ACTION } from '../../../src/slack/ids.js';
import { describeSlackError } from '../../../src/slack/slack-errors.js';
import { fromSlack } from '../../../src/slack/slack-text.js';
import { quotedBlocks } from '../../../src/slack/views/advice.js';
import { greetingMessage, noChannelInViewMessage, panelAnswerMessage } from '../../../src/slack/views/assistant.js';
import type { SlackMessage } from '../../../src/slack/views/blocks.js';
import {
  feedbackModal,
  HISTORY_LIMIT,
  HOME_DECISIONS_LIMIT,
  historyMessage,
  homeDecisionBlocks,
  withFeedback,
} from '../../../src/slack/views/decisions.js';
import { outOfDateMessage, problemMessage } from '../../../src/slack/views/problems.js';
import {
  dimensionMessage,
  helpMessage,
  neitherMessage,
  scorecardMessage,
  technologyMessage,
} from '../../../src/slack/views/reference.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { sharedAdvice, sharedVerdict } from '../../../src/slack/views/share.js';
import { homeView, modalView } from '../../../src/slack/views/surfaces.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';

/** A person's long text as Slack would send it, quoted back to them. */
const asked = (text: string) => ({
  text: fromSlack(text),
  audience: 'private' as const,
  author: { kind: 'asker' as const },
});

import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';

function everyWizardView(): WizardView[] {
  const seen = new Map<string, WizardView>();
  const visit = (view: WizardView, key: string) => {
    if (seen.has(key)) return;
    seen.set(key, view);
    const next = view.kind === 'question' ? view.options.map((o) => o.next) : view.change.map((c) => c.state);
    for (const state of [...next, ...(view.back ? [view.back] : [])]) {
      const resumed = advisor.resume(state);
      if (resumed.ok) visit(resumed.view, state);
    }
  };
  visit(advisor.start(), 'start');
  return [...seen.values()];
}

const wizardViews = everyWizardView();
const verdicts = wizardViews.filter((v) => v.kind === 'verdict');
const entries = [...comparison.quickTakes, ...comparison.situationalPicks, ...comparison.neither].map((e) => {
  const match = advisor.entry(e.id);
  if (!match) throw new Error(`no entry ${e.id}`);
  return match;
});
const longText = `${'we stream LLM tokens to the browser <!channel> & more '.repeat(120)}`;

/** Free text that reaches each kind of reply: a verdict, a neither verdict, a conflict, every condition at once. */
const everyCondition = (comparison.understanding?.cues ?? [])
  .filter((c) => 'condition' in c.means)
  .map((c) => `${c.phrases[0]} ${'x'.repeat(70)} ${c.phrases.at(-1)}`)
  .join('. ');
const textReplies: [string, string][] = [
  ['a verdict', 'crypto price ticker on our landing page, visitors never send anything on that channel'],
  ['a neither verdict', 'the kiosk browser is ie9: no EventSource and no websocket either'],
  ['a question', 'we need realtime updates, what should we use?'],
  ['a conflict', 'a live dashboard that is also a chat'],
  ['every condition, long words', everyCondition],
  ['long text', longText],
];
/** Every view a click can reach from those replies (answers, Change, Not so). */
function viewsFrom(start: WizardView): WizardView[] {
  const seen = new Map<string, WizardView>();
  const visit = (view: WizardView, key: string) => {
    if (seen.has(key) || seen.size > 200) return;
    seen.set(key, view);
    const next =
      view.kind === 'question'
        ? view.options.map((o) => o.next)
        : [...view.change.map((c) => c.state), ...(view.understood?.conditions.map((c) => c.drop) ?? [])];
    for (const state of next) {
      const resumed = advisor.resume(state);
      if (resumed.ok) visit(resumed.view, state);
    }
  };
  visit(start, 'start');
  return [...seen.values()];
}
const textViews = textReplies.flatMap(([, text]) => viewsFrom(advisor.understand(text).view));
const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };

const messages: [string, SlackMessage][] = [
  ...wizardViews.map((v, i): [string, SlackMessage] => [`wizard view ${i} (${v.kind})`, wizardMessage(v, 'message')]),
  ...verdicts.map((v, i): [string, SlackMessage] => [
    `verdict ${i} expanded`,
    wizardMessage(v, 'message', [], { expanded: true }),
  ]),
  ...verdicts.map((v, i): [string, SlackMessage] => [`verdict ${i} shared: channel`, sharedVerdict(v, 'U1').channel]),
  ...verdicts.map((v, i): [string, SlackMessage] => [`verdict ${i} shared: thread`, sharedVerdict(v, 'U1').thread]),
  ...verdicts.map((v, i): [string, SlackMessage] => [`verdict ${i} shared: combined`, sharedVerdict(v, 'U1').combined]),
  ...entries.map((m): [string, SlackMessage] => [`advice ${m.id} shared`, sharedAdvice(comparison, m, 'U1').combined]),
  ...textReplies.map(([name, text]): [string, SlackMessage] => [
    `free text: ${name}`,
    replyMessage(advisor.reply(text), { audience: 'private', wizardButton, asked: fromSlack(text) }),
  ]),
  ...textReplies.map(([name, text]): [string, SlackMessage] => [
    `free text in public: ${name}`,
    replyMessage(advisor.reply(text), { audience: 'public', wizardButton, asked: fromSlack(text) }),
  ]),
  ...textViews.map((v, i): [string, SlackMessage] => [`free-text wizard view ${i} (${v.kind})`, wizardMessage(v)]),
  ['scorecard', scorecardMessage(comparison)],
  ...comparison.dimensions.map((d): [string, SlackMessage] => [`dimension ${d.id}`, dimensionMessage(comparison, d)]),
  ...comparison.technologies.map((t): [string, SlackMessage] => [
    `technology ${t.id}`,
    technologyMessage(comparison, technologyProfile(comparison, t)),
  ]),
  ['neither', neitherMessage(comparison)],
  ['help', helpMessage(comparison)],
  ['help for an unplaced text', helpMessage(comparison, longText, ['compare', 'reconnect'])],
  [
    'mention intro',
    replyMessage({ kind: 'wizard', view: advisor.start() as never }, { audience: 'public', wizardButton }),
  ],
  ['assistant panel greeting', greetingMessage()],
  ['assistant panel, no channel in view to share in', noChannelInViewMessage()],
  ...textReplies.map(([name, text]): [string, SlackMessage] => [
    `assistant panel, thread unread: ${name}`,
    panelAnswerMessage(advisor.reply(text), {
      asked: fromSlack(text),
      wizardActionId: ACTION.startOver,
      startValue: advisor.startValue(),
      threadUnread: true,
    }),
  ]),
  ...textReplies.map(([name, text]): [string, SlackMessage] => {
    // A long conversation about one case, and a last message that says nothing new.
    const refined = advisor.refine([text, longText, text]);
    const reply = advisor.reply(text);
    const shown = reply.kind === 'understood' ? { ...reply, view: refined.view, reading: refined.reading } : reply;
    return [
      `assistant panel, a follow-up with nothing new: ${name}`,
      panelAnswerMessage(shown, {
        asked: fromSlack(longText),
        wizardActionId: ACTION.startOver,
        startValue: advisor.startValue(),
        nothingNew: true,
      }),
    ];
  }),
  ['out of date', outOfDateMessage(advisor.startValue())],
  [
    'problem',
    problemMessage(
      'share this',
      describeSlackError({ code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } }),
    ),
  ],
];

describe('every message stays within Block Kit limits and has a text fallback', () => {
  it('covers every wizard view the advisor can reach', () => {
    expect(wizardViews.length).toBeGreaterThan(30);
    expect(verdicts).toHaveLength(16);
  });

  it.each(messages)('%s', (_name, message) => {
    expect(validateBlocks(message.blocks, 'message')).toEqual({ ok: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.trim().length).toBeGreaterThan(10);
    expect(message.text.length).toBeLessThanOrEqual(4000);
  });

  it('states the point in the text fallback: the question, or the verdict', () => {
    expect(wizardMessage(advisor.start()).text).toBe('Question 1 of 3: Which direction does data flow?');
    const sse = verdicts.find((v) => v.kind === 'verdict' && v.verdict.outcomeId === 'text-push');
    expect(sse && wizardMessage(sse).text).toMatch(
      /^Verdict: SSE, one-way server push over plain HTTP \((strong|clear|leaning) pick\)$/,
    );
  });

  it('keeps every free-text state within a button value, quotes clipped', () => {
    for (const view of textViews) {
      const values = view.kind === 'question' ? view.options.map((o) => o.next) : [view.state];
      for (const value of values) expect(value.length).toBeLessThanOrEqual(2000);
    }
  });

  it('escapes echoed text everywhere it is quoted', () => {
    const raw = JSON.stringify(
      replyMessage(advisor.reply(longText), { audience: 'private', wizardButton, asked: fromSlack(longText) }),
    );
    expect(raw).not.toContain('<!channel>');
    expect(JSON.stringify(helpMessage(comparison, '<!here> <@U1>', []))).not.toMatch(/<!here>|<@U1>/);
  });
});

describe('modals and the Home tab are valid views', () => {
  const ctx = { channel: 'C1', threadTs: '1.000100', situation: longText.repeat(3) };
  it.each([
    ...wizardViews.map((v, i): [string, unknown] => [
      `modal wizard view ${i}`,
      modalView(
        wizardMessage(v, 'modal').blocks,
        { ...ctx, wizard: v.kind === 'verdict' ? v.state : undefined },
        v.kind === 'verdict',
      ),
    ]),
    ...verdicts.map((v, i): [string, unknown] => [
      `modal verdict ${i} expanded`,
      modalView(wizardMessage(v, 'modal', [], { expanded: true }).blocks, { ...ctx, wizard: v.state }, true),
    ]),
    ...textViews.map((v, i): [string, unknown] => [
      `modal free-text view ${i}`,
      modalView(
        wizardMessage(v, 'modal', quotedBlocks(asked(longText))).blocks,
        { ...ctx, wizard: v.kind === 'verdict' ? v.state : undefined },
        v.kind === 'verdict',
      ),
    ]),
    ['modal for a message of 2,000 quotes', modalView([], { ...ctx, situation: '"'.repeat(2000) }, true)],
    ['modal for a message of 1,500 emoji', modalView([], { ...ctx, situation: '😀'.repeat(1500) }, true)],
    ['home', homeView(comparison, advisor.startValue())],
  ])('%s', (_name, view) => {
    expect(validateView(view)).toEqual({ ok: true });
  });

  it('shows the submit button only when there is something to post: in its thread, or where the person picks', () => {
    expect(modalView([], ctx, true).submit?.text).toBe('Reply in thread');
    expect(modalView([], {}, true).submit?.text).toBe('Post'); // opened from Home: a conversation is picked
    expect(validateView(modalView([], {}, true))).toEqual({ ok: true });
    expect(modalView([], ctx, false).submit).toBeUndefined();
    expect(modalView([], {}, false).submit).toBeUndefined();
  });
});

describe('the decision log within Block Kit’s limits', () => {
  const verdict = verdicts[0];
  if (verdict?.kind !== 'verdict') throw new Error('no verdict');
  const stored = { answers: verdict.state, pick: verdict.verdict.pick.id, dataVersion: 'an older version' };
  const decision = (id: number, feedback: boolean) => ({
    id: String(id),
    teamId: 'T1',
    enterpriseId: null,
    channelId: 'C1',
    inPublicChannel: true,
    threadTs: null,
    userId: 'U1',
    ...stored,
    permalink: { url: null, reason: longText },
    situation: longText,
    createdAt: new Date('2026-07-01T10:00:00Z'),
    feedback: feedback ? { answer: 'no' as const, note: longText, at: new Date() } : null,
  });
  const past = Array.from({ length: HISTORY_LIMIT }, (_, i) => {
    const d = decision(i + 1, i % 2 === 0);
    return { decision: d, revisited: advisor.revisit({ ...stored, pick: 'neither-of-them' }) };
  });

  it('keeps a full Home tab, with the most decisions it shows, within a view’s limits', () => {
    const home = homeView(comparison, advisor.startValue());
    const view = {
      ...home,
      blocks: [...home.blocks, ...homeDecisionBlocks(past.slice(0, HOME_DECISIONS_LIMIT), 'U1')],
    };
    expect(validateView(view)).toEqual({ ok: true });
  });

  it('keeps a full history, a share confirmation and the note modal within a message’s limits', () => {
    const message = historyMessage('C1', past, 'U1');
    expect(validateBlocks(message.blocks, 'message')).toEqual({ ok: true });
    expect(message.text).toMatch(/^The last 10 decisions shared in <#C1>/);
    const confirmation = withFeedback({ text: 'Shared', blocks: [] }, decision(1, false));
    expect(validateBlocks(confirmation.blocks, 'message')).toEqual({ ok: true });
    expect(validateView(feedbackModal(decision(1, false), 'SSE', 'yes', true))).toEqual({ ok: true });
  });
});
