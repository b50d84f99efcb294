/**
 * One contract for every backend: what the app may rely on from a store, run by sqlite.test.ts and
 * postgres.test.ts. Tests share a database and keep apart by their own ids; those about opening start a fresh one.
 */
import type { Installation } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationStoreFor } from '../../src/store/installations.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { type NewDecision, SchemaTooNewError, type Store, type StoreOptions } from '../../src/store/store.js';

export interface TestDatabase {
  /** Opens a store on this database: another call is another instance. */
  open(options?: StoreOptions): Promise<Store>;
  /** Runs SQL on the database directly, behind the stores' backs; returns the rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
}

export interface ContractBackend {
  /** A fresh, empty database. */
  freshDatabase(): Promise<TestDatabase>;
}

const DAY = 24 * 60 * 60 * 1000;

/** A clock the test moves by hand. */
function testClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function workspaceInstall(teamId: string, botToken: string, enterpriseId?: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: enterpriseId ? { id: enterpriseId, name: 'Grid' } : undefined,
    user: { id: 'U_INSTALLER', token: undefined, scopes: undefined },
    bot: { token: botToken, scopes: ['commands', 'chat:write'], id: 'B1', userId: 'U_BOT' },
    appId: 'A_APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function orgInstall(enterpriseId: string, botToken: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid' },
    user: { id: 'U_ADMIN', token: undefined, scopes: undefined },
    bot: { token: botToken, scopes: ['commands', 'chat:write'], id: 'B2', userId: 'U_BOT2' },
    appId: 'A_APP',
    tokenType: 'bot',
    enterpriseUrl: 'https://grid.enterprise.slack.com/',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

let counter = 0;
/** An id no other test uses, so tests can share a database. */
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();

function decision(overrides: Partial<NewDecision> = {}): NewDecision {
  return {
    teamId: 'T1',
    enterpriseId: null,
    channelId: 'C1',
    inPublicChannel: true,
    threadTs: '1700000000.000100',
    userId: 'U1',
    answers: 'v1.realtime.0.1.2',
    pick: 'sse',
    dataVersion: '2026-02-14',
    permalink: { url: 'https://example.slack.com/archives/C1/p1700000000000100' },
    ...overrides,
  };
}

