/**
 * Many instances: a throwaway PostgreSQL cluster (postgres-cluster.ts) and two processes of the real app on it,
 * started together (their migrations meet at the advisory lock), both talking to one stand-in. The stand-in sends
 * each request to the instance a test names (`via`), as a load balancer would choose: a wizard's clicks land on
 * either, one share is clicked on both at the same moment, an event's retries reach both. Nothing about a
 * conversation lives in an instance's memory, and what must happen once is claimed in the database.
 *
 * Where PostgreSQL cannot run here, the tests say so by name and skip; in CI they fail instead (findPostgres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PersonActions, type SlackStandin, startSlackStandin } from '../sandbox/standin/index.js';
import { type AppProcess, startAppProcess } from './app-process.js';
import { CLIENT_ID, CLIENT_SECRET, STATE_SECRET } from './slack/oauth-rig.js';
import { findPostgres, type PostgresCluster, startPostgresCluster } from './store/postgres-cluster.js';

const GENERAL = 'C0GENERAL';
const SHARES = 50;
const EVENTS = 20;
const SHARE = 'Share in channel';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(10);
  }
}

const postgres = findPostgres();

if (!postgres.ok) {
  describe.skip(`many instances on one PostgreSQL (skipped: ${postgres.reason})`, () => {
    it('serve one wizard, post each share once and answer each event once', () => {});
  });
} else {
  describe('many instances on one PostgreSQL', () => {
    let cluster: PostgresCluster | undefined;
    let slack: SlackStandin;
    const apps: AppProcess[] = [];
    /** The same people, their requests going to instance one or two. */
    let one: PersonActions;
    let two: PersonActions;

    beforeAll(async () => {
      cluster = await startPostgresCluster(postgres);
      const database = { DATABASE_URL: await cluster.createDatabase() };
      slack = await startSlackStandin();
      // Started together: both run the migrations at start-up, one after the other under the advisory lock.
      apps.push(...(await Promise.all([startAppProcess(slack, database), startAppProcess(slack, database)])));
      const [first, second] = apps as [AppProcess, AppProcess];
      one = slack.via(first.url);
      two = slack.via(second.url);
    }, 90_000);

    afterAll(async () => {
      for (const app of apps) {
        if ((await app.stop()) !== 0) process.stderr.write(app.output.stderr);
      }
      await slack?.close();
      await cluster?.stop();
    }, 30_000);

    /** The app's shares in the channel by one person, and the replies in their threads. */
    function sharesBy(user: string) {
      const parents = slack
        .channelHistory(GENERAL)
        .filter((m) => m.bot_id && m.text.startsWith(`<@${user}> ran the Realtime Advisor`));
      const replies = parents.flatMap((p) => slack.thread(GENERAL, p.ts).filter((m) => m.ts !== p.ts));
      return { parents: parents.length, replies: replies.length };
    }

    it("takes one wizard's clicks on alternate instances to the right verdict", async () => {
      const user = slack.addUser({ name: 'wizard' }).id;
      await one.slashCommand({ user, channel: GENERAL, text: '' });
      const wizard = slack.ephemerals(user, GENERAL).at(-1);
      if (!wizard) throw new Error('no wizard');
      expect(wizard.text).toBe('Question 1 of 3: Which direction does data flow?');
      const steps: [PersonActions, string, string][] = [
        [two, 'Server → client only', 'Question 2 of 3'],
        [one, '← Back', 'Question 1 of 3'],
        [two, 'Server → client only', 'Question 2 of 3'],
        [one, 'Yes, binary frames', 'Question 3 of 3'],
        [two, 'Somewhat', 'Verdict: WebSocket, for binary frames from the server (clear pick)'],
      ];
      for (const [instance, label, next] of steps) {
        const before = slack.ephemerals(user, GENERAL).find((e) => e.id === wizard.id)?.text;
        const click = await instance.clickButtonByText({ user, text: label, message: { ephemeralId: wizard.id } });
        expect(click.status).toBe(200);
        await until(
          () => slack.ephemerals(user, GENERAL).find((e) => e.id === wizard.id)?.text !== before,
          5000,
          `the answer to "${label}"`,
        );
        expect(
          slack
            .ephemerals(user, GENERAL)
            .find((e) => e.id === wizard.id)
            ?.text.startsWith(next),
          label,
        ).toBe(true);
      }
    }, 30_000);

    it(`posts each of ${SHARES} shares once when each is clicked on both instances at the same moment`, async () => {
      const people = Array.from({ length: SHARES }, (_, i) => slack.addUser({ name: `sharer${i}` }).id);
      const advice: { user: string; id: string }[] = [];
      for (const [i, user] of people.entries()) {
        await (i % 2 ? two : one).slashCommand({ user, channel: GENERAL, text: 'both ways' });
        const message = slack.ephemerals(user, GENERAL).at(-1);
        if (!message) throw new Error(`no advice for ${user}`);
        advice.push({ user, id: message.id });
      }
      const posts = () => slack.callsTo('chat.postMessage').length;
      const postsBefore = posts();
      const started = performance.now();
      // Every share clicked twice at once, once on each instance: 100 clicks in flight together.
      const clicks = await Promise.all(
        advice.flatMap(({ user, id }) =>
          [one, two].map((instance) => instance.clickButtonByText({ user, text: SHARE, message: { ephemeralId: id } })),
        ),
      );
      expect(clicks.map((c) => c.status)).toEqual(clicks.map(() => 200));
      await until(
        () => people.every((user) => sharesBy(user).replies === 1),
        20_000,
        'every share posted with its reasoning',
      );
      const ms = performance.now() - started;
      await wait(500); // a second copy, were there one, would land by now
      const counts = people.map(sharesBy);
      const duplicates = counts.reduce((n, c) => n + Math.max(0, c.parents - 1) + Math.max(0, c.replies - 1), 0);
      expect(counts).toEqual(people.map(() => ({ parents: 1, replies: 1 })));
      expect(posts() - postsBefore).toBe(SHARES * 2);
      expect(duplicates).toBe(0);
      // Each person is told it is shared: on the verdict's own button ("✓ Shared in #general") by the instance that
      // posted, or by a notice from the other, which found it held or done.
      await until(
        () =>
          advice.every(
            ({ user, id }) =>
              slack.findButtons({ message: { ephemeralId: id } }).some((b) => b.text.startsWith('✓ Shared')) ||
              /^(Shared in <#C0GENERAL>|Already shared)/.test(slack.ephemerals(user, GENERAL).at(-1)?.text ?? ''),
          ),
        5000,
        'every person told their share is in the channel',
      );
      process.stdout.write(
        `Many instances: ${SHARES} shares × 2 simultaneous clicks on 2 instances: ${SHARES} shares and ${SHARES} ` +
          `thread replies posted (${posts() - postsBefore} chat.postMessage calls), ${duplicates} duplicates, ` +
          `all posted in ${Math.round(ms)} ms\n`,
      );
    }, 60_000);

    it(`answers an event once when Slack's retries of it reach both instances (${EVENTS} events)`, async () => {
      const started = performance.now();
      const mentions: { message: { ts: string }; eventId: string }[] = [];
      for (let i = 0; i < EVENTS; i++) {
        // The first try on one; at once, a retry on each instance, as when Slack thought the first was lost.
        const { message, event } = await one.mention({ text: `streaming LLM tokens to a browser, take ${i}` });
        if (!event) throw new Error('no event sent');
        const retries = await Promise.all([two.redeliver(event.eventId, 1), one.redeliver(event.eventId, 2)]);
        expect([event.status, ...retries.map((r) => r.status)]).toEqual([200, 200, 200]);
        mentions.push({ message, eventId: event.eventId });
      }
      const replies = () => mentions.map(({ message }) => slack.thread(GENERAL, message.ts).length - 1);
      await until(() => replies().every((n) => n >= 1), 15_000, 'a reply to every mention');
      // Slack's last retry, minutes later, on the instance that did not answer the first try.
      await Promise.all(mentions.map(({ eventId }) => two.redeliver(eventId, 3)));
      await wait(500);
      const deliveries = EVENTS * 4;
      expect(replies()).toEqual(mentions.map(() => 1));
      process.stdout.write(
        `Many instances: ${EVENTS} mentions delivered ${deliveries} times across 2 instances: ${EVENTS} replies, ` +
          `0 duplicates, ${Math.round(performance.now() - started)} ms\n`,
      );
    }, 60_000);

    it('serves requests on one instance for a workspace installed through the other', async () => {
      // In OAuth mode, with a stand-in of its own that accepts only the tokens its OAuth flow issued.
      const workspace = await startSlackStandin();
      const env = {
        DATABASE_URL: await (cluster as PostgresCluster).createDatabase(),
        SLACK_BOT_TOKEN: undefined,
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
      };
      const pair = await Promise.all([startAppProcess(workspace, env), startAppProcess(workspace, env)]);
      try {
        const [installer, other] = pair.map((app) => ({ base: new URL(app.url).origin, as: workspace.via(app.url) }));
        if (!installer || !other) throw new Error('two instances');
        workspace.configureOAuth({
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUrls: [`${installer.base}/slack/oauth_redirect`],
        });
        const replies = (ts: string) => workspace.thread(GENERAL, ts).length - 1;

        // Not installed yet: the other instance has no token to answer with.
        const before = await other.as.mention({ text: 'streaming LLM tokens to a browser' });
        await wait(500);
        expect(replies(before.message.ts)).toBe(0);

        // Installed through the first instance's Add to Slack page; the second answers with the token it stored.
        const installed = await workspace.installApp({ installUrl: `${installer.base}/slack/install` });
        expect(installed.status).toBe(200);
        const after = await other.as.mention({ text: 'streaming LLM tokens to a browser' });
        await until(() => replies(after.message.ts) === 1, 5000, 'the reply from the other instance');
        expect(workspace.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([true]);
      } finally {
        for (const app of pair) await app.stop();
        await workspace.close();
      }
    }, 60_000);
  });
}
