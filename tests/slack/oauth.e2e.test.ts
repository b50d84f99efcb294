/**
 * The whole OAuth install, end to end: the real app in OAuth mode (Bolt's installer, installations in a throwaway
 * SQLite store) and the stand-in playing Slack's side (authorize page, oauth.v2.access, the Web API accepting only
 * the tokens it issued). A person opens /slack/install, follows Add to Slack, approves, and is sent back; then
 * people in that workspace use the app with the installed token, and a workspace that never installed gets
 * Bolt's authorization error, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/slack/install.js';
import { eventually, HUMAN } from './harness.js';
import { CLIENT_ID, type OAuthRig, ORG, settles, startOAuthApp } from './oauth-rig.js';

/** Starting the app and the stand-in takes about 40 ms alone; the whole suite on two cores can stretch it. */
const HOOK_MS = 30_000;

describe('installing in a workspace through OAuth', () => {
  let rig: OAuthRig;
  beforeAll(async () => {
    rig = await startOAuthApp();
  }, HOOK_MS);
  afterAll(() => rig?.close());

  it('serves an Add to Slack page that asks Slack for exactly the manifest’s bot scopes, with a signed state', async () => {
    const response = await fetch(`${rig.base}/slack/install`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.getSetCookie().join()).toMatch(/slack-app-oauth-state=[^;]+; Secure; HttpOnly/);
    const html = await response.text();
    expect(html).toContain('Add to Slack');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    const url = new URL(links.find((href) => href.startsWith(rig.slack.authorizeUrl)) ?? 'http://no.link/');
    expect(`${url.origin}${url.pathname}`).toBe(rig.slack.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    expect(url.searchParams.get('state')).toBeTruthy();
  });

  it('refuses a state that was changed on the way back, with a page that says what to do, and stores nothing', async () => {
    const result = await rig.slack.installApp({
      installUrl: `${rig.base}/slack/install`,
      tamper: (back) => back.searchParams.set('state', `${back.searchParams.get('state')}x`),
    });
    expect(result.status).toBe(400);
    expect(result.body).toContain('This install link is not valid here');
    expect(result.body).toContain('href="/slack/install"');
    expect(await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId })).toBeNull();
    expect(rig.slack.callsTo('oauth.v2.access')).toEqual([]); // the code was never exchanged
  });

  it('refuses a return that carries another browser’s state (no state cookie here)', async () => {
    const result = await rig.slack.installApp({ installUrl: `${rig.base}/slack/install`, forgetCookies: true });
    expect(result.status).toBe(400);
    expect(result.body).toContain('started in another browser');
    expect(await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId })).toBeNull();
  });

  it('says nothing was installed when the person presses Cancel', async () => {
    const result = await rig.slack.installApp({ installUrl: `${rig.base}/slack/install`, decision: 'deny' });
    expect(result.status).toBe(400);
    expect(result.body).toContain('The install was cancelled');
  });

  it('refuses a workspace that never installed with Bolt’s authorization error: no 5xx, nothing done, the person told', async () => {
    rig.slack.clearCalls();
    const result = await rig.slack.slashCommand({ text: 'compare' });
    // Bolt runs no listener for a request it cannot authorize; the person is told where to install
    // (tests/slack/not-installed.e2e.test.ts).
    expect(result.status).toBe(200);
    expect(rig.slack.calls).toEqual([]);
    expect(rig.slack.ephemerals(HUMAN).map((e) => e.text)).toEqual([
      expect.stringMatching(/^Realtime Advisor is not installed in this workspace/),
    ]);
  });

  it('installs when the person approves: the installation is stored with the bot token Slack issued', async () => {
    const result = await rig.slack.installApp({ installUrl: `${rig.base}/slack/install` });
    expect(result.steps.map((s) => `${s.method} ${new URL(s.url).pathname} ${s.status}`)).toEqual([
      'GET /slack/install 200',
      'GET /oauth/v2/authorize 200',
      'POST /oauth/v2/authorize 302',
      'GET /slack/oauth_redirect 200',
    ]);
    expect(result.body).toContain('Thank you!');
    const [issued] = rig.slack.oauth.issuedTokens();
    const stored = await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId });
    expect(stored?.installation).toMatchObject({
      team: { id: rig.slack.teamId },
      isEnterpriseInstall: false,
      appId: rig.slack.appId,
      bot: { token: issued?.token, userId: rig.slack.botUserId, id: rig.slack.botId, scopes: [...BOT_SCOPES] },
    });
  });

  it('answers a signed slash command from that workspace, and calls Slack with the installed token', async () => {
    rig.slack.clearCalls();
    const result = await rig.slack.slashCommand({ text: 'compare' });
    expect(result.status).toBe(200);
    expect(rig.slack.ephemerals(HUMAN).at(-1)?.text).toMatch(/WebSockets|SSE/);
    await rig.slack.openHome({ user: HUMAN });
    const publish = await eventually(() => {
      const [call] = rig.slack.callsTo('views.publish');
      if (!call) throw new Error('no views.publish yet');
      return call;
    });
    expect(publish).toMatchObject({ ok: true, installation: 'workspace' });
  });

  it('still refuses a workspace that never installed, signed but unknown, without a 5xx', async () => {
    const body = new URLSearchParams({
      team_id: 'T0NEVERINSTALLED',
      team_domain: 'elsewhere',
      channel_id: 'C0GENERAL',
      user_id: 'U0SOMEONE',
      command: '/realtime',
      text: 'compare',
      api_app_id: rig.slack.appId,
      is_enterprise_install: 'false',
      response_url: `${rig.slack.baseUrl}/respond/none`,
      trigger_id: '1.2.3',
    }).toString();
    const result = await rig.slack.sendRaw({ contentType: 'application/x-www-form-urlencoded', body });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body).text).toMatch(/^Realtime Advisor is not installed in this workspace/);
  });

  it('forgets the installation and the workspace’s decisions when the app is uninstalled', async () => {
    await rig.store.decisions.record({
      teamId: rig.slack.teamId,
      enterpriseId: null,
      channelId: 'C0GENERAL',
      inPublicChannel: true,
      threadTs: null,
      userId: HUMAN,
      answers: 'v2.x',
      pick: 'sse',
      dataVersion: '1',
      permalink: { url: null, reason: 'test' },
    });
    const { uninstalled, revoked } = await rig.slack.uninstallApp();
    expect([uninstalled.status, revoked.status]).toEqual([200, 200]);
    await settles(async () => {
      expect(await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId })).toBeNull();
    });
    await settles(async () => {
      expect(await rig.store.decisions.listByChannel('C0GENERAL')).toEqual([]);
    });
    const after = await rig.slack.slashCommand({ text: 'compare' });
    // Not answered: no installation any more, and the person is told so.
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).text).toMatch(/^Realtime Advisor is not installed in this workspace/);
  });
});

