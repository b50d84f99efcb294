/**
 * Slack's side of OAuth v2 (https://docs.slack.dev/authentication/installing-with-oauth): the authorize page where a
 * person approves an install (for their workspace, or, in an Enterprise Grid org, for the whole org), the code it
 * hands back through the app's redirect URL with the app's `state`, and `oauth.v2.access`, which exchanges the code
 * for a bot token in Slack's response shape. Tokens it issues are accepted by the Web API (auth.test answers for
 * the install they came from) until the app is uninstalled or its tokens revoked. With token rotation on, tokens
 * expire and `oauth.v2.access` with `grant_type=refresh_token` exchanges a refresh token, once, for new ones.
 */
import { randomHex } from './ids.js';
import type { JsonObject } from './json.js';
import type { Workspace } from './workspace.js';
import { DEFAULT_HUMAN } from './workspace-directory.js';

/** What the app's settings page holds for OAuth (Basic Information and OAuth & Permissions). */
export interface OAuthAppSettings {
  clientId: string;
  clientSecret: string;
  /** The app's redirect URLs; an authorize request without `redirect_uri` goes back to the first. */
  redirectUrls: string[];
  /** The name the authorize page asks for; default Realtime Advisor. */
  appName?: string;
  /** Token rotation on: access tokens expire after this many seconds and come with a refresh token. */
  tokenRotation?: { expiresInSeconds: number };
}

/** What an issued bot token stands for. */
export interface IssuedToken {
  kind: 'workspace' | 'org';
  teamId: string;
  enterprise?: { id: string; name: string };
  /** The person who approved the install. */
  installer: string;
  scopes: string[];
  revoked: boolean;
  /** Epoch milliseconds, with token rotation on. */
  expiresAt?: number;
}

/** Slack's codes expire after ten minutes and work once. */
const CODE_TTL_MS = 10 * 60 * 1000;

interface Grant {
  kind: IssuedToken['kind'];
  installer: string;
  scopes: string[];
  /** The redirect_uri the authorize request named, which the exchange must repeat. */
  redirectUri: string | undefined;
  expiresAt: number;
}

