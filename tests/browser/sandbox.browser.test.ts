/**
 * The sandbox in a real browser (Debian's Chromium, driven by playwright-core): a newcomer runs the wizard, shares
 * the verdict, and brings the advisor into a thread with the message shortcut. Every click on the page goes to the
 * real app as a signed Slack request; what the person sees is what the app did. Ends with the screenshot the
 * README opens with.
 */
import type { Locator, Page } from 'playwright-core';
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

/** The person's newest ephemeral message in the channel view. */
const lastEphemeral = () => page.locator('#messages .message.ephemeral').last();

/** True when the element's top is inside the scrolling container's visible area. */
async function inView(element: Locator, container: Locator): Promise<boolean> {
  const [box, frame] = await Promise.all([element.boundingBox(), container.boundingBox()]);
  return box !== null && frame !== null && box.y >= frame.y - 1 && box.y < frame.y + frame.height;
}

describe('the sandbox in a browser', () => {
  it('runs the wizard, shares the verdict into a thread, and answers in a thread through the message shortcut', async () => {
    // (1) Open the sandbox: #general, the app a member, the stream live.
    await page.goto(`http://127.0.0.1:${sandbox.port}/`);
    await see(page.locator('#connection'), 'Live');
    await see(page.locator('.channel-header h1'), '# general');
    const composer = page.getByRole('textbox', { name: 'Message' });

    // (2) /realtime, then the three questions, answered by clicking.
    await type(composer, '/realtime');
    await see(lastEphemeral(), 'Question 1 of 3');
    await see(lastEphemeral(), 'Only visible to you');
    const answers: [string, string][] = [
      ['Server → client only', 'Question 2 of 3'],
      ['No, text (JSON) is fine', 'Question 3 of 3'],
      ['A lot', 'Verdict: SSE'],
    ];
    for (const [answer, next] of answers) {
      await lastEphemeral().getByRole('button', { name: answer, exact: true }).click();
      await see(lastEphemeral(), next);
    }

    // (3) The verdict opens collapsed, and "Why?" expands it in place to the full reasoning.
    const verdict = lastEphemeral();
    await see(verdict.getByRole('heading'), /^Verdict: SSE/);
    await see(verdict, 'Data flows only from server to client');
    await verdict.getByRole('button', { name: 'Why?' }).click();
    await see(lastEphemeral(), 'What decided it');
    expect(await verdict.getByRole('button', { name: 'Share in channel' }).getAttribute('class')).toContain(
      'bk-button-primary',
    );

    // (4) Share in channel: the verdict in #general, its reasoning in the thread.
    await verdict.getByRole('button', { name: 'Share in channel' }).click();
    const shared = page.locator('#messages .message:not(.ephemeral)', { hasText: 'ran the Realtime Advisor' }).last();
    await see(shared, 'SSE');
    await see(shared.locator('.author'), 'Realtime Advisor');
    // The verdict itself says so: its Share button became a link to the post.
    await see(lastEphemeral().getByRole('button', { name: '✓ Shared in #general' }), 'Shared in #general');
    await shared.getByRole('button', { name: /1 reply/ }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.waitFor();
    await see(thread.locator('.message').nth(1), 'Data flows only from server to client');
    // The thread opens at its parent, the shared verdict's header, though its reasoning is longer than the panel.
    const threadList = page.locator('#thread-messages');
    expect(await threadList.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await inView(thread.locator('.message').first(), threadList)).toBe(true);

    // (5) A message, a reply in its thread, and the message shortcut on that reply.
    await type(composer, 'What should the dashboard use for live order status?');
    const question = page.locator('#messages .message', { hasText: 'live order status' });
    await question.hover();
    await question.getByRole('button', { name: 'Reply in thread' }).click();
    await see(thread.locator('.message').first(), 'live order status');
    await type(
      thread.getByRole('textbox', { name: 'Reply' }),
      'We stream LLM tokens to the browser, server to client only',
    );
    const reply = thread.locator('.message', { hasText: 'We stream LLM tokens' });
    await reply.waitFor();
    await question.getByRole('button', { name: /1 reply/ }).waitFor();

    await reply.hover();
    await reply.getByRole('button', { name: 'More actions' }).click();
    await reply.getByRole('menuitem', { name: /Get realtime advice/ }).click();
    const modal = page.getByRole('dialog', { name: 'Realtime Advisor' });
    await see(modal, 'Verdict: SSE');
    await see(modal, 'We stream LLM tokens to the browser');
    await modal.getByRole('button', { name: 'Reply in thread' }).click();
    await see(modal, 'Posted in the thread in #general');
    await modal.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    await modal.waitFor({ state: 'hidden' });

    // The answer landed in that thread: the third message there, from the app, after the person's reply.
    const answer = thread.locator('.message').nth(2);
    await see(answer.locator('.author'), 'Realtime Advisor');
    await see(answer, 'ran the Realtime Advisor');
    await see(answer, 'Streaming LLM responses to a web client');
    await question.getByRole('button', { name: /2 replies/ }).waitFor();

    expect(pageErrors).toEqual([]);
    await saveScreenshot(page, 'sandbox');
  }, 60_000);

  it('shows /realtime compare as a table, the dimensions down its first column', async () => {
    await page.getByRole('button', { name: '# general' }).click();
    await type(page.getByRole('textbox', { name: 'Message' }), '/realtime compare');
    await see(lastEphemeral().getByRole('heading'), 'WebSocket vs SSE: the scorecard');
    const table = lastEphemeral().locator('table.bk-table');
    await table.waitFor();
    expect(await table.locator('tr td:first-child').allInnerTexts()).toEqual([
      'Dimension',
      'Direction',
      'Protocol',
      'Payload types',
      'Reconnection',
      'Infra & proxies',
      'Connection limits',
    ]);
    expect(await table.locator('tr').first().locator('td').allInnerTexts()).toEqual([
      'Dimension',
      'WebSocket',
      'SSE',
      'Edge',
    ]);
    expect(await table.locator('tr').first().locator('strong').count()).toBe(4);
    await see(table.locator('tr', { hasText: 'Payload types' }), 'Text + binary');
    expect(await lastEphemeral().locator('.bk-unsupported').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('shows typed markup as text, while mrkdwn formats as in Slack', async () => {
    await page.getByRole('button', { name: '# random' }).click();
    await see(page.locator('.channel-header'), 'Realtime Advisor is not in this channel');
    await type(page.getByRole('textbox', { name: 'Message' }), '<img src=x onerror="document.title=1"> is *bold*');
    const message = page.locator('#messages .message', { hasText: 'onerror' });
    await see(message, '<img src=x onerror="document.title=1"> is bold');
    expect(await message.locator('img').count()).toBe(0);
    expect(await message.locator('strong').textContent()).toBe('bold');
    expect(await page.title()).not.toBe('1');
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('shows what the app quotes back as text: a <script> and an <img onerror> in /realtime and in an @mention', async () => {
    await page.getByRole('button', { name: '# general' }).click();
    await see(page.locator('.channel-header h1'), '# general');
    const composer = page.getByRole('textbox', { name: 'Message' });
    const hostile = '<script>document.title="script"</script><img src=x onerror="document.title=\'img\'">';
    await type(composer, `/realtime ${hostile} we stream LLM tokens to the browser`);
    await see(lastEphemeral(), `You asked: ${hostile} we stream LLM tokens to the browser`);
    await type(composer, `@Realtime Advisor ${hostile} live sports scores`);
    const reply = page.locator('#messages .message:not(.ephemeral)', { hasText: 'live sports scores' }).last();
    await reply.getByRole('button', { name: /1 reply/ }).click();
    const answer = page.locator('#thread-messages .message', { hasText: 'You asked' }).last();
    await see(answer, `${hostile} live sports scores`);
    for (const where of [page.locator('#messages'), page.locator('#thread-messages')]) {
      expect(await where.locator('script, img').count()).toBe(0);
    }
    expect(await page.title()).not.toMatch(/^(script|img)$/);
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('arms a Slack failure while a modal is open, shows it, and disarms it', async () => {
    // A modal open: the wizard from the Home tab.
    await page.getByRole('button', { name: 'Realtime Advisor' }).click();
    await page.locator('#home').getByRole('button', { name: 'Start the wizard' }).click();
    const modal = page.getByRole('dialog', { name: 'Realtime Advisor' });
    await see(modal, 'Question 1 of 3');

    const menu = page.locator('#faults');
    await menu.locator('summary').click({ timeout: 3000 }); // before: the modal's backdrop took the click
    await page.locator('#fault-method').selectOption('views.update');
    await page.locator('#fault-kind').selectOption('internal_error');
    await menu.getByRole('button', { name: 'Arm' }).click();
    const armed = page.getByRole('list', { name: 'Armed failures' });
    await see(armed, 'views.update: HTTP 500 · 1 call');
    await see(menu.locator('summary'), 'Simulate a Slack failure (1 armed)');
    expect(sandbox.standin.pendingFaults()).toHaveLength(1);

    await armed.getByRole('button', { name: 'Disarm views.update: HTTP 500' }).click();
    await see(menu, 'Nothing armed.');
    await see(menu.locator('summary'), /^Simulate a Slack failure$/);
    expect(sandbox.standin.pendingFaults()).toEqual([]);

    // Disarmed, the next step goes through.
    await menu.locator('summary').click();
    await modal.getByRole('button', { name: 'Server → client only', exact: true }).click();
    await see(modal, 'Question 2 of 3');
    await modal.locator('.modal-footer').getByRole('button', { name: 'Close' }).click();
    await modal.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
