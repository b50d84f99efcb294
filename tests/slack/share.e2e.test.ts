import { describe, expect, it } from 'vitest';
import { eventually, expectAcked, GENERAL, HUMAN, tablesIn, useHarness, visibleText } from './harness.js';

const h = useHarness();

/** Runs the wizard to the SSE verdict in a channel and returns the verdict's ephemeral message. */
async function sseVerdict(channel = GENERAL) {
  await h.slack.slashCommand({ channel, text: '' });
  for (const label of ['Server → client only', 'No, text (JSON) is fine', 'A lot']) {
    const current = h.lastEphemeral(channel);
    await h.slack.clickButtonByText({ text: label, message: { ephemeralId: current.id } });
    await eventually(() => expect(h.lastEphemeral(channel).blocks).not.toEqual(current.blocks));
  }
  const verdict = h.lastEphemeral(channel);
  expect(verdict.text).toMatch(/^Verdict: SSE/);
  return verdict;
}

describe('sharing a verdict', () => {
  it('shares the verdict in the channel, attributed to the person, with the full reasoning in its thread', async () => {
    const verdict = await sseVerdict();
    const before = h.slack.channelHistory(GENERAL).length;
    expectAcked(await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } }));
    const parent = await eventually(() => {
      const history = h.slack.channelHistory(GENERAL);
      expect(history.length).toBe(before + 1);
      return history.at(-1);
    });
    expect(parent?.text).toBe(
      `<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE, one-way server push over plain HTTP (strong pick)`,
    );
    const replies = await eventually(() => {
      const thread = h.slack.thread(GENERAL, parent?.ts ?? '');
      expect(thread.length).toBeGreaterThanOrEqual(2);
      return thread.slice(1);
    });
    expect(replies).toHaveLength(1);
    const reasoning = visibleText(replies[0]);
    expect(reasoning).toContain('Data flows only from server to client');
    expect(reasoning).toContain('about 6 SSE connections');
    // The full reasoning: every answer's effect, what decided it (a table), every caveat.
    expect(tablesIn(replies[0])).toEqual([
      [
        ['What decided it', 'WebSocket', 'SSE', 'Edge'],
        ['Direction', 'Bidirectional', 'Server → client only', 'It depends'],
        ['Protocol', 'Separate protocol', 'Just HTTP', 'SSE'],
        ['Reconnection', 'DIY reconnect', 'Automatic + resume', 'SSE'],
      ],
    ]);
    expect(reasoning).toContain('Check that no proxy on the path buffers the response');
    // The private verdict is updated in place: its Share button is now a link to the post.
    const shared = await eventually(() => {
      const button = h.slack
        .findButtons({ message: { ephemeralId: verdict.id } })
        .find((b) => b.text.includes('Shared in'));
      expect(button).toBeDefined();
      return button;
    });
    expect(shared?.text).toBe('✓ Shared in #general');
    expect(shared?.url).toBe(
      `https://${h.slack.teamDomain}.slack.com/archives/C0GENERAL/p${parent?.ts.replace('.', '')}`,
    );
    expect(h.slack.findButtons({ message: { ephemeralId: verdict.id } }).map((b) => b.text)).not.toContain(
      'Share in channel',
    );
    expect(h.lastEphemeral().id).toBe(verdict.id); // no second message to say so
    // Slack sends the click on a link button to the app too: acknowledged, nothing else happens.
    expectAcked(
      await h.slack.clickButtonByText({ text: '✓ Shared in #general', message: { ephemeralId: verdict.id } }),
    );
  });

  it('keeps an expanded verdict expanded once it is shared', async () => {
    const verdict = await sseVerdict();
    await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(tablesIn(h.lastEphemeral())[0]?.[0]?.[0]).toBe('What decided it'));
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    const now = await eventually(() => {
      const current = h.lastEphemeral();
      expect(h.slack.findButtons({ message: { ephemeralId: current.id } }).map((b) => b.text)).toContain(
        '✓ Shared in #general',
      );
      return current;
    });
    expect(tablesIn(now)[0]?.[0]?.[0]).toBe('What decided it');
    // Folding it keeps the link to the post.
    await h.slack.clickButtonByText({ text: 'Show less', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(tablesIn(h.lastEphemeral())).toEqual([]));
    expect(h.slack.findButtons({ message: { ephemeralId: verdict.id } }).map((b) => b.text)).toContain(
      '✓ Shared in #general',
    );
  });

  it('still says where it was shared when Slack gives no link to the post', async () => {
    const verdict = await sseVerdict();
    h.slack.injectFault('chat.getPermalink', { error: 'message_not_found' });
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    const shared = await eventually(() => {
      const button = h.slack
        .findButtons({ message: { ephemeralId: verdict.id } })
        .find((b) => b.text.includes('Shared in'));
      expect(button).toBeDefined();
      return button;
    });
    expect(shared?.text).toBe('✓ Shared in #general');
    expect(shared?.url).toBeUndefined();
  });

  it('posts once when the Share button is clicked twice', async () => {
    const verdict = await sseVerdict();
    const before = h.slack.channelHistory(GENERAL).length;
    const share = h.slack
      .findButtons({ message: { ephemeralId: verdict.id } })
      .find((b) => b.text === 'Share in channel');
    await Promise.all([
      h.slack.clickButton({ actionId: share?.actionId ?? '', message: { ephemeralId: verdict.id } }),
      h.slack.clickButton({ actionId: share?.actionId ?? '', message: { ephemeralId: verdict.id } }),
    ]);
    await eventually(() =>
      expect(h.slack.ephemerals(HUMAN, GENERAL).some((e) => e.text.startsWith('Already shared'))).toBe(true),
    );
    await eventually(() => expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2)); // the parent and its thread reply
    expect(h.slack.channelHistory(GENERAL)).toHaveLength(before + 1);
  });

  it('shares through the response_url where the app is not a member, and says how to get the threaded form', async () => {
    const outside = h.slack.addChannel({ name: 'outside', botIsMember: false });
    const verdict = await sseVerdict(outside.id);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    const shared = await eventually(() => {
      const history = h.slack.channelHistory(outside.id);
      expect(history).toHaveLength(1);
      return history[0];
    });
    expect(shared?.text).toMatch(new RegExp(`^<@${HUMAN}> ran the Realtime Advisor: Verdict: SSE`));
    expect(visibleText(shared)).toContain('Data flows only from server to client'); // the reasoning, in one message
    await eventually(() =>
      expect(h.lastEphemeral(outside.id).text).toMatch(/without a thread.*\/invite @Realtime Advisor/),
    );
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['not_in_channel']);
  });

  it('shares in a DM between two people as one message, without telling anyone to /invite the app there', async () => {
    const colleague = h.slack.addUser({ name: 'grace' });
    const dm = h.slack.addDirectMessage([HUMAN, colleague.id]);
    const verdict = await sseVerdict(dm.id);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    const shared = await eventually(() => {
      const history = h.slack.channelHistory(dm.id);
      expect(history).toHaveLength(1);
      return history[0];
    });
    expect(visibleText(shared)).toContain('Data flows only from server to client'); // the reasoning, in one message
    const notice = await eventually(() => {
      const text = h.lastEphemeral(dm.id).text;
      expect(text).toMatch(/^Shared here as one message/);
      return text;
    });
    expect(notice).toMatch(/does not let apps into direct messages between people/);
    expect(notice).not.toContain('/invite');
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['channel_not_found']);
  });

  it('asks for an /invite in a private channel the app is not in, where Slack answers channel_not_found', async () => {
    const secret = h.slack.addChannel({ name: 'secret-plans', botIsMember: false, isPrivate: true });
    const verdict = await sseVerdict(secret.id);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(h.slack.channelHistory(secret.id)).toHaveLength(1));
    await eventually(() =>
      expect(h.lastEphemeral(secret.id).text).toMatch(/without a thread.*\/invite @Realtime Advisor/),
    );
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['channel_not_found']);
  });

  it('tells the person what to do when the channel is archived, and lets them try again', async () => {
    const verdict = await sseVerdict();
    h.slack.injectFault('chat.postMessage', { error: 'is_archived' });
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() =>
      expect(h.lastEphemeral().text).toMatch(/^I could not share this in the channel: This channel is archived/),
    );
    // The failed share did not use up the button.
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() =>
      expect(h.slack.findButtons({ message: { ephemeralId: verdict.id } }).map((b) => b.text)).toContain(
        '✓ Shared in #general',
      ),
    );
  });

  it('names the missing permission when Slack says missing_scope', async () => {
    const verdict = await sseVerdict();
    // As Slack answers it: the scope the method needs and the ones the token has.
    h.slack.injectFault('chat.postMessage', {
      error: 'missing_scope',
      needed: 'chat:write',
      provided: 'commands,chat:write.public',
    });
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/missing a permission.*reinstalling the app/));
    expect(h.lastEphemeral().text).toContain('`chat:write`');
  });

  it('reports a hung Web API call as a timeout instead of waiting for ever', async () => {
    const verdict = await sseVerdict();
    h.slack.injectFault('chat.postMessage', { delayMs: 2500 }); // the harness's client timeout is 2 s
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/Slack did not answer in time/), 5000);
  });
});

describe('sharing with a retry policy', () => {
  const retrying = useHarness({ retries: 2 });

  it('retries a rate-limited share with the Web API client policy, and the person hears nothing', async () => {
    await retrying.slack.slashCommand({ text: 'both ways' });
    // '/realtime both ways' is a situation: advice with a Share button.
    const advice = retrying.lastEphemeral();
    retrying.slack.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await retrying.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: advice.id } });
    await eventually(
      () =>
        expect(retrying.slack.findButtons({ message: { ephemeralId: advice.id } }).map((b) => b.text)).toContain(
          '✓ Shared in #general',
        ),
      6000,
    );
    const statuses = retrying.slack.callsTo('chat.postMessage').map((c) => c.status);
    expect(statuses).toEqual([429, 200, 200]);
  });
});