export type PageAnswer = { status: number; html: string } | { status: 302; location: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): PageAnswer {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1c1d}
button{font:inherit;padding:.5rem 1rem;margin-right:.5rem;border-radius:4px;border:1px solid #888;cursor:pointer}
button.allow{background:#007a5a;color:#fff;border-color:#007a5a}</style></head>
<body><main>${body}</main></body></html>`;
  return { status, html };
}

function errorPage(status: number, error: string, detail: string): PageAnswer {
  return page(
    status,
    'Slack: something went wrong',
    `<h1>Something went wrong when authorizing this app.</h1><p>Error details: <code>${escapeHtml(error)}</code></p><p>${escapeHtml(detail)}</p>`,
  );
}

function fail(error: string): JsonObject {
  return { ok: false, error };
}

export class StandinOAuth {
  private settings: OAuthAppSettings | undefined;
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(private readonly ws: Workspace) {}

  /** Sets the app's OAuth settings, as a developer does on the app's settings page. */
  configure(settings: OAuthAppSettings): void {
    this.settings = { ...settings, redirectUrls: [...settings.redirectUrls] };
  }

  /** The install an issued bot token stands for; undefined for a token this stand-in never issued. */
  lookup(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /** Every bot token issued so far, oldest first. */
  issuedTokens(): { token: string; issued: IssuedToken }[] {
    return [...this.tokens].map(([token, issued]) => ({ token, issued: structuredClone(issued) }));
  }

  /** Revokes every issued token (the app was uninstalled, or its tokens revoked); returns how many. */
  revokeAll(): number {
    let count = 0;
    for (const issued of this.tokens.values()) {
      if (!issued.revoked) count += 1;
      issued.revoked = true;
    }
    this.refreshTokens.clear();
    return count;
  }

  /** GET /oauth/v2/authorize: the page where a person approves the install, or Slack's error page. */
  authorizePage(query: URLSearchParams): PageAnswer {
    const request = this.readRequest(query);
    if ('status' in request) return request;
    const { settings, redirectUri } = request;
    const ws = this.ws;
    const person = ws.users.get(DEFAULT_HUMAN);
    const appName = settings.appName ?? 'Realtime Advisor';
    const scopes = (query.get('scope') ?? '').split(',').filter(Boolean);
    const hidden = (name: string, value: string | null | undefined) =>
      value ? `<input type="hidden" name="${name}" value="${escapeHtml(value)}">` : '';
    const enterprise = ws.opts.enterprise;
    return page(
      200,
      `Install ${appName} · Slack`,
      `<h1>${escapeHtml(appName)} is requesting permission to access the ${escapeHtml(ws.opts.teamName)} Slack workspace</h1>
<p>Signed in as <strong>${escapeHtml(person?.name ?? DEFAULT_HUMAN)}</strong>${enterprise ? `, in the ${escapeHtml(enterprise.name)} organization` : ''}.</p>
<h2>What will ${escapeHtml(appName)} be able to do?</h2>
<ul>${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>
<form method="post" action="/oauth/v2/authorize">
${hidden('client_id', settings.clientId)}${hidden('scope', scopes.join(','))}${hidden('state', query.get('state'))}${hidden('redirect_uri', query.get('redirect_uri') ?? undefined)}
<button type="submit" name="decision" value="deny">Cancel</button>
<button type="submit" class="allow" name="decision" value="workspace">Allow</button>
${enterprise ? `<button type="submit" class="allow" name="decision" value="org">Allow for all of ${escapeHtml(enterprise.name)}</button>` : ''}
</form>
<p><small>Redirects to ${escapeHtml(redirectUri)}</small></p>`,
    );
  }

  /**
   * POST /oauth/v2/authorize: the person's choice. Allow sends them to the redirect URL with a fresh code and the
   * app's state; Cancel with `error=access_denied`. An org-wide install needs an Enterprise Grid org.
   */
  decide(form: URLSearchParams): PageAnswer {
    const request = this.readRequest(form);
    if ('status' in request) return request;
    const back = new URL(request.redirectUri);
    const state = form.get('state');
    const decision = form.get('decision');
    if (decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
      if (state) back.searchParams.set('state', state);
      return { status: 302, location: back.toString() };
    }
    if (decision !== 'workspace' && decision !== 'org') return errorPage(400, 'invalid_request', 'No decision.');
    if (decision === 'org' && !this.ws.opts.enterprise)
      return errorPage(400, 'not_enterprise', 'Only an Enterprise Grid org can install an app org-wide.');
    const code = `${Date.now()}.${randomHex(12)}.${randomHex(32)}`;
    this.codes.set(code, {
      kind: decision,
      installer: DEFAULT_HUMAN,
      scopes: (form.get('scope') ?? '').split(',').filter(Boolean),
      redirectUri: form.get('redirect_uri') ?? undefined,
      expiresAt: this.ws.now() + CODE_TTL_MS,
    });
    back.searchParams.set('code', code);
    if (state) back.searchParams.set('state', state);
    return { status: 302, location: back.toString() };
  }

  /**
   * `oauth.v2.access`: client credentials as form fields or HTTP Basic, then a code (once, within ten minutes, with
   * the same redirect_uri) or, with token rotation on, a refresh token (once).
   */
  exchange(args: JsonObject, authorization: string | undefined): JsonObject {
    const settings = this.settings;
    let clientId = typeof args.client_id === 'string' ? args.client_id : undefined;
    let clientSecret = typeof args.client_secret === 'string' ? args.client_secret : undefined;
    if (authorization?.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(authorization.slice('Basic '.length), 'base64').toString().split(':');
      clientId ??= id;
      clientSecret ??= secret;
    }
    if (!settings || clientId !== settings.clientId) return fail('invalid_client_id');
    if (clientSecret !== settings.clientSecret) return fail('bad_client_secret');
    if (args.grant_type === 'refresh_token') return this.refresh(settings, args.refresh_token);
    if (args.grant_type !== undefined && args.grant_type !== 'authorization_code') return fail('invalid_grant_type');
    const code = typeof args.code === 'string' ? args.code : undefined;
    const grant = code === undefined ? undefined : this.codes.get(code);
    if (!code || !grant || grant.expiresAt <= this.ws.now()) return fail('invalid_code');
    const redirectUri =
      typeof args.redirect_uri === 'string' && args.redirect_uri !== '' ? args.redirect_uri : undefined;
    if (grant.redirectUri !== undefined && redirectUri !== grant.redirectUri) return fail('bad_redirect_uri');
    this.codes.delete(code);
    const enterprise = this.ws.opts.enterprise;
    const issued: IssuedToken = {
      kind: grant.kind,
      teamId: this.ws.opts.teamId,
      ...(enterprise ? { enterprise } : {}),
      installer: grant.installer,
      scopes: grant.scopes,
      revoked: false,
    };
    this.ws.installedOrgWide = grant.kind === 'org';
    return this.issue(settings, issued);
  }

  private refresh(settings: OAuthAppSettings, refreshToken: unknown): JsonObject {
    const previous = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    const issued = previous === undefined ? undefined : this.tokens.get(previous);
    if (!settings.tokenRotation || typeof refreshToken !== 'string' || !issued || issued.revoked)
      return fail('invalid_refresh_token');
    // A refresh token works once; the access token it replaces still works until it expires.
    this.refreshTokens.delete(refreshToken);
    const { expiresAt: _expired, ...rest } = issued;
    return this.issue(settings, { ...rest, revoked: false });
  }

  /** Mints a bot token for an install and answers with oauth.v2.access's documented shape. */
  private issue(settings: OAuthAppSettings, issued: IssuedToken): JsonObject {
    const ws = this.ws;
    const rotation = settings.tokenRotation;
    const token = `${rotation ? 'xoxe.' : ''}xoxb-${Date.now()}-${randomHex(12)}`;
    if (rotation) issued.expiresAt = ws.now() + rotation.expiresInSeconds * 1000;
    this.tokens.set(token, issued);
    const org = issued.kind === 'org';
    const refresh = rotation ? `xoxe-1-${randomHex(40)}` : undefined;
    if (refresh) this.refreshTokens.set(refresh, token);
    return {
      ok: true,
      app_id: ws.opts.appId,
      authed_user: { id: issued.installer },
      scope: issued.scopes.join(','),
      token_type: 'bot',
      access_token: token,
      bot_user_id: ws.opts.botUserId,
      ...(refresh && rotation ? { refresh_token: refresh, expires_in: rotation.expiresInSeconds } : {}),
      team: org ? null : { id: ws.opts.teamId, name: ws.opts.teamName },
      enterprise: issued.enterprise ?? null,
      is_enterprise_install: org,
    };
  }

  /** The app's settings and where to send the person back, or Slack's error page. */
  private readRequest(params: URLSearchParams): { settings: OAuthAppSettings; redirectUri: string } | PageAnswer {
    const settings = this.settings;
    if (!settings || params.get('client_id') !== settings.clientId)
      return errorPage(400, 'invalid_client_id', 'No app has this client ID.');
    const asked = params.get('redirect_uri');
    // Slack accepts a redirect_uri that matches one of the app's redirect URLs (here: exactly, or beneath it).
    const redirectUri = asked
      ? settings.redirectUrls.find((url) => asked === url || asked.startsWith(url.endsWith('/') ? url : `${url}/`)) &&
        asked
      : settings.redirectUrls[0];
    if (!redirectUri)
      return errorPage(400, 'bad_redirect_uri', 'The redirect_uri is not one of the app’s redirect URLs.');
    return { settings, redirectUri };
  }
}
