/**
 * OAuth distribution, with Bolt's installer doing the work: GET /slack/install serves Bolt's "Add to Slack" page
 * and sets the state cookie; Slack's authorize page sends the person back to /slack/oauth_redirect, where Bolt
 * checks the state (signed with SLACK_STATE_SECRET, and the same as the cookie of this browser), exchanges the code
 * through oauth.v2.access and saves the installation in the store. Every request is then authorized from the
 * store by Bolt, for workspace and Enterprise Grid org-wide installs alike. This module only chooses the settings
 * and words the page a person sees when an install fails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, webApi } from '@slack/bolt';
import { OAUTH_REDIRECT_PATH, type OAuthConfig } from '../config.js';
import { installationStoreFor, type Store } from '../store/index.js';

export const INSTALL_PATH = '/slack/install';

/** The bot scopes the app asks for at install; manifest.yml grants exactly these (tests/manifest.test.ts). */
export const BOT_SCOPES = ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'assistant:write'] as const;

/** Slack's authorize page sits beside its Web API (https://slack.com/api/ → https://slack.com/oauth/v2/authorize). */
export function authorizationUrlFor(apiUrl: string): string {
  return new URL('../oauth/v2/authorize', apiUrl).toString();
}

/** What Bolt's HTTPReceiver needs to run the installer. */
export function installerSettings(input: {
  oauth: OAuthConfig;
  store: Store;
  apiUrl: string;
  /** For oauth.v2.access and auth.test during an install: the app's own timeouts, and no retries (a code works once). */
  clientOptions: webApi.WebClientOptions;
}): Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'redirectUri' | 'installerOptions'
> {
  const { oauth } = input;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: installationStoreFor(input.store),
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      // Bolt's own page with the "Add to Slack" button, which sets the state cookie before the person leaves.
      directInstall: false,
      authorizationUrl: authorizationUrlFor(input.apiUrl),
      clientOptions: input.clientOptions,
      callbackOptions: { failure: installFailed },
    },
  };
}

interface InstallProblem {
  status: number;
  title: string;
  advice: string;
}

/** The installer's error codes (@slack/oauth's ErrorCode) and Slack's, in words a person installing can act on. */
function describeInstallError(error: { code?: string; data?: { error?: string } }): InstallProblem {
  const again = `Start again from <a href="${INSTALL_PATH}">Add to Slack</a>.`;
  switch (error.code) {
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
      return {
        status: 400,
        title: 'This install link is not valid here',
        advice: `It has expired, was changed, or was started in another browser, so nothing was installed. ${again}`,
      };
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, title: 'The install was cancelled', advice: `Nothing was installed. ${again}` };
    case 'slack_oauth_missing_code':
      return {
        status: 400,
        title: 'Slack did not say the install was approved',
        advice: `Nothing was installed. ${again}`,
      };
    case 'slack_webapi_platform_error':
      return {
        status: 502,
        title: 'Slack did not complete the install',
        advice: `Slack answered <code>${escapeHtml(error.data?.error ?? 'an error')}</code>, so nothing was installed. ${again}`,
      };
    default:
      return {
        status: 500,
        title: 'The install could not be saved',
        advice: `Nothing was installed. Try again in a minute; if it keeps failing, tell whoever runs Realtime Advisor. ${again}`,
      };
  }
}

/** Bolt's failure callback: Bolt has logged the error; the person gets a page that says what happened and what next. */
function installFailed(error: { code?: string }, _options: unknown, _req: IncomingMessage, res: ServerResponse): void {
  const problem = describeInstallError(error);
  res.writeHead(problem.status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Realtime Advisor: ${escapeHtml(problem.title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>${escapeHtml(problem.title)}</h1>
<p>${problem.advice}</p>
</body></html>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
