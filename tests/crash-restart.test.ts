/**
 * A share outlives the process that made it: the real app, on SQLite in a file, is killed with SIGKILL during a
 * burst of shares through the stand-in, then started again on the same file. Every share that reached the
 * stand-in is in the store's records (its intent was kept before Slack was called), and clicking every share
 * again posts nothing twice: what was done is "already shared", what was cut off between Slack's post and its
 * answer is "may be there", and what never reached Slack is posted now, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ClickResult,
  type SlackStandin,
  type StoredEphemeral,
  startSlackStandin,
} from '../sandbox/standin/index.js';
import { SHARE_HOLD_SECONDS } from '../src/slack/store-ledgers.js';
import { openStore } from '../src/store/index.js';
import { type AppProcess, startAppProcess } from './app-process.js';

const GENERAL = 'C0GENERAL';
const SHARES = 40;
const KILL_AT_POSTS = 16; // shares posted when the kill lands; more are between Slack's post and its answer
const SHARE = 'Share in channel';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

/** The shares in the channel and their threads, by the person who shared (each person shares one verdict). */
function postsBy(slack: SlackStandin, user: string) {
  const parents = slack
    .channelHistory(GENERAL)
    .filter((m) => m.bot_id && m.text.startsWith(`<@${user}> ran the Realtime Advisor`));
  const replies = parents.flatMap((p) => slack.thread(GENERAL, p.ts).filter((m) => m.ts !== p.ts));
  return { parents: parents.length, replies: replies.length };
}

describe('a share outlives a killed process', () => {
  const folder = mkdtempSync(join(tmpdir(), 'realtime-advisor-crash-'));
  const processes: AppProcess[] = [];
  let slack: SlackStandin | undefined;
  afterAll(async () => {
    for (const app of processes) await app.kill();
    await slack?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every share that reached Slack after SIGKILL, and posts none of them twice after a restart', async () => {
    const started = performance.now();
    const database = { DATABASE_PATH: join(folder, 'advisor.db') };
    slack = await startSlackStandin();
    const first = await startAppProcess(slack, database);
    processes.push(first);

    // One person per share, so that each post in the channel names its share.
    const people = Array.from({ length: SHARES }, (_, i) => slack?.addUser({ name: `person${i}` }).id as string);
    const shares: { user: string; advice: StoredEphemeral; key: string }[] = [];
    for (const user of people) {
      await slack.via(first.url).slashCommand({ user, channel: GENERAL, text: 'both ways' });
      const advice = slack.ephemerals(user, GENERAL).at(-1);
      const button = advice && slack.findButtons({ message: { ephemeralId: advice.id } }).find((b) => b.text === SHARE);
      if (!advice || !button) throw new Error(`no advice with a Share button for ${user}`);
      // The share pipeline's key for this button: the message it is on and what it shares.
      shares.push({ user, advice, key: `share:${GENERAL}:${advice.ts}:${button.value}` });
    }

    // Slack posts at once and answers 150 ms later: a kill lands between a post and its answer for some shares.
    slack.injectFault('chat.postMessage', { answerLateMs: 150 }, SHARES * 2);
    const clicks: (ClickResult | undefined)[] = [];
    const killed = until(
      () =>
        shares.filter((s) => postsBy(slack as SlackStandin, s.user).parents > 0).length >= KILL_AT_POSTS
          ? true
          : undefined,
      20_000,
      `${KILL_AT_POSTS} shares in the channel`,
    ).then(() => first.kill());
    for (const share of shares) {
      if (first.child.signalCode !== null) break;
      clicks.push(
        await slack
          .via(first.url)
          .clickButtonByText({ user: share.user, text: SHARE, message: { ephemeralId: share.advice.id } }),
      );
      await wait(10);
    }
    await killed;
    slack.clearFaults();

    // What reached Slack before the kill is in the store: an intent at least, the outcome where it returned.
    const reached = shares.map((s) => ({ ...s, ...postsBy(slack as SlackStandin, s.user) }));
    const states: Record<string, number> = {};
    // A minute later, as far as the hold of each share in flight is concerned: it expired with its process.
    const later = await openStore(
      { kind: 'sqlite', path: database.DATABASE_PATH },
      { now: () => Date.now() + (SHARE_HOLD_SECONDS + 1) * 1000 },
    );
    try {
      for (const share of reached) {
        const steps = await later.shares.steps(share.key);
        if (share.parents > 0) expect(steps.post, `${share.key}: post`).toBeDefined();
        if (share.replies > 0) expect(steps.reasoning, `${share.key}: reasoning`).toBeDefined();
        const state = `${steps.post?.state ?? 'none'}/${steps.reasoning?.state ?? 'none'}`;
        states[state] = (states[state] ?? 0) + 1;
      }
      await later.dedup.purgeExpired();
    } finally {
      await later.close();
    }

    // Started again on the same file, every share clicked again (the same clicks, the person's own buttons).
    const second = await startAppProcess(slack, database);
    processes.push(second);
    const again = slack.via(second.url);
    await Promise.all(
      clicks.map((click) =>
        click
          ? again.sendRaw({
              contentType: 'application/x-www-form-urlencoded',
              body: `payload=${encodeURIComponent(JSON.stringify(click.payload))}`,
            })
          : undefined,
      ),
    );
    const unclicked = shares.slice(clicks.length);
    for (const share of unclicked)
      await again.clickButtonByText({ user: share.user, text: SHARE, message: { ephemeralId: share.advice.id } });
    const told = /^(Shared in|Already shared|I am not sure the share reached|The share is in .*not sure the reasoning)/;
    // A share that went through is confirmed on its own button ("✓ Shared in #general"); the rest by a notice.
    const confirmed = (share: (typeof shares)[number]) =>
      slack?.findButtons({ message: { ephemeralId: share.advice.id } }).some((b) => b.text.startsWith('✓ Shared')) ??
      false;
    await until(
      () =>
        shares.every((s) => confirmed(s) || told.test(slack?.ephemerals(s.user, GENERAL).at(-1)?.text ?? ''))
          ? true
          : undefined,
      10_000,
      'every person told what became of their share',
    );
    await wait(300); // anything still on its way lands

    let duplicates = 0;
    let posted = 0;
    for (const share of reached) {
      const after = postsBy(slack, share.user);
      duplicates += Math.max(0, after.parents - 1) + Math.max(0, after.replies - 1);
      posted += after.parents - share.parents;
      expect(after.parents, share.key).toBeLessThanOrEqual(1);
      expect(after.replies, share.key).toBeLessThanOrEqual(1);
      // A post that reached Slack before the kill is never sent again.
      if (share.parents > 0) expect(after.parents, share.key).toBe(share.parents);
    }
    expect(duplicates).toBe(0);
    const before = reached.filter((s) => s.parents > 0).length;
    process.stdout.write(
      `Crash and restart: ${SHARES} shares, ${clicks.length} clicked before SIGKILL, ${before} posts had reached ` +
        `Slack (store after the kill, post/reasoning: ${JSON.stringify(states)}); after the restart every share ` +
        `clicked again: ${posted} new posts, ${duplicates} duplicates, ${Math.round(performance.now() - started)} ms\n`,
    );
  }, 60_000);
});
