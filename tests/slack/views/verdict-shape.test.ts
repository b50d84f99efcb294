/**
 * A verdict opens collapsed (the pick, the reason that decided it, the caveat that matters most, the buttons) and
 * stays short on every wizard path and for every free-text verdict of the evaluation sets; "Why?" expands it in
 * place to the full reasoning, and "Show less" collapses it again.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VerdictView, WizardView } from '../../../src/advisor/index.js';
import { allAnswerPaths } from '../../../src/advisor/wizard.js';
import { ACTION } from '../../../src/slack/ids.js';
import { fromSlack } from '../../../src/slack/slack-text.js';
import { navigationValue } from '../../../src/slack/values.js';
import type { KnownBlock, SlackMessage } from '../../../src/slack/views/blocks.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';
import { tablesIn } from '../harness.js';

const BLOCKS_MAX = 6;
const VISIBLE_MAX = 600;

/** What a person reads: every text and button label, with mrkdwn's markup and link targets taken out. */
function visibleCharacters(blocks: readonly KnownBlock[]): number {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(blocks);
  const shown = texts
    .join('')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<[#@]([A-Z0-9]+)>/g, '#channel')
    .replace(/:[a-z_]+:/g, '!')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[*_]/g, '');
  return [...shown].length;
}

const here = dirname(fileURLToPath(import.meta.url));
const evalSet = (path: string) =>
  (JSON.parse(readFileSync(join(here, '../../advisor/eval', path), 'utf8')) as { situation: string }[]).map(
    (s) => s.situation,
  );
const situations = [...evalSet('development.json'), ...evalSet('round2/development.json')];

const wizardVerdicts = allAnswerPaths(comparison).map((answers) => {
  let view: WizardView = advisor.start();
  while (view.kind === 'question') {
    const question = view.question.id;
    const option = view.options.find((o) => o.id === answers[question]);
    const next = advisor.resume(option?.next);
    if (!next.ok) throw new Error(`no state for ${JSON.stringify(answers)}`);
    view = next.view;
  }
  return [JSON.stringify(answers), view] as const;
});

const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
const textVerdicts = situations.flatMap((situation) => {
  const reply = advisor.reply(situation);
  return reply.kind === 'understood' && reply.view.kind === 'verdict' ? [[situation, reply] as const] : [];
});

const collapsed: [string, SlackMessage][] = [
  ...wizardVerdicts.map(([path, view]): [string, SlackMessage] => [`wizard ${path}`, wizardMessage(view)]),
  ...textVerdicts.flatMap(([situation, reply]): [string, SlackMessage][] => [
    [`/realtime ${situation}`, replyMessage(reply, { audience: 'private', wizardButton, asked: fromSlack(situation) })],
    [
      `@mention ${situation}`,
      replyMessage(reply, {
        audience: 'public',
        wizardButton: { actionId: ACTION.open, value: advisor.startValue() },
        asked: fromSlack(situation),
      }),
    ],
  ]),
];

const buttonsOf = (message: SlackMessage) =>
  message.blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.map((e) => (e.type === 'button' ? e.text.text : e.type)) : [],
  );
const buttonNamed = (message: SlackMessage, label: string) =>
  message.blocks
    .flatMap((b) => (b.type === 'actions' ? b.elements : []))
    .find((e) => e.type === 'button' && e.text.text === label) as { value?: string; action_id?: string } | undefined;

/** Clicks a navigation button the way the listener reads it, and renders what it shows next. */
function click(message: SlackMessage, label: string): SlackMessage {
  const value = buttonNamed(message, label)?.value;
  const decoded = navigationValue.decode(advisor, value);
  if (!decoded.ok) throw new Error(`${label}: ${decoded.error.message}`);
  return wizardMessage(decoded.value.view, 'message', [], decoded.value.shape);
}

describe('a verdict opens collapsed', () => {
  it('walks every wizard path, the new live-media and client-to-server ones included, and free-text verdicts', () => {
    expect(wizardVerdicts).toHaveLength(16);
    const outcomes = new Set(wizardVerdicts.map(([, v]) => (v as VerdictView).verdict.outcomeId));
    expect(outcomes).toContain('live-media');
    expect(outcomes).toContain('client-upload');
    expect(textVerdicts.length).toBeGreaterThan(60);
  });

  it.each(collapsed)('%s: at most 6 blocks and 600 visible characters', (_name, message) => {
    expect(message.blocks.length).toBeLessThanOrEqual(BLOCKS_MAX);
    expect(visibleCharacters(message.blocks)).toBeLessThanOrEqual(VISIBLE_MAX);
  });

  it('shows the pick, the one reason that decided it, the caveat that matters most, and the buttons', () => {
    const view = wizardVerdicts.find(
      ([path]) => path === '{"direction":"server-to-client","binary":"yes","simplicity":"not-much"}',
    )?.[1];
    const message = wizardMessage(view as WizardView);
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(JSON.stringify(message.blocks)).toContain(
      'Binary payloads need binary frames, which WebSockets carry natively and SSE (UTF-8 text only) cannot.',
    );
    expect(JSON.stringify(message.blocks)).toContain('The browser WebSocket API does not reconnect');
    expect(buttonsOf(message)).toEqual(['Share in channel', 'Why?', '← Back', 'Start over']);
  });
});

describe('"Why?" expands the verdict in place, and "Show less" collapses it', () => {
  const first = wizardVerdicts[0]?.[1] as VerdictView;

  it('expands to each answer with its effect and Change button, the deciding rows, every caveat and the sources', () => {
    for (const [, view] of wizardVerdicts) {
      const expanded = click(wizardMessage(view), 'Why?');
      const text = JSON.stringify(expanded.blocks);
      const verdict = (view as VerdictView).verdict;
      for (const reason of verdict.reasons) expect(text).toContain(JSON.stringify(reason.because).slice(1, -1));
      for (const caveat of verdict.caveats) expect(text).toContain(caveat.text);
      // What decided it: a table with one row per deciding scorecard row, below everything else, as Slack shows it.
      const [decided, ...more] = tablesIn(expanded);
      expect(more).toEqual([]);
      if (verdict.decidingRows.length) {
        expect(decided?.[0]).toEqual(['What decided it', 'WebSocket', 'SSE', 'Edge']);
        expect(decided?.slice(1).map((row) => row[0])).toEqual(verdict.decidingRows.map((row) => row.name));
        expect(expanded.blocks.at(-1)?.type).toBe('table');
      } else expect(decided).toBeUndefined();
      expect(buttonsOf(expanded).filter((b) => b === 'Change')).toHaveLength(0); // accessories, not actions
      const changes = expanded.blocks.filter((b) => b.type === 'section' && b.accessory?.type === 'button');
      expect(changes).toHaveLength(verdict.reasons.length);
      expect(buttonsOf(expanded)).toContain('Show less');
      expect(buttonsOf(expanded)).toContain('Full scorecard');
    }
  });

  it('collapses again to the same message', () => {
    const message = wizardMessage(first);
    expect(click(click(message, 'Why?'), 'Show less')).toEqual(message);
  });

  it('keeps the shape on Share, so that a shared verdict is shown as it was', () => {
    const expanded = click(wizardMessage(first), 'Why?');
    expect(buttonNamed(expanded, 'Share in channel')?.value).toMatch(/^v1\|e\|/);
  });
});
