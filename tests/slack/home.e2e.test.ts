/** App Home, as a person opening the app sees it: how to start, and a verdict they can post where they choose. */
import { describe, expect, it } from 'vitest';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { COMMAND, SHORTCUT_NAME } from '../../src/slack/ids.js';
import { exampleSituation } from '../../src/slack/views/phrases.js';
import { eventually, expectAcked, HUMAN, useHarness, visibleText } from './harness.js';

const h = useHarness();
const example = exampleSituation(createAdvisor(loadComparisons()).comparison()) as string;

async function home() {
  expectAcked(await h.slack.openHome());
  return eventually(() => {
    const view = h.slack.homeView(HUMAN);
    if (!view) throw new Error('no Home tab published');
    return view;
  });
}

describe('App Home', () => {
  it('shows how to start: the wizard button, free text with an example from the data, and the shortcut by name', async () => {
    const view = await home();
    const text = visibleText(view);
    expect(h.slack.findButtons({ viewId: view.id }).map((b) => b.text)).toContain('Start the wizard');
    expect(text).toContain(`\`${COMMAND} ${example}\``);
    expect(text).toContain('send me a message in the *Messages* tab');
    expect(text).toContain(`*${SHORTCUT_NAME}*`);
    // How to start comes before the scorecard.
    expect(text.indexOf('Start the wizard')).toBeLessThan(text.indexOf('the scorecard'));
  });

  it('opens the wizard in a modal from its button', async () => {
    const view = await home();
    expectAcked(await h.slack.clickButtonByText({ text: 'Start the wizard', viewId: view.id }));
    const modal = await eventually(() => {
      const top = h.slack.openViews(HUMAN).at(-1);
      if (!top) throw new Error('no modal');
      return top;
    });
    expect(visibleText(modal)).toContain('Question 1 of 3');
  });
});
