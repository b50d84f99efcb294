/**
 * The stand-in's side of OAuth against what Slack documents: oauth.v2.access's response shape (workspace and
 * org-wide), its refusals, codes that work once, and issued tokens the Web API accepts until they are revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/index.js';

const CLIENT = {
  clientId: '1.2',
  clientSecret: 'secret0123456789',
  redirectUrls: ['https://app.example/slack/oauth_redirect'],
};

let slack: SlackStandin;
beforeEach(async () => {
  slack = await startSlackStandin({ enterprise: { id: 'E0ORG', name: 'Org' } });
  slack.configureOAuth(CLIENT);
});
afterEach(() => slack.close());

async function api(method: string, args: Record<string, string>, token?: string) {
  const response = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new URLSearchParams(args).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Approves on the authorize page and returns the code from the redirect. */
async function approve(decision: 'workspace' | 'org' | 'deny', extra: Record<string, string> = {}): Promise<URL> {
  const form = new URLSearchParams({
    client_id: CLIENT.clientId,
    scope: 'commands,chat:write',
    state: 's1',
    decision,
    ...extra,
  });
  const response = await fetch(slack.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

const credentials = { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };

describe('the stand-in’s OAuth', () => {
  it('shows an authorize page with the asked scopes, and Slack’s error page for an unknown app or redirect URL', async () => {
    const ok = await fetch(`${slack.authorizeUrl}?client_id=1.2&scope=commands,chat:write&state=abc`);
    const html = await ok.text();
    expect(ok.status).toBe(200);
    expect(html).toContain('<code>chat:write</code>');
    expect(html).toContain('Allow for all of Org');
    const unknown = await fetch(`${slack.authorizeUrl}?client_id=9.9&scope=commands`);
    expect([unknown.status, await unknown.text()]).toEqual([400, expect.stringContaining('invalid_client_id')]);
    const elsewhere = await fetch(
      `${slack.authorizeUrl}?client_id=1.2&scope=commands&redirect_uri=https://evil.example/`,
    );
    expect([elsewhere.status, await elsewhere.text()]).toEqual([400, expect.stringContaining('bad_redirect_uri')]);
  });

  it('sends the person back with a code and the state, or with access_denied', async () => {
    const back = await approve('workspace');
    expect(`${back.origin}${back.pathname}`).toBe(CLIENT.redirectUrls[0]);
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('code')).toBeTruthy();
    const denied = await approve('deny');
    expect(Object.fromEntries(denied.searchParams)).toEqual({ error: 'access_denied', state: 's1' });
  });

  it('exchanges a code once, for the documented workspace shape, and the token then works', async () => {
    const code = (await approve('workspace')).searchParams.get('code') ?? '';
    const answer = await api('oauth.v2.access', { ...credentials, code });
    expect(Object.keys(answer).sort()).toEqual(
      [
        'ok',
        'app_id',
        'authed_user',
        'scope',
        'token_type',
        'access_token',
        'bot_user_id',
        'team',
        'enterprise',
        'is_enterprise_install',
      ].sort(),
    );
    expect(answer).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'commands,chat:write',
      team: { id: slack.teamId, name: 'Stand-in Workspace' },
      enterprise: { id: 'E0ORG', name: 'Org' },
      is_enterprise_install: false,
      authed_user: { id: 'U0HUMAN01' },
    });
    expect(await api('oauth.v2.access', { ...credentials, code })).toEqual({ ok: false, error: 'invalid_code' });
    const token = String(answer.access_token);
    expect(await api('auth.test', {}, token)).toMatchObject({
      ok: true,
      team_id: slack.teamId,
      is_enterprise_install: false,
    });
  });

  it('answers an org-wide install with team null and the org, and auth.test for the org', async () => {
    const code = (await approve('org')).searchParams.get('code') ?? '';
    const answer = await api('oauth.v2.access', { ...credentials, code });
    expect(answer).toMatchObject({ ok: true, team: null, enterprise: { id: 'E0ORG' }, is_enterprise_install: true });
    expect(await api('auth.test', {}, String(answer.access_token))).toMatchObject({
      ok: true,
      team_id: 'E0ORG',
      enterprise_id: 'E0ORG',
      is_enterprise_install: true,
      url: 'https://standin.enterprise.slack.com/',
    });
  });

  it('refuses wrong credentials, a changed redirect_uri, and revoked tokens, as Slack does', async () => {
    const code =
      (await approve('workspace', { redirect_uri: CLIENT.redirectUrls[0] ?? '' })).searchParams.get('code') ?? '';
    expect(await api('oauth.v2.access', { client_id: '9.9', client_secret: 'x', code })).toEqual({
      ok: false,
      error: 'invalid_client_id',
    });
    expect(await api('oauth.v2.access', { ...credentials, client_secret: 'wrong', code })).toEqual({
      ok: false,
      error: 'bad_client_secret',
    });
    expect(await api('oauth.v2.access', { ...credentials, code })).toEqual({ ok: false, error: 'bad_redirect_uri' });
    const answer = await api('oauth.v2.access', { ...credentials, code, redirect_uri: CLIENT.redirectUrls[0] ?? '' });
    expect(answer.ok).toBe(true);
    slack.oauth.revokeAll();
    expect(await api('auth.test', {}, String(answer.access_token))).toEqual({ ok: false, error: 'token_revoked' });
    // The exchange's record keeps no secret.
    expect(JSON.stringify(slack.callsTo('oauth.v2.access'))).not.toContain(CLIENT.clientSecret);
  });
});
