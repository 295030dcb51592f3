/**
 * GaitGuard in real Chromium: the per-site switch, the merge of frames, the overlay, the popup and teardown,
 * on the demo pages and the reader's page fixtures served over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('before the site is turned on', () => {
  it('runs nothing on the page', async () => {
    await page.waitForTimeout(300);
    expect(await page.locator('gaitguard-overlay').count()).toBe(0);
  });

  it('offers the switch in the popup', async () => {
    const popup = await openPopupFor(session, page.url());
    await expect.poll(() => popup.getByTestId('site-state').textContent()).toBe('Off');
    expect(await popup.getByRole('button', { name: 'Turn on for this site' }).isVisible()).toBe(true);
    await popup.close();
  });
});

describe('the demo daily note (one page)', () => {
  it('is injected into the already-open tab when turned on, and shows the findings', async () => {
    await turnOnViaPopup(session, page.url());
    const findings = await waitForOverlayFindings(page, { atLeast: 2 });
    const rules = findings.map((finding) => finding.rule);
    expect(rules).toContain('units-exceed-minutes');
    expect(rules).toContain('gp-modifier-missing');
    expect(rules).toContain('repetitive-walking');
    const units = findings.find((finding) => finding.rule === 'units-exceed-minutes')!;
    expect(units.source).toMatch(/100-04/);
    expect(units.fix).not.toBe('');
  });

  it('updates the findings when the coder fixes the charge', async () => {
    await page.locator('input[name="mod_1"]').fill('GP');
    await expect
      .poll(async () => (await waitForOverlayFindings(page, { atLeast: 0 })).map((finding) => finding.rule), {
        timeout: 10_000,
      })
      .not.toContain('gp-modifier-missing');
  });

  it('shows the same findings in the popup, with a badge count', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.locator('[data-rule="units-exceed-minutes"]').first().waitFor();
    const badge = await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*/daily-note.html' });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    });
    expect(Number(badge)).toBeGreaterThan(0);
    await popup.close();
  });
});

describe('the OpenEMR-style encounter (note and fee sheet in different frames)', () => {
  it('merges the SOAP frame and the fee-sheet frame into one check', async () => {
    await page.goto(`${server.origin}/demo/openemr/encounter.html`);
    const findings = await waitForOverlayFindings(page, { atLeast: 1 });
    const rules = findings.map((finding) => finding.rule);
    expect(rules).toContain('units-exceed-minutes');
    expect(rules).toContain('no-improvement-expected');
    // The fee sheet's GP modifiers are read from the other frame: no false "GP missing".
    expect(rules).not.toContain('gp-modifier-missing');
  });
});

describe('turning the site off', () => {
  it('removes the overlay and leaves no script running', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.getByRole('button', { name: 'Turn off' }).click();
    await popup.getByTestId('site-state').filter({ hasText: 'Off' }).waitFor();
    await popup.close();
    await expect.poll(() => page.locator('gaitguard-overlay').count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.locator('gaitguard-overlay').count()).toBe(0);
    const registered = await session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([]);
  });
});
