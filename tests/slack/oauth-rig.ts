/**
 * The app in OAuth mode (Bolt's installer, installations in a throwaway SQLite store) beside the stand-in, which
 * plays Slack's side: its authorize page, oauth.v2.access, and a Web API that accepts only the tokens it issued.
 */
import { type SlackStandin, startSlackStandin } from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { parseConfig } from '../../src/config.js';
import { createSlackApp, type RunningApp } from '../../src/slack/app.js';
import { openStore, type Store } from '../../src/store/index.js';

export const CLIENT_ID = '1111111111.2222222222';
export const CLIENT_SECRET = 'c0ffee0123456789abcdef0123456789';
export const STATE_SECRET = 'state-secret-for-the-oauth-e2e-test';
export const ORG = { id: 'E0STANDIN', name: 'Stand-in Org' };

/** Retries an async assertion until it passes: events are acknowledged before their listener finishes. */
export async function settles(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
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

export interface OAuthRig {
  slack: SlackStandin;
  store: Store;
  app: RunningApp;
  base: string;
  close(): Promise<void>;
}

export async function startOAuthApp(
  options: {
    enterprise?: typeof ORG;
    tokenRotation?: { expiresInSeconds: number };
    /** For tests that read the app's log lines; `error` by default. */
    logLevel?: 'debug' | 'info' | 'warn' | 'error';
  } = {},
): Promise<OAuthRig> {
  const slack = await startSlackStandin(options.enterprise ? { enterprise: options.enterprise } : {});
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  const parsed = parseConfig({
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: options.logLevel ?? 'error',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const { start } = createSlackApp({
    config: parsed.config,
    advisor: createAdvisor(loadComparisons()),
    store,
    host: '127.0.0.1',
    timeoutMs: 2000,
  });
  const app = await start();
  const base = `http://127.0.0.1:${app.port}`;
  slack.setAppUrl(`${base}/slack/events`);
  // The app's settings page: its credentials and the one redirect URL (so Bolt need not send redirect_uri).
  slack.configureOAuth({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrls: [`${base}/slack/oauth_redirect`],
    ...(options.tokenRotation ? { tokenRotation: options.tokenRotation } : {}),
  });
  return {
    slack,
    store,
    app,
    base,
    async close() {
      await app.stop();
      await store.close();
      await slack.close();
    },
  };
}
