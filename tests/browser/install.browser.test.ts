/**
 * Installing through OAuth in a real browser (Debian's Chromium, driven by playwright-core): a person opens the
 * app's /slack/install, clicks Add to Slack, reads what the app asks for on the stand-in's authorize page, clicks
 * Allow, and lands back on the app's thank-you page. The browser carries the state cookie, as Bolt requires; the
 * installation is then in the store, and the workspace is answered with its token.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/slack/install.js';
import { HUMAN } from '../slack/harness.js';
import { type OAuthRig, startOAuthApp } from '../slack/oauth-rig.js';
import { type Browser, launchChromium, STEP_MS } from './chromium.js';

let rig: OAuthRig;
let context: BrowserContext;
let page: Page;
let browser: Browser;

beforeAll(async () => {
  rig = await startOAuthApp();
  browser = await launchChromium({ width: 1024, height: 768 });
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_MS);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

describe('installing the app in a browser', () => {
  it('goes from Add to Slack through the authorize page and back, and the workspace is then served', async () => {
    // (1) The app's install page: Bolt's Add to Slack button, and the state cookie for this browser.
    await page.goto(`${rig.base}/slack/install`);
    const cookies = await context.cookies(rig.base);
    expect(cookies.map((c) => c.name)).toContain('slack-app-oauth-state');
    await page.getByRole('link', { name: /Add to Slack/ }).click();

    // (2) Slack's authorize page (the stand-in's): what the app asks for, and Allow.
    await page.waitForURL(/\/oauth\/v2\/authorize\?/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Realtime Advisor is requesting permission');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
    const asked = await page.getByRole('list').innerText();
    expect(asked.split('\n')).toEqual([...BOT_SCOPES]);
    await page.getByRole('button', { name: 'Allow', exact: true }).click();

    // (3) Back at the app: Bolt checked the state against the cookie, exchanged the code and saved the install.
    await page.waitForURL(/\/slack\/oauth_redirect\?/);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Thank you!');
    const stored = await rig.store.installations.find({ kind: 'workspace', teamId: rig.slack.teamId });
    expect(stored?.installation).toMatchObject({ bot: { token: rig.slack.oauth.issuedTokens()[0]?.token } });

    // (4) The workspace that installed is answered.
    const command = await rig.slack.slashCommand({ user: HUMAN, text: 'compare' });
    expect(command.status).toBe(200);
    expect(rig.slack.ephemerals(HUMAN).at(-1)?.text).toMatch(/WebSockets|SSE/);
  }, 60_000);
});