describe('installing org-wide in an Enterprise Grid org', () => {
  let rig: OAuthRig;
  beforeAll(async () => {
    rig = await startOAuthApp({ enterprise: ORG });
  }, HOOK_MS);
  afterAll(() => rig?.close());

  it('stores the org-wide installation and serves the org’s workspaces with its token', async () => {
    const result = await rig.slack.installApp({ installUrl: `${rig.base}/slack/install`, decision: 'org' });
    expect(result.status).toBe(200);
    const stored = await rig.store.installations.find({ kind: 'org', enterpriseId: ORG.id });
    const [issued] = rig.slack.oauth.issuedTokens();
    expect(stored?.installation).toMatchObject({
      isEnterpriseInstall: true,
      enterprise: ORG,
      enterpriseUrl: 'https://standin.enterprise.slack.com/',
      bot: { token: issued?.token },
    });
    expect(await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId })).toBeNull();

    rig.slack.clearCalls();
    const command = await rig.slack.slashCommand({ text: 'compare' });
    expect(command.payload).toMatchObject({ is_enterprise_install: 'true', enterprise_id: ORG.id });
    expect(command.status).toBe(200);
    await rig.slack.openHome({ user: HUMAN });
    const publish = await eventually(() => {
      const [call] = rig.slack.callsTo('views.publish');
      if (!call) throw new Error('no views.publish yet');
      return call;
    });
    expect(publish).toMatchObject({ ok: true, installation: 'org' });
  });

  it('forgets the org-wide installation when the bot’s tokens are revoked', async () => {
    const revoked = await rig.slack.revokeTokens();
    expect(revoked.envelope).toMatchObject({ authorizations: [{ is_enterprise_install: true }] });
    await settles(async () => {
      expect(await rig.store.installations.find({ kind: 'org', enterpriseId: ORG.id })).toBeNull();
    });
  });
});

describe('with token rotation turned on', () => {
  let rig: OAuthRig;
  beforeAll(async () => {
    // An hour to live: inside Bolt's two-hour window, so the first request refreshes the token.
    rig = await startOAuthApp({ tokenRotation: { expiresInSeconds: 3600 } });
  }, HOOK_MS);
  afterAll(() => rig?.close());

  it('keeps the refresh token, and Bolt refreshes an expiring token on the next request and stores the new one', async () => {
    await rig.slack.installApp({ installUrl: `${rig.base}/slack/install` });
    const scope = { kind: 'workspace', teamId: rig.slack.teamId } as const;
    const installed = (await rig.store.installations.find(scope))?.installation as {
      bot: { token: string; refreshToken?: string; expiresAt?: number };
    };
    expect(installed.bot.refreshToken).toMatch(/^xoxe-1-/);
    expect(installed.bot.expiresAt).toBeGreaterThan(Date.now() / 1000);

    rig.slack.clearCalls();
    expect((await rig.slack.slashCommand({ text: 'compare' })).status).toBe(200);
    expect(rig.slack.callsTo('oauth.v2.access')).toEqual([
      expect.objectContaining({ ok: true, args: expect.objectContaining({ grant_type: 'refresh_token' }) }),
    ]);
    const refreshed = (await rig.store.installations.find(scope))?.installation as typeof installed;
    const tokens = rig.slack.oauth.issuedTokens().map((t) => t.token);
    expect(tokens).toHaveLength(2);
    expect(refreshed.bot.token).toBe(tokens[1]);
    expect(refreshed.bot.refreshToken).not.toBe(installed.bot.refreshToken);
  });
});
