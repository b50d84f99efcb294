/**
 * What the browser tests of the sandbox share: the sandbox (the real app behind the Slack-like page) with Chromium
 * open on it, every page error collected, and the two ways a person acts on the page (reading what is shown,
 * typing and sending) waited for as a person would, since playwright-core has no assertions of its own.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/server/server.js';
import { type Browser, launchChromium, STEP_MS } from './chromium.js';

export interface SandboxPage {
  sandbox: Sandbox;
  browser: Browser;
  page: Page;
  /** Page errors and console errors, in order: a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSandboxPage(): Promise<SandboxPage> {
  const sandbox = await startSandbox({ port: 0, logLevel: 'error' });
  const browser = await launchChromium({ width: 1440, height: 900 });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(STEP_MS);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    sandbox,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await sandbox.close();
    },
  };
}

/** Waits until the element's visible text contains `text`. */
export async function see(locator: Locator, text: string | RegExp): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
  const read = () => locator.innerText({ timeout: 500 }).catch(() => '');
  if (typeof text === 'string') await expect.poll(read, { timeout: STEP_MS }).toContain(text);
  else await expect.poll(read, { timeout: STEP_MS }).toMatch(text);
}

/** Types into a composer and sends with Enter, as a person does; the box empties once the sandbox took it. */
export async function type(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => box.inputValue(), { timeout: STEP_MS }).toBe('');
}

/**
 * Saves the page as `artifacts/<name>.png` (git-ignored) for a person to look at; with UPDATE_SCREENSHOT=1 also as
 * `docs/<name>.png`, the README's picture, so an ordinary test run changes no tracked file.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const targets = [
    new URL(`../../artifacts/${name}.png`, import.meta.url),
    ...(process.env.UPDATE_SCREENSHOT === '1' ? [new URL(`../../docs/${name}.png`, import.meta.url)] : []),
  ];
  await page.mouse.move(0, 0);
  for (const target of targets) {
    mkdirSync(new URL('.', target), { recursive: true });
    await page.screenshot({ path: target.pathname });
  }
}
