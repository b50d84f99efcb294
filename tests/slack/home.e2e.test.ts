/** App Home, as a person opening the app sees it: how to start, and a verdict they can post where they choose. */
import { describe, expect, it } from 'vitest';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { COMMAND, SHORTCUT_NAME } from '../../src/slack/ids.js';
import { exampleSituation } from '../../src/slack/views/phrases.js';
import { eventually, expectAcked, HUMAN, tablesIn, useHarness, visibleText } from './harness.js';

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

  it('shows the scorecard as a table, a row per dimension', async () => {
    const view = await home();
    const [table, ...more] = tablesIn(view);
    expect(more).toEqual([]);
    expect(table?.[0]).toEqual(['Dimension', 'WebSocket', 'SSE', 'Edge']);
    expect(table?.slice(1).map((row) => row[0])).toEqual([
      'Direction',
      'Protocol',
      'Payload types',
      'Reconnection',
      'Infra & proxies',
      'Connection limits',
    ]);
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

  describe('a verdict reached from Home is posted where the person picks', () => {
    /** Home → Start the wizard → three answers: the modal on screen, showing the verdict. */
    async function verdictModal() {
      const view = await home();
      expectAcked(await h.slack.clickButtonByText({ text: 'Start the wizard', viewId: view.id }));
      let modal = await eventually(() => h.slack.openViews(HUMAN).at(-1) ?? assertNever());
      for (const label of ['Server → client only', 'No, text (JSON) is fine', 'A lot']) {
        const before = modal.hash;
        expectAcked(await h.slack.clickButtonByText({ text: label, viewId: modal.id }));
        modal = await eventually(() => {
          const now = h.slack.openViews(HUMAN).at(-1);
          if (!now || now.hash === before) throw new Error('the modal has not moved on');
          return now;
        });
      }
      return modal;
    }
    const assertNever = (): never => {
      throw new Error('no modal open');
    };

    it('offers a conversation to post in, picked in the modal', async () => {
      const modal = await verdictModal();
      expect(visibleText(modal)).toContain('Verdict: SSE');
      expect(modal.submit).toMatchObject({ text: 'Post' });
      expect(modal.blocks.find((b) => b.type === 'input')).toMatchObject({
        label: { text: 'Post it in' },
        element: { type: 'conversations_select', response_url_enabled: true },
      });
    });

    it('explains the verdict in the modal with what decided it as text, and posts that as a table', async () => {
      const eng = h.slack.addChannel({ name: 'eng-decisions', botIsMember: true });
      const modal = await verdictModal();
      expectAcked(await h.slack.clickButtonByText({ text: 'Why?', viewId: modal.id }));
      const expanded = await eventually(() => {
        const now = h.slack.openViews(HUMAN).at(-1);
        expect(visibleText(now)).toContain('*What decided it*\n*Direction* (edge: it depends)');
        return now;
      });
      // A modal shows no table (Block Kit's surfaces): the rows are lines of text.
      expect(tablesIn(expanded)).toEqual([]);
      expectAcked(
        await h.slack.submitView({ viewId: expanded?.id ?? '', values: { post_to: { 'post.conversation': eng.id } } }),
      );
      const thread = await eventually(() => {
        const [post] = h.slack.channelHistory(eng.id);
        const replies = h.slack.thread(eng.id, post?.ts ?? '');
        expect(replies).toHaveLength(2);
        return replies;
      });
      expect(tablesIn(thread[1])[0]?.map((row) => row[0])).toEqual([
        'What decided it',
        'Direction',
        'Protocol',
        'Reconnection',
      ]);
    });

    it('posts in a channel the app is in with the reasoning in its thread, and says so in the modal', async () => {
      const eng = h.slack.addChannel({ name: 'eng-decisions', botIsMember: true });
      const modal = await verdictModal();
      expectAcked(await h.slack.submitView({ viewId: modal.id, values: { post_to: { 'post.conversation': eng.id } } }));
      const [post] = await eventually(() => {
        const history = h.slack.channelHistory(eng.id);
        expect(history).toHaveLength(1);
        return history;
      });
      expect(post?.text).toMatch(new RegExp(`^<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE`));
      const thread = await eventually(() => {
        const replies = h.slack.thread(eng.id, post?.ts ?? '');
        expect(replies).toHaveLength(2);
        return replies;
      });
      expect(thread[1]?.text).toMatch(/^Why: /);
      await eventually(() =>
        expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toContain(
          `Posted in <#${eng.id}>, with the reasoning in its thread.`,
        ),
      );
      // Posted from Home, it is a decision like any share: the channel's history lists it.
      const history = await h.slack.slashCommand({ channel: eng.id, text: 'history' });
      expect(visibleText(history.json as { blocks?: unknown[] })).toMatch(/SSE/);
      expect(visibleText(history.json as { blocks?: unknown[] })).not.toMatch(/No decisions have been shared/);
    });

    it('posts in a channel the app is not in through the response_url, as one message, and says why there is no thread', async () => {
      const random = h.slack.addChannel({ name: 'random-talk', botIsMember: false });
      const modal = await verdictModal();
      const submitted = await h.slack.submitView({
        viewId: modal.id,
        values: { post_to: { 'post.conversation': random.id } },
      });
      expectAcked(submitted);
      expect(submitted.payload.response_urls).toEqual([
        expect.objectContaining({ block_id: 'post_to', action_id: 'post.conversation', channel_id: random.id }),
      ]);
      const [post] = await eventually(() => {
        const history = h.slack.channelHistory(random.id);
        expect(history).toHaveLength(1);
        return history;
      });
      expect(post?.text).toMatch(new RegExp(`^<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE`));
      expect(visibleText(post)).toContain('Why');
      expect(h.slack.thread(random.id, post?.ts ?? '')).toHaveLength(1);
      expect(h.slack.callsTo('response_url').filter((c) => c.ok)).toHaveLength(1);
      await eventually(() =>
        expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toContain(
          `Posted in <#${random.id}> as one message, with the reasoning in it: I am not a member there, so there is no thread.`,
        ),
      );
    });
  });
});
