/**
 * The decision log end to end: what a share records, `/realtime history`, the Home tab's decisions (own and public
 * only) and "Was this right?", read the way a person sees them, through the stand-in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { eventually, expectAcked, GENERAL, HUMAN, replayClickWithValue, useHarness, visibleText } from './harness.js';

const store = openSqliteStore(':memory:');
const h = useHarness({ store });
afterAll(() => store.close());

/** Retries an async assertion until it passes: the store is written after the ack. */
async function until<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Runs the wizard to the SSE verdict in a channel, as `user`, and returns the verdict's ephemeral message. */
async function sseVerdict(channel = GENERAL, user = HUMAN) {
  await h.slack.slashCommand({ channel, user, text: '' });
  for (const label of ['Server → client only', 'No, text (JSON) is fine', 'A lot']) {
    const current = h.lastEphemeral(channel, user);
    await h.slack.clickButtonByText({ user, text: label, message: { ephemeralId: current.id } });
    await eventually(() => expect(h.lastEphemeral(channel, user).blocks).not.toEqual(current.blocks));
  }
  return h.lastEphemeral(channel, user);
}

/**
 * Shares the SSE verdict and waits for the confirmation the person sees: the verdict itself, its Share button
 * now "Shared in #channel" (or, without a thread, a notice beside it).
 */
async function shareSse(channel = GENERAL, user = HUMAN) {
  const verdict = await sseVerdict(channel, user);
  expectAcked(
    await h.slack.clickButtonByText({ user, text: 'Share in channel', message: { ephemeralId: verdict.id } }),
  );
  return eventually(() => {
    const buttons = h.slack.findButtons({ message: { ephemeralId: verdict.id } }).map((b) => b.text);
    if (buttons.some((b) => b.startsWith('✓ Shared')))
      return h.slack.ephemerals(user, channel).find((e) => e.id === verdict.id);
    // Shared without a thread (the app is not in the channel): a notice beside the verdict says how.
    const notice = h.slack.ephemerals(user, channel).at(-1);
    expect(notice?.id).not.toBe(verdict.id);
    expect(notice?.text).toMatch(/^(Shared|Already shared)/);
    return notice;
  });
}

/** What `/realtime history` shows the person in a channel. */
async function history(channel = GENERAL, user = HUMAN) {
  const result = await h.slack.slashCommand({ channel, user, text: 'history' });
  expectAcked(result);
  return h.lastEphemeral(channel, user);
}

