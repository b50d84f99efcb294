import { describe, expect, it } from 'vitest';
import {
  eventually,
  expectAcked,
  GENERAL,
  HUMAN,
  replayClickWithValue,
  tablesIn,
  useHarness,
  visibleText,
} from './harness.js';

const h = useHarness();

async function answer(label: string) {
  const ephemeral = h.lastEphemeral();
  const before = JSON.stringify(ephemeral.blocks);
  const result = await h.slack.clickButtonByText({ text: label, message: { ephemeralId: ephemeral.id } });
  expectAcked(result);
  // The same ephemeral message is replaced in place through the click's response_url.
  return eventually(() => {
    const now = h.slack.ephemerals('U0HUMAN01', GENERAL).find((e) => e.id === ephemeral.id);
    expect(JSON.stringify(now?.blocks)).not.toBe(before);
    return now;
  });
}

describe('/realtime runs the wizard in one ephemeral message', () => {
  it('answers /realtime in the ack itself with the first question and its progress', async () => {
    h.slack.clearCalls();
    const result = await h.slack.slashCommand({ text: '' });
    expectAcked(result);
    expect(result.ackMs).toBeLessThan(3000);
    const ephemeral = h.lastEphemeral();
    expect(ephemeral.via).toBe('ack');
    expect(ephemeral.text).toBe('Question 1 of 3: Which direction does data flow?');
    expect(visibleText(ephemeral)).toContain('Server → client only');
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]); // one round trip, no Web API call
  });

  it.each([
    [
      ['Server → client only', 'No, text (JSON) is fine', 'A lot'],
      'Verdict: SSE, one-way server push over plain HTTP (strong pick)',
    ],
    [
      ['Server → client only', 'Yes, binary frames', 'Somewhat'],
      'Verdict: WebSocket, for binary frames from the server (clear pick)',
    ],
    [
      ['Both ways: the client also sends often, with low latency'],
      'Verdict: WebSocket, for frequent low-latency messages both ways (strong pick)',
    ],
    [
      ['Mostly server → client, with rare client events', 'No, text (JSON) is fine', 'Not much'],
      'Verdict: SSE, plus ordinary POSTs for the rare client events (leaning pick)',
    ],
  ])('clicking %j updates the message in place and ends with the verdict', async (labels, verdict) => {
    await h.slack.slashCommand({ text: '' });
    const first = h.lastEphemeral();
    let current = first;
    for (const label of labels) current = (await answer(label)) ?? current;
    expect(current.id).toBe(first.id);
    expect(current.text).toBe(verdict);
    // Collapsed: the pick, the reason that decided it, the caveat that matters most, the buttons.
    expect(visibleText(current)).not.toContain('What decided it');
    expect(h.slack.findButtons({ message: { ephemeralId: current.id } }).map((b) => b.text)).toEqual(
      expect.arrayContaining(['Share in channel', 'Why?', 'Start over']),
    );
    // "Why?" expands it in place to the full reasoning, with a Change button per answer; "Show less" folds it.
    const expanded = await answer('Why?');
    expect(expanded?.id).toBe(first.id);
    expect(visibleText(expanded)).toContain('What decided it');
    expect(h.slack.findButtons({ message: { ephemeralId: current.id } }).map((b) => b.text)).toEqual(
      expect.arrayContaining(['Share in channel', 'Show less', 'Full scorecard', 'Start over', 'Change']),
    );
    const folded = await answer('Show less');
    expect(visibleText(folded)).toBe(visibleText(current));
  });

  it('re-asks one answer at its position among the questions, not as "Question 1 of 1"', async () => {
    await h.slack.slashCommand({ text: '' });
    await answer('Both ways: the client also sends often, with low latency');
    await answer('Why?');
    const reasked = await answer('Change');
    expect(visibleText(reasked)).toContain('Question 1 of 3 · changing one answer');
    expect(reasked?.text).toBe('Question 1 of 3: Which direction does data flow?');
  });

  it('goes back, starts over, and changes one answer to see the verdict flip', async () => {
    await h.slack.slashCommand({ text: '' });
    await answer('Server → client only');
    const second = await answer('← Back');
    expect(second?.text).toBe('Question 1 of 3: Which direction does data flow?');
    await answer('Server → client only');
    await answer('No, text (JSON) is fine');
    await answer('A lot');
    const sse = await answer('Why?');
    expect(sse?.text).toMatch(/^Verdict: SSE/);

    // Change the binary answer: the other answers are kept, and the verdict flips to WebSocket.
    const changeBinary = h.slack
      .findButtons({ message: { ephemeralId: sse?.id ?? '' } })
      .filter((b) => b.text === 'Change')[1];
    expect(changeBinary).toBeDefined();
    await h.slack.clickButton({ actionId: changeBinary?.actionId ?? '', message: { ephemeralId: sse?.id ?? '' } });
    const reasked = await eventually(() => {
      const now = h.lastEphemeral();
      expect(now.text).toBe('Question 2 of 3: Do you need binary payloads?');
      return now;
    });
    expect(visibleText(reasked)).toContain('✓ No, text (JSON) is fine');
    const flipped = await answer('Yes, binary frames');
    expect(flipped?.text).toBe('Verdict: WebSocket, for binary frames from the server (leaning pick)');

    const restarted = await answer('Start over');
    expect(restarted?.text).toBe('Question 1 of 3: Which direction does data flow?');
  });

  it('shows the full scorecard beside the verdict without replacing it', async () => {
    await h.slack.slashCommand({ text: '' });
    await answer('Both ways: the client also sends often, with low latency');
    await answer('Why?');
    const verdict = h.lastEphemeral();
    await h.slack.clickButtonByText({ text: 'Full scorecard', message: { ephemeralId: verdict.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/the scorecard: SSE has the edge on Protocol/));
    expect(tablesIn(h.lastEphemeral())[0]?.map((row) => row[0])).toContain('Connection limits');
    expect(h.slack.ephemerals('U0HUMAN01', GENERAL).find((e) => e.id === verdict.id)?.text).toMatch(
      /^Verdict: WebSocket/,
    );
  });

  it.each([
    '9:websocket-vs-sse:zzz',
    '',
    'x'.repeat(2000),
    '1:websocket-vs-sse:11-',
    '<!channel>',
    '1:websocket-vs-sse:4--', // an option index past the last direction option
  ])(
    'answers the tampered button value %j with "out of date" and a Start again button, and keeps serving',
    async (value) => {
      await h.slack.slashCommand({ text: '' });
      const question = h.lastEphemeral();
      const click = await h.slack.clickButtonByText({
        text: 'Server → client only',
        message: { ephemeralId: question.id },
      });
      await eventually(() => expect(h.lastEphemeral().text).toMatch(/^Question 2/));
      expectAcked(await replayClickWithValue(h, click, value));
      const outOfDate = await eventually(() => {
        const now = h.lastEphemeral();
        expect(now.text).toMatch(/^This message is out of date/);
        return now;
      });
      expect(outOfDate.id).toBe(question.id);
      await answer('Start again');
      expect(h.lastEphemeral().text).toBe('Question 1 of 3: Which direction does data flow?');
    },
  );
});

