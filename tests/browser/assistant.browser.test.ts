/**
 * The assistant panel in a real browser (Debian's Chromium, driven by playwright-core): a person opens it beside
 * #general, asks in their own words, answers the one question their words left open, refines the case in a
 * follow-up and shares the verdict in the channel they are viewing. Every step is a signed Slack request to the
 * real app; the page shows what the app did. Ends with the screenshot the README shows for the panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/server/server.js';
import { openSandboxPage, type SandboxPage, saveScreenshot, see, type } from './sandbox-page.js';

let opened: SandboxPage;
let sandbox: Sandbox;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  opened = await openSandboxPage();
  ({ sandbox, page, pageErrors } = opened);
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

describe('the assistant panel in a browser', () => {
  it('asks in its own words beside #general, answers the open question, refines, and shares the verdict there', async () => {
    await page.goto(`http://127.0.0.1:${sandbox.port}/`);
    await see(page.locator('#connection'), 'Live');
    await see(page.locator('.channel-header h1'), '# general');

    // (1) Open the panel from the top bar: a greeting in one line, prompts to try, and where a share goes.
    await page.getByRole('button', { name: '✦ Assistant', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Assistant' });
    await see(panel, 'in your own words');
    await see(panel.locator('#assistant-viewing'), 'Beside #general');
    await see(panel.getByRole('group', { name: 'Try one of these' }), 'Compare WebSocket and SSE');
    const box = panel.getByRole('textbox', { name: 'Ask the assistant' });
    const lastFromApp = () => panel.locator('.message:not(.ephemeral)', { has: page.locator('.badge') }).last();

    // (2) In their own words: binary payloads, and the direction left open. One question, as buttons.
    await type(box, 'Our payloads are binary, direction not decided yet');
    await see(lastFromApp(), 'Which direction does data flow?');
    await see(panel.locator('#assistant-title'), 'Our payloads are binary, direction not decided yet'); // the thread's title
    await lastFromApp().getByRole('button', { name: 'Server → client only', exact: true }).click();
    await see(lastFromApp().getByRole('heading'), /^Verdict: WebSocket/);

    // (3) A follow-up refines the case: text is fine after all. The direction answered by button stands.
    await type(box, 'actually plain JSON text is fine');
    const verdict = lastFromApp();
    await see(verdict.getByRole('heading'), /^Verdict: SSE/);
    await verdict.getByRole('button', { name: 'Why?' }).click();
    await see(lastFromApp(), 'Server → client only');
    await lastFromApp().getByRole('button', { name: 'Show less' }).click();
    await lastFromApp().getByRole('button', { name: 'Why?' }).waitFor();

    // (4) Share: the verdict lands in #general, the channel in view, with its reasoning in the thread.
    await lastFromApp().getByRole('button', { name: 'Share in channel' }).click();
    const shared = page.locator('#messages .message:not(.ephemeral)', { hasText: 'ran the Realtime Advisor' }).last();
    await see(shared, 'SSE');
    await shared.getByRole('button', { name: /1 reply/ }).waitFor();
    await see(panel.locator('.message.ephemeral').last(), 'Shared in #general, with the reasoning in the thread.');
    await see(lastFromApp(), '✓ Shared: see the post');

    expect(pageErrors).toEqual([]);
    await saveScreenshot(page, 'assistant-panel');
  }, 90_000);

  it('follows the person to another channel: a share goes where they are looking', async () => {
    await page.getByRole('button', { name: '# random' }).click();
    const panel = page.getByRole('complementary', { name: 'Assistant' });
    await see(panel.locator('#assistant-viewing'), 'Beside #random');
    expect(sandbox.standin.assistantThreads(sandbox.me).at(-1)?.context.channel_id).toBe('C0RANDOM');
    await page.getByRole('button', { name: '# general' }).click();
    await see(panel.locator('#assistant-viewing'), 'Beside #general');
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