describe('the decision log', () => {
  it('records a shared verdict once, with its thread, person, answers, pick, data version, permalink and time', async () => {
    const channel = h.slack.addChannel({ name: 'arch-review' });
    const started = Date.now();
    const verdict = await sseVerdict(channel.id);
    const share = h.slack
      .findButtons({ message: { ephemeralId: verdict.id } })
      .find((b) => b.text === 'Share in channel');
    await Promise.all([
      h.slack.clickButton({ actionId: share?.actionId ?? '', message: { ephemeralId: verdict.id } }),
      h.slack.clickButton({ actionId: share?.actionId ?? '', message: { ephemeralId: verdict.id } }),
    ]);
    const parent = await eventually(() => {
      const [message] = h.slack.channelHistory(channel.id);
      expect(h.slack.thread(channel.id, message?.ts ?? '')).toHaveLength(2);
      return message;
    });
    const decisions = await until(async () => {
      const listed = await store.decisions.listByChannel(channel.id);
      expect(listed).toHaveLength(1);
      return listed;
    });
    // Give the second click its time: it must not record the share again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.decisions.listByChannel(channel.id)).toHaveLength(1);
    const [decision] = decisions;
    expect(decision).toMatchObject({
      teamId: 'T0STANDIN',
      channelId: channel.id,
      threadTs: parent?.ts,
      userId: HUMAN,
      pick: 'sse',
      answers: expect.stringMatching(/^1:websocket-vs-sse:/),
      dataVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}$/),
      inPublicChannel: true,
      permalink: { url: `https://standin.slack.com/archives/${channel.id}/p${parent?.ts.replace('.', '')}` },
      feedback: null,
    });
    expect(decision?.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('lists the channel’s decisions under /realtime history, with the pick, the person, the reasons and a link', async () => {
    const channel = h.slack.addChannel({ name: 'platform' });
    await shareSse(channel.id);
    const shown = await history(channel.id);
    expect(shown.text).toBe(`The last decision shared in <#${channel.id}>: SSE`);
    const text = visibleText(shown);
    expect(text).toContain(`*SSE*, shared by <@${HUMAN}>`);
    expect(text).toMatch(/<https:\/\/standin\.slack\.com\/archives\/[A-Z0-9]+\/p\d+\|the message>/);
    expect(text).toContain('Data flows only from server to client'); // a reason, re-rendered from the answers
  });

  it('says so when no decision was shared in the channel', async () => {
    const channel = h.slack.addChannel({ name: 'quiet' });
    const shown = await history(channel.id);
    expect(shown.text).toBe(
      `No decisions have been shared in <#${channel.id}> yet. Run \`/realtime\` and share its verdict: it is kept here.`,
    );
  });

  it('lists history as a keyword in the help', async () => {
    await h.slack.slashCommand({ text: 'help' });
    expect(visibleText(h.lastEphemeral())).toContain(
      '`/realtime history`: the decisions shared in this channel, with links',
    );
  });

  it('says why a share through response_url has no link', async () => {
    const outside = h.slack.addChannel({ name: 'outside-log', botIsMember: false });
    await shareSse(outside.id);
    const text = visibleText(await history(outside.id));
    expect(text).toContain('*SSE*, shared by');
    expect(text).toContain('no link: shared through the click’s response_url (the app is not in the channel)');
  });

  it('records a reply posted from the shortcut’s modal, with the message’s whole situation', async () => {
    const channel = h.slack.addChannel({ name: 'llm-team' });
    const situation = 'we are streaming LLM tokens to the browser, SSE or websockets?';
    const root = h.slack.postAsUser({ channel: channel.id, text: situation });
    expectAcked(await h.slack.messageShortcut({ channel: channel.id, ts: root.ts, callbackId: 'realtime_advice' }));
    const modal = await eventually(() => {
      const view = h.slack.openViews(HUMAN).at(-1);
      if (!view) throw new Error('no modal');
      return view;
    });
    await h.slack.submitView({ viewId: modal.id });
    const [decision] = await until(async () => {
      const listed = await store.decisions.listByChannel(channel.id);
      expect(listed).toHaveLength(1);
      return listed;
    });
    expect(decision).toMatchObject({ pick: 'sse', threadTs: root.ts, situation, inPublicChannel: true });
    expect(decision?.permalink.url).toContain(`?thread_ts=${root.ts}&cid=${channel.id}`);
    expect(visibleText(await history(channel.id))).toContain(`“${situation}”`);
  });

  it('keeps the words of a free-text verdict that was shared', async () => {
    const channel = h.slack.addChannel({ name: 'dashboards' });
    await h.slack.slashCommand({ channel: channel.id, text: 'a live dashboard that only displays server metrics' });
    const verdict = h.lastEphemeral(channel.id);
    expect(verdict.text).toMatch(/Verdict: SSE/);
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    const [decision] = await until(async () => {
      const listed = await store.decisions.listByChannel(channel.id);
      expect(listed).toHaveLength(1);
      return listed;
    });
    expect(decision?.situation).toBeTruthy();
    expect('a live dashboard that only displays server metrics').toContain(decision?.situation?.split(' … ')[0]);
  });
});

describe('the Home tab’s decisions', () => {
  it('shows the viewer’s own decisions and public ones, never another person’s private ones', async () => {
    const grace = h.slack.addUser({ name: 'grace-home' });
    // A private channel with a C id, as Slack gives them today: only its payload's name says it is private.
    const mine = h.slack.addChannel({ id: 'C0MYPRIVATE', name: 'ada-private', isPrivate: true, members: [HUMAN] });
    const hers = h.slack.addChannel({
      id: 'C0HERPRIVATE',
      name: 'grace-private',
      isPrivate: true,
      members: [grace.id],
    });
    const open = h.slack.addChannel({ name: 'open-plan' });
    await shareSse(mine.id, HUMAN);
    await shareSse(hers.id, grace.id);
    await shareSse(open.id, grace.id);

    await h.slack.openHome({ user: HUMAN });
    const adaHome = await eventually(() => {
      const text = visibleText(h.slack.homeView(HUMAN));
      expect(text).toContain('Decisions');
      return text;
    });
    expect(adaHome).toContain(`<#${mine.id}>`);
    expect(adaHome).toContain(`<#${open.id}>`);
    expect(adaHome).not.toContain(`<#${hers.id}>`);

    await h.slack.openHome({ user: grace.id });
    const graceHome = await eventually(() => {
      const text = visibleText(h.slack.homeView(grace.id));
      expect(text).toContain('Decisions');
      return text;
    });
    expect(graceHome).toContain(`<#${hers.id}>`);
    expect(graceHome).toContain(`<#${open.id}>`);
    expect(graceHome).not.toContain(`<#${mine.id}>`);
  });
});

describe('Was this right?', () => {
  it('asks after a share, saves the answer at once and a note from the small modal, and shows both', async () => {
    const channel = h.slack.addChannel({ name: 'feedback-room' });
    const confirmation = await shareSse(channel.id);
    expect(visibleText(confirmation)).toContain('Was this right?');
    await h.slack.clickButtonByText({ text: 'No', message: { ephemeralId: confirmation?.id ?? '' } });
    const modal = await eventually(() => {
      const view = h.slack.openViews(HUMAN).at(-1);
      expect(visibleText(view)).toContain('Saved: *SSE* was not right');
      return view;
    });
    const [answered] = await store.decisions.listByChannel(channel.id);
    expect(answered?.feedback).toMatchObject({ answer: 'no', note: null });

    await h.slack.submitView({
      viewId: modal?.id ?? '',
      values: { feedback_note: { note: 'Clients upload video too.' } },
    });
    await until(async () => {
      const [decision] = await store.decisions.listByChannel(channel.id);
      expect(decision?.feedback).toMatchObject({ answer: 'no', note: 'Clients upload video too.' });
    });
    expect(visibleText(await history(channel.id))).toContain(
      'Was this right? :x: Not right: “Clients upload video too.”',
    );
  });

  it('refuses an answer for another person’s private decision, and keeps it unanswered', async () => {
    const grace = h.slack.addUser({ name: 'grace-secret' });
    const secret = h.slack.addChannel({ id: 'C0SECRET01', name: 'secret', isPrivate: true, members: [grace.id] });
    await shareSse(secret.id, grace.id);
    const [decision] = await store.decisions.listByChannel(secret.id);
    // Ada answers with a button value she never saw: her own confirmation's button, pointed at Grace's decision.
    const mine = h.slack.addChannel({ name: 'ada-room' });
    const confirmation = await shareSse(mine.id);
    const yes = h.slack.findButtons({ message: { ephemeralId: confirmation?.id ?? '' } }).find((b) => b.text === 'Yes');
    const click = await h.slack.clickButton({
      actionId: yes?.actionId ?? '',
      message: { ephemeralId: confirmation?.id ?? '' },
    });
    await replayClickWithValue(h, click, decision?.id ?? '');
    await eventually(() => expect(h.lastEphemeral(mine.id).text).toMatch(/^That decision is no longer in the log/));
    expect((await store.decisions.find(decision?.id ?? ''))?.feedback).toBeNull();
  });
});
