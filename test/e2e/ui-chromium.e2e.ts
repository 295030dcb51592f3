/**
 * The coder-facing UI in Chromium: accessibility (axe-core) of the overlay, popup and options page; a click
 * on a finding's evidence shows it on the page; the overlay keeps where the coder put it; the toolbar
 * shortcut's action hides and shows it. Also writes the README screenshots to artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlay,
  countInGaitGuardRoots,
  inOverlay,
  launchChromium,
  openPopupFor,
  overlayShows,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';
import { runAxe, runAxeOnOverlay, seriousOrCritical } from './harness/axe';
import { ROOT } from './harness/paths';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
const shots = resolve(ROOT, 'artifacts');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/openemr/encounter.html`);
  await turnOnViaPopup(session, page.url());
  await page.reload();
  await waitForOverlayFindings(page, { atLeast: 1 });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Evidence marks in GaitGuard's layers, in the top document and its frames. */
function markCount(target: Page): Promise<number> {
  return countInGaitGuardRoots(target, 'gg-mark');
}

describe('accessibility', () => {
  it('the overlay has no serious or critical axe violation', async () => {
    const axe = await runAxeOnOverlay(page);
    expect(axe.checked).toBeGreaterThan(0);
    expect(seriousOrCritical(axe.violations)).toEqual([]);
  });

  it('the popup has no serious or critical axe violation', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.locator('[data-rule]').first().waitFor();
    await popup.setViewportSize({ width: 380, height: 900 });
    await popup.screenshot({ path: resolve(shots, 'popup.png'), fullPage: true });
    expect(seriousOrCritical(await runAxe(popup))).toEqual([]);
    await popup.close();
  });

  it('the options page has no serious or critical axe violation', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    await options.locator('#rule-units-exceed-minutes').waitFor();
    expect(seriousOrCritical(await runAxe(options))).toEqual([]);
    await options.close();
  });
});

describe('rules per site', () => {
  it('a rule switched off for this site on the options page disappears from the overlay', async () => {
    const rulesOf = async () =>
      (await waitForOverlayFindings(page, { atLeast: 0 })).map((finding) => finding.rule);
    expect(await rulesOf()).toContain('no-improvement-expected');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    const row = options.locator(`tr[data-origin="${server.origin}"]`);
    await row.locator('summary').click();
    const checkbox = row.getByRole('checkbox', { name: 'Walking not expected to improve' });
    await checkbox.uncheck();
    await expect.poll(rulesOf, { timeout: 10_000 }).not.toContain('no-improvement-expected');
    // The page re-reads its settings after the worker's reply, which can come after the overlay's update.
    await expect.poll(() => row.locator('summary').textContent(), { timeout: 10_000 }).toContain('1');
    await checkbox.check();
    await expect.poll(rulesOf, { timeout: 10_000 }).toContain('no-improvement-expected');
    await options.close();
  });
});

describe('evidence on the page', () => {
  it('clicking an evidence quote in the overlay marks it in the frame that holds it', async () => {
    await page.screenshot({ path: resolve(shots, 'overlay.png') });
    const before = await markCount(page);
    await clickInOverlay(page, '.gg-pill');
    await clickInOverlay(page, '.gg-evidence');
    await expect.poll(() => markCount(page), { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it('clicking evidence in the popup does the same', async () => {
    await page.waitForTimeout(4_500);
    const popup = await openPopupFor(session, page.url());
    await popup.locator('.gg-evidence').first().click();
    await popup.close();
    await expect.poll(() => markCount(page), { timeout: 5_000 }).toBeGreaterThan(0);
  });
});

describe('the pill stays out of the way', () => {
  it('opens its list and closes it again', async () => {
    const expanded = () =>
      inOverlay(page, (root) => root?.querySelector('.gg-pill')?.getAttribute('aria-expanded'));
    await expect.poll(expanded).toBe('true');
    expect(await overlayShows(page, '.gg-panel')).toBe(true);
    await clickInOverlay(page, '.gg-pill');
    await expect.poll(() => overlayShows(page, '.gg-panel')).toBe(false);
  });

  it('hides and shows through the toggle the keyboard shortcut uses', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.getByRole('button', { name: 'Hide overlay' }).click();
    const pills = () => inOverlay(page, (root) => root?.querySelectorAll('.gg-pill').length ?? 0);
    await expect.poll(pills).toBe(0);
    await popup.getByRole('button', { name: 'Show overlay' }).click();
    await expect.poll(pills).toBe(1);
    await popup.close();
  });
});
