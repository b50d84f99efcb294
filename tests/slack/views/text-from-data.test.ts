/** What the app says about the data (how many questions, an example, the look-up words) comes from the data. */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/advisor/index.js';
import { ACTION } from '../../../src/slack/ids.js';
import { exampleSituation, lookupWord, questionCount } from '../../../src/slack/views/phrases.js';
import { helpMessage, scorecardMessage } from '../../../src/slack/views/reference.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { homeView } from '../../../src/slack/views/surfaces.js';
import { advisor, websocketVsSse as comparison } from '../../advisor/helpers.js';
import { visibleText } from '../harness.js';

const wizardButton = { actionId: ACTION.startOver, value: advisor.startValue() };
const intro = () =>
  replyMessage({ kind: 'wizard', view: advisor.start() as never }, { audience: 'public', wizardButton });

describe('text that restates the data', () => {
  it('counts the wizard’s questions', () => {
    expect(questionCount(comparison)).toBe('three questions');
    const two: Comparison = {
      ...comparison,
      wizard: { ...comparison.wizard, questions: comparison.wizard.questions.slice(0, 2) },
    };
    expect(questionCount(two)).toBe('two questions');
    expect(visibleText(homeView(two, 'x'))).toContain('*Answer two questions* and get a verdict');
    expect(
      helpMessage(two)
        .blocks.map((b) => JSON.stringify(b))
        .join(),
    ).toContain('two questions and a verdict');
    expect(intro().text).toContain('three questions and a verdict');
  });

  it('gives an example situation from the data, one that gets a verdict when typed', () => {
    const example = exampleSituation(comparison) ?? '';
    expect([...comparison.situationalPicks, ...comparison.quickTakes].map((e) => e.situation.toLowerCase())).toContain(
      example.toLowerCase(),
    );
    const reply = advisor.reply(example);
    expect(reply.kind === 'understood' && reply.view.kind).toBe('verdict');
    expect(visibleText(intro())).toContain(`e.g. _${example}_`);
    expect(visibleText(helpMessage(comparison))).toContain(`\`/realtime ${example}\``);
  });

  it('lists each dimension once in help, by a word that looks it up', () => {
    const text = visibleText(helpMessage(comparison));
    for (const dimension of comparison.dimensions) {
      const word = lookupWord(dimension);
      expect(text.split(`\`${word}\``).length + text.split(`\`/realtime ${word}\``).length - 2).toBe(1);
      const reply = advisor.reply(word);
      expect(reply.kind === 'dimension' && reply.dimension.id).toBe(dimension.id);
    }
    expect(text.match(/reconnect/g)).toHaveLength(1);
  });

  it('suggests a dimension from the data on the scorecard', () => {
    const first = comparison.dimensions[0];
    expect(visibleText(scorecardMessage(comparison))).toContain(`e.g. \`/realtime ${first && lookupWord(first)}\``);
  });
});