describe('a button the app never made', () => {
  /** Replays a real click with an action id the app never uses: a message from an older version, say. */
  const asForeign = (click: { payload: unknown }) => {
    const payload = JSON.parse(JSON.stringify(click.payload)) as { actions: { action_id: string }[] };
    for (const action of payload.actions) action.action_id = 'wizard.next_step_from_an_old_version';
    return h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    });
  };

  it('is acknowledged at once and says privately that the message is out of date, with a way to start again', async () => {
    await h.slack.slashCommand({ text: '' });
    const question = h.lastEphemeral();
    const click = await h.slack.clickButtonByText({
      text: 'Server → client only',
      message: { ephemeralId: question.id },
    });
    const result = await asForeign(click);
    expectAcked(result);
    expect(result.ackMs).toBeLessThan(3000);
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/out of date/));
    expect(h.slack.findButtons({ message: { ephemeralId: h.lastEphemeral().id } }).map((b) => b.text)).toEqual([
      'Start again',
    ]);
  });

  it('in a modal, replaces the modal with the out-of-date notice', async () => {
    const root = h.slack.postAsUser({ text: 'what should we use for live scores? fans only watch, nothing goes back' });
    await h.slack.messageShortcut({ channel: GENERAL, ts: root.ts, callbackId: 'realtime_advice' });
    const modal = await eventually(() => {
      const view = h.slack.openViews(HUMAN).at(-1);
      if (!view) throw new Error('no modal yet');
      return view;
    });
    await h.slack.clickButtonByText({ text: 'Why?', viewId: modal.id });
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toContain('What decided it'));
    const click = await h.slack.clickButtonByText({ text: 'Change', viewId: modal.id });
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toContain('changing one answer'));
    expectAcked(await asForeign(click));
    await eventually(() => expect(visibleText(h.slack.openViews(HUMAN).at(-1))).toMatch(/out of date/));
  });
});
