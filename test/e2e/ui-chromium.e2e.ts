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
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';
import { runAxe, seriousOrCritical } from './harness/axe';
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

function markCount(target: Page): Promise<number> {
  return target.evaluate(() => {
    let count = 0;
    const frames = [
      document,
      ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument),
    ];
    for (const doc of frames) {
      for (const host of doc?.querySelectorAll('gaitguard-overlay') ?? []) {
        count += host.shadowRoot?.querySelectorAll('.gg-mark').length ?? 0;
      }
    }
    return count;
  });
}

describe('accessibility', () => {
  it('the overlay has no serious or critical axe violation', async () => {
    const violations = (await runAxe(page)).filter((violation) =>
      violation.targets.some((target) => target.includes('gaitguard-overlay')),
    );
    expect(seriousOrCritical(violations)).toEqual([]);
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
    await page.locator('gaitguard-overlay .gg-pill').click();
    await page.locator('gaitguard-overlay .gg-evidence').first().click();
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
    const pill = page.locator('gaitguard-overlay .gg-pill');
    await expect.poll(() => pill.getAttribute('aria-expanded')).toBe('true');
    await pill.click();
    await expect.poll(() => page.locator('gaitguard-overlay .gg-panel').isVisible()).toBe(false);
  });

  it('hides and shows through the toggle the keyboard shortcut uses', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.getByRole('button', { name: 'Hide overlay' }).click();
    await expect.poll(() => page.locator('gaitguard-overlay .gg-pill').count()).toBe(0);
    await popup.getByRole('button', { name: 'Show overlay' }).click();
    await expect.poll(() => page.locator('gaitguard-overlay .gg-pill').count()).toBe(1);
    await popup.close();
  });
});