export function storeContract(name: string, backend: () => ContractBackend): void {
  describe(name, () => {
    const clock = testClock();
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await backend().freshDatabase();
      store = await db.open({ now: clock.now });
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('Slack installations, through Bolt’s InstallationStore', () => {
      it('stores a workspace install and serves it by team id', async () => {
        const team = unique('T');
        const bolt = installationStoreFor(store);
        await bolt.storeInstallation(workspaceInstall(team, 'xoxb-first'));
        const found = await bolt.fetchInstallation({
          teamId: team,
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
        expect(found.bot?.token).toBe('xoxb-first');
        expect(found.team?.id).toBe(team);
        expect(found.appId).toBe('A_APP');
      });

      it('serves an Enterprise Grid org-wide install to any workspace of the org, apart from a workspace install', async () => {
        const enterprise = unique('E');
        const bolt = installationStoreFor(store);
        await bolt.storeInstallation(orgInstall(enterprise, 'xoxb-org'));
        await bolt.storeInstallation(workspaceInstall('T_IN_GRID', 'xoxb-workspace', enterprise));
        const viaOrg = await bolt.fetchInstallation({
          teamId: 'T_ANY_WORKSPACE',
          enterpriseId: enterprise,
          isEnterpriseInstall: true,
        });
        expect(viaOrg.bot?.token).toBe('xoxb-org');
        expect(viaOrg.isEnterpriseInstall).toBe(true);
        const viaWorkspace = await bolt.fetchInstallation({
          teamId: 'T_IN_GRID',
          enterpriseId: enterprise,
          isEnterpriseInstall: false,
        });
        expect(viaWorkspace.bot?.token).toBe('xoxb-workspace');
      });

      it('lets a re-install replace the installation, so the newest bot token answers', async () => {
        const team = unique('T');
        const bolt = installationStoreFor(store);
        await bolt.storeInstallation(workspaceInstall(team, 'xoxb-old'));
        await bolt.storeInstallation(workspaceInstall(team, 'xoxb-new'));
        const found = await bolt.fetchInstallation({
          teamId: team,
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
        expect(found.bot?.token).toBe('xoxb-new');
      });

      it('throws, naming the team and no token, where the app is not installed', async () => {
        const bolt = installationStoreFor(store);
        await expect(
          bolt.fetchInstallation({ teamId: 'T_NOWHERE', enterpriseId: undefined, isEnterpriseInstall: false }),
        ).rejects.toThrow(/No installation .*team T_NOWHERE/);
      });

      it('keeps user tokens per person: a person without one gets the installation without a user token', async () => {
        const team = unique('T');
        const bolt = installationStoreFor(store);
        const withUserScopes = workspaceInstall(team, 'xoxb-u');
        withUserScopes.user = { id: 'U_ADA', token: 'xoxp-ada', scopes: ['search:read'] };
        await bolt.storeInstallation(withUserScopes);
        const query = { teamId: team, enterpriseId: undefined, isEnterpriseInstall: false } as const;
        expect((await bolt.fetchInstallation({ ...query, userId: 'U_ADA' })).user.token).toBe('xoxp-ada');
        const other = await bolt.fetchInstallation({ ...query, userId: 'U_GRACE' });
        expect(other.user).toEqual({ id: 'U_GRACE', token: undefined, scopes: undefined });
        expect(other.bot?.token).toBe('xoxb-u');
      });

      it('forgets one person’s token on a user delete, and the whole installation on a workspace delete', async () => {
        const team = unique('T');
        const bolt = installationStoreFor(store);
        const install = workspaceInstall(team, 'xoxb-d');
        install.user = { id: 'U_ADA', token: 'xoxp-ada', scopes: ['search:read'] };
        await bolt.storeInstallation(install);
        const query = { teamId: team, enterpriseId: undefined, isEnterpriseInstall: false } as const;
        await bolt.deleteInstallation?.({ ...query, userId: 'U_ADA' });
        const after = await bolt.fetchInstallation({ ...query, userId: 'U_ADA' });
        expect(after.user.token).toBeUndefined();
        expect(after.bot?.token).toBe('xoxb-d');
        await bolt.deleteInstallation?.(query);
        await expect(bolt.fetchInstallation(query)).rejects.toThrow(/No installation/);
      });

      it('gives Bolt’s own authorize what it needs for a workspace and for an org-wide install', async () => {
        const team = unique('T');
        const enterprise = unique('E');
        const installationStore = installationStoreFor(store);
        await installationStore.storeInstallation(workspaceInstall(team, 'xoxb-auth'));
        await installationStore.storeInstallation(orgInstall(enterprise, 'xoxb-auth-org'));
        const provider = new InstallProvider({
          clientId: '1.2',
          clientSecret: 'secret',
          stateSecret: 'state-secret',
          installationStore,
        });
        expect(
          await provider.authorize({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false }),
        ).toMatchObject({ botToken: 'xoxb-auth', botUserId: 'U_BOT', teamId: team });
        expect(
          await provider.authorize({ teamId: 'T_SOME', enterpriseId: enterprise, isEnterpriseInstall: true }),
        ).toMatchObject({ botToken: 'xoxb-auth-org', enterpriseId: enterprise, teamId: 'T_SOME' });
      });
    });

    describe('the decision log', () => {
      it('lists a channel’s decisions most recent first, up to the limit', async () => {
        const channel = unique('C');
        for (const [i, pick] of ['websocket', 'sse', 'polling'].entries()) {
          await store.decisions.record(decision({ channelId: channel, pick, createdAt: new Date(clock.now() + i) }));
        }
        const listed = await store.decisions.listByChannel(channel, { limit: 2 });
        expect(listed.map((d) => d.pick)).toEqual(['polling', 'sse']);
      });

      it('keeps what was decided: answers, pick, data version, thread, permalink or the reason there is none', async () => {
        const channel = unique('C');
        const withLink = await store.decisions.record(decision({ channelId: channel }));
        const without = await store.decisions.record(
          decision({
            channelId: channel,
            threadTs: null,
            permalink: { url: null, reason: 'shared through response_url: Slack gives no ts' },
          }),
        );
        const listed = await store.decisions.listByChannel(channel);
        expect(listed).toHaveLength(2);
        const byId = new Map(listed.map((d) => [d.id, d]));
        expect(byId.get(withLink.id)).toEqual({
          ...decision({ channelId: channel }),
          id: withLink.id,
          createdAt: new Date(clock.now()),
          situation: null,
          feedback: null,
        });
        expect(byId.get(without.id)?.permalink).toEqual({
          url: null,
          reason: 'shared through response_url: Slack gives no ts',
        });
        expect(byId.get(without.id)?.threadTs).toBeNull();
      });

      it('lists a person’s own decisions, and with withPublic also public-channel ones, never another’s private ones', async () => {
        const team = unique('T');
        await store.decisions.record(decision({ teamId: team, userId: 'U_ME', inPublicChannel: false, pick: 'mine' }));
        await store.decisions.record(
          decision({ teamId: team, userId: 'U_YOU', inPublicChannel: true, pick: 'public' }),
        );
        await store.decisions.record(
          decision({ teamId: team, userId: 'U_YOU', inPublicChannel: false, pick: 'your-private' }),
        );
        await store.decisions.record(decision({ teamId: 'T_ELSEWHERE', userId: 'U_ME', pick: 'other-workspace' }));
        const own = await store.decisions.listForPerson(team, 'U_ME');
        expect(own.map((d) => d.pick)).toEqual(['mine']);
        const home = await store.decisions.listForPerson(team, 'U_ME', { withPublic: true });
        expect(home.map((d) => d.pick).sort()).toEqual(['mine', 'public']);
      });

      it('keeps the situation in the person’s words, and finds a decision by id', async () => {
        const situation = 'We stream “LLM tokens” to browsers; clients only send the prompt.';
        const recorded = await store.decisions.record(decision({ channelId: unique('C'), situation }));
        expect(recorded.situation).toBe(situation);
        expect(await store.decisions.find(recorded.id)).toEqual(recorded);
        expect(await store.decisions.find('999999999')).toBeNull();
        expect(await store.decisions.find('not-an-id')).toBeNull();
      });

      it('lists the decisions with feedback, most recently answered first, and none without', async () => {
        const first = await store.decisions.record(decision({ channelId: unique('C'), pick: 'answered-first' }));
        const second = await store.decisions.record(decision({ channelId: unique('C'), pick: 'answered-second' }));
        await store.decisions.record(decision({ channelId: unique('C'), pick: 'never-answered' }));
        await store.decisions.recordFeedback(first.id, { answer: 'yes' });
        clock.advance(1000);
        await store.decisions.recordFeedback(second.id, { answer: 'no', note: 'clients upload too' });
        const listed = await store.decisions.listWithFeedback({ limit: 1000 });
        const picks = listed.map((d) => d.pick);
        expect(picks.indexOf('answered-second')).toBeLessThan(picks.indexOf('answered-first'));
        expect(picks).not.toContain('never-answered');
        expect(listed.find((d) => d.id === second.id)?.feedback).toMatchObject({
          answer: 'no',
          note: 'clients upload too',
        });
      });

      it('records feedback on a decision, the latest answer winning, and says false for one that is gone', async () => {
        const recorded = await store.decisions.record(decision({ channelId: unique('C') }));
        expect(await store.decisions.recordFeedback(recorded.id, { answer: 'no' })).toBe(true);
        expect(await store.decisions.recordFeedback(recorded.id, { answer: 'yes', note: 'SSE held up' })).toBe(true);
        const [found] = await store.decisions.listByChannel(recorded.channelId);
        expect(found?.feedback).toEqual({ answer: 'yes', note: 'SSE held up', at: new Date(clock.now()) });
        expect(await store.decisions.recordFeedback('999999999', { answer: 'yes' })).toBe(false);
        expect(await store.decisions.recordFeedback('not-an-id', { answer: 'yes' })).toBe(false);
      });

      it('deletes decisions older than the retention period and keeps the rest', async () => {
        const channel = unique('C');
        const old = new Date(clock.now() - 400 * DAY);
        const recent = new Date(clock.now() - 30 * DAY);
        await store.decisions.record(decision({ channelId: channel, createdAt: old, pick: 'old' }));
        await store.decisions.record(decision({ channelId: channel, createdAt: recent, pick: 'recent' }));
        expect(await store.decisions.deleteOlderThan(365)).toBeGreaterThanOrEqual(1);
        expect((await store.decisions.listByChannel(channel)).map((d) => d.pick)).toEqual(['recent']);
      });

      it('forgets a workspace (app_uninstalled): its installation and decisions, and no other workspace’s', async () => {
        const team = unique('T');
        const other = unique('T');
        const bolt = installationStoreFor(store);
        await bolt.storeInstallation(workspaceInstall(team, 'xoxb-gone'));
        await bolt.storeInstallation(workspaceInstall(other, 'xoxb-stays'));
        await store.decisions.record(decision({ teamId: team, userId: 'U_X' }));
        await store.decisions.record(decision({ teamId: team, userId: 'U_X' }));
        await store.decisions.record(decision({ teamId: other, userId: 'U_X' }));
        expect(await store.forget({ kind: 'workspace', teamId: team })).toEqual({ decisions: 2 });
        expect(await store.installations.find({ kind: 'workspace', teamId: team })).toBeNull();
        expect(await store.decisions.listForPerson(team, 'U_X')).toEqual([]);
        expect(await store.installations.find({ kind: 'workspace', teamId: other })).not.toBeNull();
        expect(await store.decisions.listForPerson(other, 'U_X')).toHaveLength(1);
      });

      it('forgets an org (org-wide uninstall): its installation and the decisions of all its workspaces', async () => {
        const enterprise = unique('E');
        await installationStoreFor(store).storeInstallation(orgInstall(enterprise, 'xoxb-org-gone'));
        await store.decisions.record(decision({ teamId: 'T_G1', enterpriseId: enterprise }));
        await store.decisions.record(decision({ teamId: 'T_G2', enterpriseId: enterprise }));
        expect(await store.forget({ kind: 'org', enterpriseId: enterprise })).toEqual({ decisions: 2 });
        expect(await store.installations.find({ kind: 'org', enterpriseId: enterprise })).toBeNull();
      });
    });

    describe('dedup keys', () => {
      it('claims a key once within its TTL, again once it expired, and again once released', async () => {
        const key = unique('event:');
        expect(await store.dedup.claim(key, 60)).toBe(true);
        expect(await store.dedup.claim(key, 60)).toBe(false);
        clock.advance(59_000);
        expect(await store.dedup.claim(key, 60)).toBe(false);
        clock.advance(1_000);
        expect(await store.dedup.claim(key, 60)).toBe(true);
        await store.dedup.release(key);
        expect(await store.dedup.claim(key, 60)).toBe(true);
      });

      it('lets exactly one of many simultaneous claims on two instances win', async () => {
        const other = await db.open({ now: clock.now });
        try {
          for (let round = 0; round < 5; round++) {
            const key = unique('share:');
            const claims = Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).dedup.claim(key, 60));
            const won = (await Promise.all(claims)).filter(Boolean);
            expect(won).toHaveLength(1);
          }
        } finally {
          await other.close();
        }
      });

      it('purges expired keys only', async () => {
        const fresh = unique('k:');
        const stale = unique('k:');
        await store.dedup.claim(stale, 1);
        clock.advance(2_000);
        await store.dedup.claim(fresh, 60);
        expect(await store.dedup.purgeExpired()).toBeGreaterThanOrEqual(1);
        expect(await store.dedup.claim(fresh, 60)).toBe(false);
        expect(await store.dedup.claim(stale, 60)).toBe(true);
      });
    });

    describe('share records', () => {
      it('records the intent before posting and the outcome after', async () => {
        const key = unique('share:');
        await store.shares.recordIntent(key, 'post');
        expect(await store.shares.steps(key)).toEqual({ post: { state: 'intent' } });
        await store.shares.recordOutcome(key, 'post', { state: 'done', ts: '1700000000.000200' });
        await store.shares.recordIntent(key, 'reasoning');
        await store.shares.recordOutcome(key, 'reasoning', { state: 'unsure' });
        expect(await store.shares.steps(key)).toEqual({
          post: { state: 'done', ts: '1700000000.000200' },
          reasoning: { state: 'unsure' },
        });
      });

      it('forgets a step Slack refused, so that the next try posts it', async () => {
        const key = unique('share:');
        await store.shares.recordIntent(key, 'post');
        await store.shares.recordOutcome(key, 'post', { state: 'refused' });
        expect(await store.shares.steps(key)).toEqual({});
      });

      it('shows another instance an intent with no outcome: a post that may be there', async () => {
        const key = unique('share:');
        await store.shares.recordIntent(key, 'post');
        const other = await db.open({ now: clock.now });
        try {
          expect(await other.shares.steps(key)).toEqual({ post: { state: 'intent' } });
        } finally {
          await other.close();
        }
      });

      it('purges share records last touched before the given age', async () => {
        const old = unique('share:');
        const recent = unique('share:');
        await store.shares.recordOutcome(old, 'post', { state: 'done' });
        clock.advance(2 * 60 * 60 * 1000);
        await store.shares.recordOutcome(recent, 'post', { state: 'done' });
        expect(await store.shares.purgeOlderThan(60 * 60)).toBeGreaterThanOrEqual(1);
        expect(await store.shares.steps(old)).toEqual({});
        expect(await store.shares.steps(recent)).toEqual({ post: { state: 'done' } });
      });
    });

    describe('migrations', () => {
      it('opens four stores at once on a fresh database, applying the schema once', async () => {
        const fresh = await backend().freshDatabase();
        const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open(), fresh.open()]);
        try {
          for (const s of stores) expect(await s.schemaVersion()).toBe(SCHEMA_VERSION);
          // Every instance works on the one schema.
          const claims = await Promise.all(stores.map((s) => s.dedup.claim('first-run', 60)));
          expect(claims.filter(Boolean)).toHaveLength(1);
        } finally {
          await Promise.all(stores.map((s) => s.close()));
        }
        const again = await fresh.open();
        expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
        await again.close();
        const applied = await fresh.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(applied.map((row) => Number(row.version))).toEqual(
          Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
        );
      });

      it('refuses a database whose schema is newer than this build knows', async () => {
        const fresh = await backend().freshDatabase();
        await (await fresh.open()).close();
        await fresh.query(
          `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'from the future', 0)`,
        );
        await expect(fresh.open()).rejects.toThrow(SchemaTooNewError);
      });
    });
  });
}
