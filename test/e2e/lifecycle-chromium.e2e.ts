/**
 * GaitGuard across its own lifecycle in real Chromium: the service worker stopped mid-session (the next edit
 * still gets findings, rebuilt from the frames), and the extension reloaded under an open page (the old
 * content script detaches quietly and the overlay only says to reload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  overlayText,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

async function rules(): Promise<string[]> {
  return (await waitForOverlayFindings(page, { atLeast: 0 })).map((finding) => finding.rule);
}

async function liveWorker(): Promise<Worker> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const worker = session.context
      .serviceWorkers()
      .find((item) => item.url().startsWith('chrome-extension://'));
    if (worker) return worker;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no service worker');
}

beforeAll(async () => {
  server = await startServer();
  // GG_CHROME_EXTENSION lets a deliberately broken copy of the build be run, to show these tests fail.
  session = await launchChromium({ extensionPath: process.env.GG_CHROME_EXTENSION });
  page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${server.origin}/demo/daily-note.html`);
  await turnOnViaPopup(session, page.url());
  expect(await rules()).toContain('gp-modifier-missing');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the service worker stopped mid-session', () => {
  it('comes back on the next edit, with findings for the whole tab', async () => {
    // A marker in the running worker's global scope: a restarted worker starts without it.
    await session.worker.evaluate(() => ((globalThis as unknown as { __ggMarker: number }).__ggMarker = 1));
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    const cdp = await session.context.newCDPSession(extensionPage);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (info) =>
        info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${session.extensionId}/`),
    );
    expect(target).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId }).catch(() => undefined);
    await extensionPage.close().catch(() => undefined);
    // The edit fixes the GP modifier; the woken worker has no memory of the tab and must rebuild it.
    await page.locator('input[name="mod_1"]').fill('GP');
    await expect.poll(rules, { timeout: 20_000 }).not.toContain('gp-modifier-missing');
    expect(await rules()).toContain('units-exceed-minutes');
    const marker = await (
      await liveWorker()
    ).evaluate(() => (globalThis as unknown as { __ggMarker?: number }).__ggMarker);
    expect(marker).toBeUndefined();
  });
});

describe('the extension reloaded under an open page', () => {
  it('detaches the old content script quietly and shows only "reload to re-check"', async () => {
    const worker = await liveWorker();
    // The worker dies inside the call, so its evaluate may never answer.
    void worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The old script notices on its next message, i.e. the coder's next edit.
    await page.waitForTimeout(1_000);
    await page.locator('textarea#note').press('End');
    await page.locator('textarea#note').pressSequentially(' Pt tolerated.');
    await expect.poll(() => overlayText(page), { timeout: 15_000 }).toContain('Reload the page to re-check');
    const text = await overlayText(page);
    expect(text).not.toMatch(/units|modifier/i);
    expect(await page.locator('gaitguard-overlay').count()).toBe(1);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors.filter((line) => /Extension context invalidated|gaitguard/i.test(line))).toEqual([]);
  });
});
