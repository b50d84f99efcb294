/**
 * A workspace with no installation (OAuth mode: never installed, removed, or its record lost): Bolt's authorize
 * finds no token. The person who typed /realtime is told in one line that the app is not installed there and where
 * to install it; a click or an event, where nothing can be said, is acknowledged and logged once as a warning.
 */
import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AckResult, startSlackStandin } from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { parseConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import { openStore } from '../../src/store/index.js';
import { CLIENT_ID, CLIENT_SECRET, type OAuthRig, STATE_SECRET, startOAuthApp } from './oauth-rig.js';

const HOOK_MS = 30_000;

/** The app's warnings while `act` runs, as Bolt's console logger prints them. */
async function warningsDuring<T>(act: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const result = await act();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { result, warnings: warn.mock.calls.map((args) => format(...args)) };
  } finally {
    warn.mockRestore();
  }
}

const ourWarnings = (warnings: string[]) => warnings.filter((w) => /no installation/i.test(w));

describe('a request from a workspace where the app is not installed', () => {
  let rig: OAuthRig;
  beforeAll(async () => {
    rig = await startOAuthApp({ logLevel: 'warn' });
  }, HOOK_MS);
  afterAll(() => rig?.close());
  afterEach(() => rig.slack.clearCalls());

  it('answers /realtime with one line saying so, with the install page’s address', async () => {
    const { result, warnings } = await warningsDuring(() => rig.slack.slashCommand({ text: 'compare' }));
    expect(result.status).toBe(200);
    const shown = rig.slack.ephemerals('U0HUMAN01').at(-1)?.text ?? '';
    expect(shown).toBe(
      `Realtime Advisor is not installed in this workspace, so /realtime cannot answer here. Install it at <${rig.base}/slack/install|${rig.base}/slack/install> (someone allowed to add apps may need to), then try again.`,
    );
    expect(shown).not.toContain('\n');
    expect(rig.slack.calls).toEqual([]); // no token, so no Web API call
    expect(ourWarnings(warnings)).toHaveLength(1);
    expect(ourWarnings(warnings)[0]).toContain(rig.slack.teamId);
  });

  it('acknowledges a click at once, says nothing it cannot, and logs it once as a warning', async () => {
    const payload = {
      type: 'block_actions',
      team: { id: rig.slack.teamId, domain: rig.slack.teamDomain },
      user: { id: 'U0HUMAN01', username: 'ada', team_id: rig.slack.teamId },
      api_app_id: rig.slack.appId,
      container: { type: 'message', message_ts: '1.000001', channel_id: 'C0GENERAL', is_ephemeral: true },
      trigger_id: '1.2.3',
      channel: { id: 'C0GENERAL', name: 'general' },
      response_url: `${rig.slack.baseUrl}/respond/none`,
      actions: [{ action_id: 'verdict.share', block_id: 'b', type: 'button', value: 'x', action_ts: '1.2' }],
    };
    const { result, warnings } = await warningsDuring(() =>
      rig.slack.sendRaw({
        contentType: 'application/x-www-form-urlencoded',
        body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      }),
    );
    expect([result.status, result.body]).toEqual([200, '']);
    expect(result.ackMs).toBeLessThan(1000);
    expect(ourWarnings(warnings)).toHaveLength(1);
    expect(ourWarnings(warnings)[0]).toMatch(/block_actions/);
  });

  it('acknowledges an @mention event, so Slack does not retry it, and logs it once as a warning', async () => {
    const { result, warnings } = await warningsDuring(() => rig.slack.mention({ text: 'sse or websockets?' }));
    const event = result.event as AckResult;
    expect([event.status, event.body]).toEqual([200, '']);
    expect(ourWarnings(warnings)).toHaveLength(1);
    expect(ourWarnings(warnings)[0]).toMatch(/app_mention/);
    expect(rig.slack.calls).toEqual([]);
  });
});

describe('when the store cannot be read', () => {
  let rig: OAuthRig;
  beforeAll(async () => {
    rig = await startOAuthApp({ logLevel: 'warn' });
  }, HOOK_MS);
  afterAll(() => rig?.close());

  it('does not say the app is not installed: it says to try again, and logs why', async () => {
    const find = rig.store.installations.find;
    rig.store.installations.find = async () => {
      throw new Error('SQLITE_BUSY: database is locked');
    };
    try {
      const { result, warnings } = await warningsDuring(() => rig.slack.slashCommand({ text: 'compare' }));
      expect(result.status).toBe(200);
      expect(rig.slack.ephemerals('U0HUMAN01').at(-1)?.text).toBe(
        'Realtime Advisor could not check its installation in this workspace just now, so /realtime cannot answer. Try again in a minute; if it keeps failing, tell whoever runs Realtime Advisor.',
      );
      expect(warnings.filter((w) => w.includes('could not be authorized'))).toEqual([
        expect.stringContaining('database is locked'),
      ]);
    } finally {
      rig.store.installations.find = find;
    }
  });
});

describe('when the app is served at a public address', () => {
  it('gives the install page at SLACK_REDIRECT_URI’s host, as Slack reaches it', async () => {
    const slack = await startSlackStandin();
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    const parsed = parseConfig({
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_REDIRECT_URI: 'https://advisor.example.com/slack/oauth_redirect',
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'error',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const { start } = createSlackApp({ config: parsed.config, advisor: createAdvisor(loadComparisons()), store });
    const app = await start();
    try {
      slack.setAppUrl(`http://127.0.0.1:${app.port}/slack/events`);
      await slack.slashCommand({ text: '' });
      expect(slack.ephemerals('U0HUMAN01').at(-1)?.text).toContain(
        'Install it at <https://advisor.example.com/slack/install|https://advisor.example.com/slack/install>',
      );
    } finally {
      await app.stop();
      await store.close();
      await slack.close();
    }
  });
});
