/**
 * The words around a verdict, as people read them: a shared post says nothing in the second person (everyone in
 * the channel reads it), no message says a sentence twice, and "Verdict:" is followed by the verdict, not by a
 * second colon. Checked on every wizard path, on free-text verdicts from the evaluation sets, and on every piece
 * of advice that can be shared.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VerdictView, WizardView } from '../../../src/advisor/index.js';
import { allAnswerPaths } from '../../../src/advisor/wizard.js';
import type { SlackMessage } from '../../../src/slack/views/blocks.js';
import { dimensionMessage, helpMessage, neitherMessage, scorecardMessage } from '../../../src/slack/views/reference.js';
import { sharedAdvice, sharedVerdict } from '../../../src/slack/views/share.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';
import { tablesIn, visibleText } from '../harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const evalSet = (path: string) =>
  (JSON.parse(readFileSync(join(here, '../../advisor/eval', path), 'utf8')) as { situation: string }[]).map(
    (s) => s.situation,
  );

function verdictOf(answers: Record<string, string>): VerdictView {
  let view: WizardView = advisor.start();
  while (view.kind === 'question') {
    const id = view.question.id;
    const next = advisor.resume(view.options.find((o) => o.id === answers[id])?.next);
    if (!next.ok) throw new Error('no next state');
    view = next.view;
  }
  return view;
}

const wizardVerdicts = allAnswerPaths(comparison).map((a) => [JSON.stringify(a), verdictOf(a)] as const);
const textVerdicts = [...evalSet('development.json'), ...evalSet('round2/development.json')].flatMap((situation) => {
  const { view } = advisor.understand(situation);
  return view.kind === 'verdict' ? [[situation, view] as const] : [];
});
const entries = [...comparison.quickTakes, ...comparison.situationalPicks, ...comparison.neither].map(
  (e) => advisor.entry(e.id) ?? (undefined as never),
);

/** All of a post's words that the app wrote: the person's own words (in quotes) are theirs to choose. */
const appWords = (message: SlackMessage) =>
  `${message.text}\n${visibleText(message)}`.replace(/“[^”]*”/g, '“…”').replace(/_\(from [^)]*\)_/g, '');

const posts: [string, SlackMessage][] = [
  ...[...wizardVerdicts, ...textVerdicts].flatMap(([name, view]): [string, SlackMessage][] => {
    const post = sharedVerdict(view, 'U1');
    return [
      [`${name}: channel`, post.channel],
      [`${name}: thread`, post.thread],
      [`${name}: combined`, post.combined],
    ];
  }),
  ...entries.map((m): [string, SlackMessage] => [`advice ${m.id}`, sharedAdvice(comparison, m, 'U1').combined]),
];

describe('a shared post speaks to the channel, not to one person', () => {
  it('covers every wizard path and the free-text verdicts', () => {
    expect(wizardVerdicts).toHaveLength(16);
    expect(textVerdicts.length).toBeGreaterThan(60);
  });

  it.each(posts)('%s: nothing in the second person', (_name, message) => {
    expect(appWords(message)).not.toMatch(/\byou(r|rs|rself|'re|'ve|'d)?\b/i);
  });

  it('quotes a quick take as a situation, not as an assertion about the reader', () => {
    const chat = entries.find((m) => m.id === 'chat-multiplayer-collab');
    expect(sharedAdvice(comparison, chat as never, 'U1').channel.blocks[0]).toMatchObject({
      text: {
        text: '<@U1> ran the Realtime Advisor: *WebSocket, for “Building chat, multiplayer, or collaborative editing”*',
      },
    });
    const polling = entries.find((m) => m.id === 'long-polling');
    expect(sharedAdvice(comparison, polling as never, 'U1').channel.text).toBe(
      '<@U1> ran the Realtime Advisor: Verdict: Long polling, if a fallback must work on the most restrictive networks',
    );
  });
});

const sentences = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/[*_•]/g, '').trim())
    .filter((s) => s.length > 25);

const messages: [string, SlackMessage][] = [
  ...[...wizardVerdicts, ...textVerdicts].flatMap(([name, view]): [string, SlackMessage][] => [
    [`${name}: collapsed`, wizardMessage(view)],
    [`${name}: shared thread`, sharedVerdict(view, 'U1').thread],
  ]),
  ['/realtime neither', neitherMessage(comparison)],
  ['/realtime compare', scorecardMessage(comparison)],
  ...comparison.dimensions.map((d): [string, SlackMessage] => [`/realtime ${d.id}`, dimensionMessage(comparison, d)]),
];

describe('every message says each thing once', () => {
  it.each(messages)('%s: no sentence twice, no "Verdict: X: y"', (_name, message) => {
    const said = sentences(visibleText(message));
    expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
    expect(`${message.text}\n${visibleText(message)}`).not.toMatch(/Verdict: [^:\n]*: /);
  });

  it('says "it depends" wherever a row has no winner, in the scorecard and in its own look-up', () => {
    const direction = comparison.dimensions.find((d) => d.id === 'direction');
    expect(tablesIn(scorecardMessage(comparison))[0]).toContainEqual([
      'Direction',
      'Bidirectional',
      'Server → client only',
      'It depends',
    ]);
    expect(visibleText(dimensionMessage(comparison, direction as never))).toContain('Direction (edge: it depends)');
    expect(visibleText(scorecardMessage(comparison))).not.toMatch(/\(depends\)/);
  });

  it('explains a row to a reader, not to the data\'s authors ("The seed says…")', () => {
    for (const d of comparison.dimensions)
      expect(visibleText(dimensionMessage(comparison, d))).not.toMatch(/\bseed\b/i);
    for (const [, view] of textVerdicts) expect(visibleText(sharedVerdict(view, 'U1').thread)).not.toMatch(/\bseed\b/i);
  });

  it('lists when to pick neither with each condition once', () => {
    expect(visibleText(neitherMessage(comparison))).toContain(
      '*Service-to-service streaming*, if both ends are backend services, with no browser involved.',
    );
  });
});

describe('sources', () => {
  const links = (message: SlackMessage) => (visibleText(message).match(/<https?:[^|>]+\|/g) ?? []).length;

  it('cites the two or three that support a verdict, and all of them only in /realtime compare', () => {
    for (const [, view] of wizardVerdicts) {
      expect(links(sharedVerdict(view, 'U1').thread)).toBeGreaterThanOrEqual(2);
      expect(links(sharedVerdict(view, 'U1').thread)).toBeLessThanOrEqual(3);
    }
    const linked = comparison.sources.filter((s) => s.url.startsWith('http')).length;
    expect(links(scorecardMessage(comparison))).toBe(linked);
  });
});

describe('help for an unplaced word', () => {
  it('offers the command it suggests as a button that runs it', () => {
    const help = helpMessage(comparison, 'compair', ['compare']);
    expect(help.text).toBe('I could not place “compair”. Did you mean /realtime compare?');
    const actions = help.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({
      elements: [{ type: 'button', text: { text: '/realtime compare' }, action_id: 'help.run.0', value: 'compare' }],
    });
  });
});
