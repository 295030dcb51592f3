/** GaitGuard in real Firefox ESR over WebDriver BiDi: switch on, merged frames, overlay findings, switch off. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlayFirefox,
  inOverlayFirefox,
  launchFirefox,
  openExtensionPage,
  overlayRulesFirefox,
  type FirefoxSession,
  waitForFunctionIn,
  waitInOverlayFirefox,
} from './harness/firefox';

let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let page: Page;

async function popupFor(url: string): Promise<Page> {
  return openExtensionPage(session, `src/ui/popup/index.html?forUrl=${encodeURIComponent(url)}`);
}

async function siteState(popup: Page): Promise<string> {
  return popup.$eval('[data-testid="site-state"]', (node) => node.textContent ?? '').catch(() => '');
}

async function waitForRules(target: Page, rule: string): Promise<string[]> {
  await waitInOverlayFirefox(
    target,
    (root, _roots, id) => root?.querySelector(`[data-rule="${id}"]`),
    {
      timeout: 30_000,
    },
    rule,
  );
  return overlayRulesFirefox(target);
}

beforeAll(async () => {
  server = await startServer();
  session = await launchFirefox();
  page = await session.browser.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('GaitGuard in Firefox', () => {
  it('runs nothing until the site is turned on', async () => {
    expect(await page.$('gaitguard-overlay')).toBeNull();
    const popup = await popupFor(page.url());
    await waitForFunctionIn(
      popup,
      () => document.querySelector('[data-testid="site-state"]')?.textContent === 'Off',
      {
        timeout: 15_000,
      },
    );
    await popup.close();
  });

  it('turns on from the popup and shows the daily note findings in the overlay', async () => {
    const popup = await popupFor(page.url());
    await popup.waitForSelector('::-p-text(Turn on for this site)');
    await popup.click('::-p-text(Turn on for this site)');
    await waitForFunctionIn(
      popup,
      () => document.querySelector('[data-testid="site-state"]')?.textContent === 'On',
      {
        timeout: 15_000,
      },
    );
    await popup.close();
    const rules = await waitForRules(page, 'units-exceed-minutes');
    expect(rules).toContain('gp-modifier-missing');
    expect(rules).toContain('repetitive-walking');
  });

  it('merges the OpenEMR note frame and fee-sheet frame', async () => {
    await page.goto(`${server.origin}/demo/openemr/encounter.html`);
    const rules = await waitForRules(page, 'units-exceed-minutes');
    expect(rules).toContain('no-improvement-expected');
    expect(rules).not.toContain('gp-modifier-missing');
  });

  it('marks the evidence in the note frame when a finding is clicked', async () => {
    await clickInOverlayFirefox(page, '.gg-pill');
    await clickInOverlayFirefox(page, '.gg-evidence');
    // The note lives in the "enc" iframe; its own content script draws the mark there.
    const marksInFrames = async () => {
      let marks = 0;
      for (const frame of page.frames().slice(1))
        marks += await inOverlayFirefox(frame, (_root, roots) =>
          roots.reduce((sum, root) => sum + root.querySelectorAll('.gg-mark').length, 0),
        ).catch(() => 0);
      return marks;
    };
    await expect.poll(marksInFrames, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('turns off from the popup and removes the overlay', async () => {
    const popup = await popupFor(page.url());
    await popup.waitForSelector('::-p-text(Turn off)');
    await popup.click('::-p-text(Turn off)');
    // Firefox really withdraws the host permission, after which a popup opened as a page (not from the
    // toolbar, where activeTab applies) may no longer see the tab's address: either way it is not "On".
    await waitForFunctionIn(
      popup,
      () =>
        ['Off', 'Not available'].includes(
          document.querySelector('[data-testid="site-state"]')?.textContent ?? '',
        ),
      { timeout: 15_000 },
    );
    expect(await siteState(popup)).not.toBe('On');
    await popup.close();
    await waitForFunctionIn(page, () => !document.querySelector('gaitguard-overlay'), { timeout: 10_000 });
    await page.reload();
    await new Promise((done) => setTimeout(done, 500));
    expect(await page.$('gaitguard-overlay')).toBeNull();
  });
});
