/**
 * The toolbar button's per-tab title (what a screen reader announces) and icon follow the site's state in
 * real Chromium: off, on with the findings, and paused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  tabIdOf,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
let probe: Page;

async function titleOf(url: string): Promise<string> {
  const tabId = await tabIdOf(probe, url);
  return probe.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
  probe = await session.context.newPage();
  await probe.goto(`chrome-extension://${session.extensionId}/privacy.html`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the toolbar title per tab', () => {
  it('says "Off" on a site that is not on (the test build may read its address)', async () => {
    await page.reload();
    await expect.poll(() => titleOf(page.url()), { timeout: 15_000 }).toBe('GaitGuard: Off');
  });

  it('says "On" and the findings once the site is on', async () => {
    await turnOnViaPopup(session, page.url());
    await waitForOverlayFindings(page, { atLeast: 1 });
    await expect.poll(() => titleOf(page.url()), { timeout: 15_000 }).toMatch(/^GaitGuard: On\. \d+ errors?/);
  });

  it('says "Paused" when the coder pauses the site', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.getByRole('button', { name: 'Pause' }).click();
    await popup.getByTestId('site-state').filter({ hasText: 'Paused' }).waitFor({ timeout: 15_000 });
    await popup.close();
    await expect.poll(() => titleOf(page.url()), { timeout: 15_000 }).toBe('GaitGuard: Paused');
  });

  it('ships the privacy policy page inside the extension', async () => {
    expect(await probe.locator('h1').textContent()).toBe('GaitGuard privacy policy');
  });
});
