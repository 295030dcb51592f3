/**
 * GaitGuard's lifecycle in real Firefox ESR: a site's permission withdrawn from the browser's own settings
 * (about:addons > Permissions). The test cannot drive that settings page, so it withdraws the permission the
 * same way the page does, with permissions.remove from inside the extension; Firefox lets an MV3 add-on drop
 * even its install-time host permissions. The background hears permissions.onRemoved and must reconcile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchFirefox,
  openPopupFor,
  popupSiteState,
  turnOnViaPopupFirefox,
  type FirefoxSession,
  waitForFunctionIn,
} from './harness/firefox';

let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let page: Page;
let extensionPage: Page;

interface ExtensionGlobal {
  browser: {
    permissions: {
      remove(permissions: { origins: string[] }): Promise<boolean>;
      contains(permissions: { origins: string[] }): Promise<boolean>;
    };
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  };
}

function registeredScripts(): Promise<Array<{ id: string; matches?: string[] }>> {
  return extensionPage.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).browser.scripting.getRegisteredContentScripts(),
  );
}

async function overlayAfterLoad(): Promise<boolean> {
  await page.reload({ waitUntil: 'load' });
  return page
    .waitForSelector('gaitguard-overlay', { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
}

beforeAll(async () => {
  server = await startServer();
  // GG_FIREFOX_EXTENSION lets a deliberately broken copy of the build be run, to show these tests fail.
  session = await launchFirefox({ extensionPath: process.env.GG_FIREFOX_EXTENSION });
  page = await session.browser.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
  extensionPage = await turnOnViaPopupFirefox(session, page.url());
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a site permission withdrawn in the browser', () => {
  it('runs on the site before: a registered script and an overlay after a reload', async () => {
    expect((await registeredScripts()).map((script) => script.id)).toEqual(['gaitguard-reader']);
    // The same check that must come out false later is true here, so its later "false" means something.
    expect(await overlayAfterLoad()).toBe(true);
  });

  it('reconciles: no registered script, the popup is not "On", and a reloaded page gets no overlay', async () => {
    const removed = await extensionPage.evaluate(async () => {
      const { browser } = globalThis as unknown as ExtensionGlobal;
      const done = await browser.permissions.remove({ origins: ['http://127.0.0.1/*'] });
      return { done, still: await browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }) };
    });
    expect(removed).toEqual({ done: true, still: false });
    // Reconcile runs in the background after the event; wait for its effect rather than for a fixed time.
    await expect.poll(registeredScripts, { timeout: 15_000, interval: 200 }).toEqual([]);
    // The page that was open keeps no reader either: its overlay goes without a reload.
    await waitForFunctionIn(page, () => !document.querySelector('gaitguard-overlay'), { timeout: 15_000 });

    // Without the host permission (and without the toolbar click's activeTab) Firefox hides the tab's
    // address from the extension, so a popup opened as a page may only say there is no page to check; a
    // toolbar popup would say "Needs permission". Either way it must not say "On".
    const popup = await openPopupFor(session, page.url());
    await waitForFunctionIn(
      popup,
      () =>
        Boolean(document.querySelector('[data-testid="site-state"]')) ||
        !['', 'Loading…'].includes(document.querySelector('.gg-empty')?.textContent ?? ''),
      { timeout: 15_000 },
    );
    expect(await popupSiteState(popup)).not.toBe('On');
    expect(await popup.$eval('main', (node) => node.textContent ?? '')).not.toMatch(/\bOn\b|Turn off/);
    await popup.close();

    expect(await overlayAfterLoad()).toBe(false);
  });
});
