/**
 * The sidebar page and the pill in Firefox ESR (puppeteer over BiDi). The sidebar cannot be opened headless,
 * so its page is opened as an extension page for the tab, as in Chromium; it follows tab switches the same
 * way. Also the pill's geometry at 1280×800 and 1024×640, acknowledge and undo, and the keyboard path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  inOverlayFirefox,
  launchFirefox,
  openExtensionPage,
  settled,
  setViewportFirefox,
  turnOnViaPopupFirefox,
  waitInOverlayFirefox,
  type FirefoxSession,
} from './harness/firefox';

let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let wholeDay: Page;
let daily: Page;
let panel: Page;

/** waitForSelector: extension pages' CSP blocks the Function() a waitForFunction with arguments needs. */
function waitIn(target: Page, selector: string, timeout = 30_000) {
  return settled(() => target.waitForSelector(selector, { timeout }));
}

/**
 * Waits for the pill (and, when asked, for its list to be open or shut) by polling over BiDi: puppeteer's
 * waitForSelector('gaitguard-overlay >>> .gg-pill') watches the page with a MutationObserver, which never
 * hears a change inside a shadow root, so a pill drawn after the page's last change of its own was never
 * seen.
 */
async function pillIn(target: Page, expanded?: boolean) {
  await waitInOverlayFirefox(
    target,
    (root, _roots, want) => {
      const pill = root?.querySelector('.gg-pill');
      return pill && (want === null || pill.getAttribute('aria-expanded') === want);
    },
    { timeout: 30_000 },
    expanded === undefined ? null : String(expanded),
  );
}

beforeAll(async () => {
  server = await startServer();
  session = await launchFirefox();
  wholeDay = await session.browser.newPage();
  await wholeDay.goto(`${server.origin}/demo/whole-day.html`);
  (await turnOnViaPopupFirefox(session, wholeDay.url())).close().catch(() => undefined);
  await wholeDay.reload();
  await pillIn(wholeDay);
  daily = await session.browser.newPage();
  await daily.goto(`${server.origin}/demo/daily-note.html`);
  await pillIn(daily);
  await wholeDay.bringToFront();
  panel = await openExtensionPage(
    session,
    `src/ui/sidepanel/index.html?forUrl=${encodeURIComponent(wholeDay.url())}`,
  );
  await waitIn(panel, '[data-rule="units-exceed-minutes"]');
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('sidebar page in Firefox', () => {
  it('shows the findings with their charge line, and the day’s units table', async () => {
    const evidence = await panel.$$eval('[data-rule="units-exceed-minutes"] .gg-evidence', (nodes) =>
      nodes.map((node) => node.textContent ?? ''),
    );
    expect(evidence.join(' | ')).toContain('line 1 of Visit charges: 97116 × 4 GP');
    await panel.click('#gg-tab-day');
    await waitIn(panel, '[data-testid="units-table"]');
    const rows = await panel.$$eval('[data-testid="units-table"] tbody tr', (nodes) =>
      nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, '')),
    );
    expect(rows).toEqual(['971162524+2', '9711022*12+1']);
    await panel.click('#gg-tab-findings');
  });

  it('acknowledges a finding and undoes it', async () => {
    await waitIn(panel, '.gg-ack-open');
    await panel.click('.gg-ack-open');
    await panel.select('.gg-ack select', 'chart');
    await panel.click('.gg-ack-confirm');
    await waitIn(panel, '.gg-acked');
    expect(await panel.$eval('#gg-tab-findings', (node) => node.textContent)).toBe('Findings (0)');
    await panel.click('.gg-reviewed summary');
    await panel.click('.gg-undo');
    await waitIn(panel, '.gg-finding[data-open]');
    expect(await panel.$eval('#gg-tab-findings', (node) => node.textContent)).toBe('Findings (1)');
  });

  it('follows a switch to another tab', async () => {
    await daily.bringToFront();
    await waitIn(panel, '[data-rule="repetitive-walking"]', 20_000);
  });
});

describe('the pill in Firefox', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    it(`covers no control of the daily note at ${viewport.width}×${viewport.height}`, async () => {
      await setViewportFirefox(daily, viewport);
      await daily.bringToFront();
      expect(await daily.evaluate(() => ({ width: innerWidth, height: innerHeight }))).toEqual(viewport);
      await pillIn(daily);
      const hit = await settled(() =>
        inOverlayFirefox(
          daily,
          (root) =>
            new Promise<string[]>((done) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const pill = root?.querySelector('.gg-pill')?.getBoundingClientRect();
                  if (!pill) return done(['no pill']);
                  done(
                    [...document.querySelectorAll('input,select,textarea,button')]
                      .filter((el) => {
                        const r = el.getBoundingClientRect();
                        return (
                          r.width > 0 &&
                          r.left < pill.right &&
                          pill.left < r.right &&
                          r.top < pill.bottom &&
                          pill.top < r.bottom
                        );
                      })
                      .map((el) => el.getAttribute('name') ?? el.tagName),
                  );
                }),
              ),
            ),
        ),
      );
      expect(hit).toEqual([]);
    });
  }

  it('keyboard: Alt+Shift+F from a field to the first finding, Escape back to the field', async () => {
    await daily.focus('input[name="units_1"]');
    await daily.keyboard.down('Alt');
    await daily.keyboard.down('Shift');
    await daily.keyboard.press('F');
    await daily.keyboard.up('Shift');
    await daily.keyboard.up('Alt');
    await pillIn(daily, true);
    const active = () =>
      settled(() =>
        inOverlayFirefox(daily, (root) => {
          const el = root?.activeElement ?? document.activeElement;
          return el?.getAttribute('data-key') ?? el?.getAttribute('name') ?? '';
        }),
      );
    await expect.poll(active, { timeout: 10_000 }).toMatch(/#0$/);
    await daily.keyboard.press('Escape');
    await expect.poll(active, { timeout: 10_000 }).toBe('units_1');
    await pillIn(daily, false);
  });
});
