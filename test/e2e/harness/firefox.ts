/**
 * Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) and installs the test build of
 * GaitGuard as a temporary add-on. The moz-extension UUID is pinned so extension pages have a known URL.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_TEST_BUILD, FIREFOX_UUID, GECKO_ID } from './paths';

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  close(): Promise<void>;
}

export async function launchFirefox(options: { headed?: boolean } = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: !options.headed,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // No telemetry, updates or remote settings: a test must not depend on (or make) network traffic.
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(FIREFOX_TEST_BUILD);
  return {
    browser,
    extensionBase: `moz-extension://${FIREFOX_UUID}`,
    close: () => browser.close(),
  };
}

/** Extension pages must be opened with a goto that is not awaited (the navigation never reports back). */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  void page.goto(`${session.extensionBase}/${path}`).catch(() => undefined);
  await page.waitForFunction(
    () => document.readyState === 'complete' && location.protocol === 'moz-extension:',
    {
      timeout: 15_000,
    },
  );
  return page;
}

export async function overlayRulesFirefox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('gaitguard-overlay');
    return [...(host?.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map(
      (node) => node.getAttribute('data-rule') ?? '',
    );
  });
}
