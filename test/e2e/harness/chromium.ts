/** Launches Debian's Chromium with the test build of GaitGuard loaded, headless unless a display exists. */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_TEST_BUILD } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchChromium(
  options: { headed?: boolean; extensionPath?: string } = {},
): Promise<ChromiumSession> {
  const dir = mkdtempSync(join(tmpdir(), 'gaitguard-chromium-'));
  const extension = options.extensionPath ?? CHROME_TEST_BUILD;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 800 },
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the popup for a page (the popup resolves the tab by URL when it is not opened from the toolbar). */
export async function openPopupFor(session: ChromiumSession, pageUrl: string): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(
    `chrome-extension://${session.extensionId}/src/ui/popup/index.html?forUrl=${encodeURIComponent(pageUrl)}`,
  );
  return popup;
}

/** The overlay's text, read through its (open) shadow root. */
export async function overlayText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('gaitguard-overlay');
    return host?.shadowRoot?.textContent ?? '';
  });
}

export async function overlayRules(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('gaitguard-overlay');
    return [...(host?.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map(
      (node) => node.getAttribute('data-rule') ?? '',
    );
  });
}

/** The browser's id of the tab showing a URL, asked from an extension page (-1 when there is none). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(
    async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1,
    url,
  );
}

/** Switches GaitGuard on for a page's site the way a coder does: the popup's "Turn on for this site". */
export async function turnOnViaPopup(session: ChromiumSession, pageUrl: string): Promise<void> {
  const popup = await openPopupFor(session, pageUrl);
  await popup.getByRole('button', { name: 'Turn on for this site' }).click();
  await popup.getByTestId('site-state').filter({ hasText: 'On' }).waitFor({ timeout: 15_000 });
  await popup.close();
}

export interface ShownFinding {
  rule: string;
  severity: string;
  message: string;
  evidence: string[];
  fix: string;
  source: string;
}

/** Waits for the overlay to show a report, then returns the findings exactly as it shows them. */
export async function waitForOverlayFindings(
  page: Page,
  options: { atLeast?: number } = {},
): Promise<ShownFinding[]> {
  const atLeast = options.atLeast ?? 1;
  await page.waitForFunction(
    (min) => {
      const root = document.querySelector('gaitguard-overlay')?.shadowRoot;
      if (!root) return false;
      const count = root.querySelectorAll('[data-rule]').length;
      return min === 0
        ? Boolean(root.querySelector('.gg-empty, [data-rule]')) && !root.textContent?.includes('Reading')
        : count >= min;
    },
    atLeast,
    { timeout: 30_000 },
  );
  // No named helpers inside evaluate: tsx (used by the demo) would wrap them in a __name() the page lacks.
  const raw = await page.evaluate(() =>
    [...(document.querySelector('gaitguard-overlay')?.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map(
      (node) => ({
        rule: node.getAttribute('data-rule') ?? '',
        severity: node.closest('.gg-group')?.className.match(/gg-(error|warning|info)/)?.[1] ?? 'info',
        message: node.querySelector('.gg-message')?.textContent ?? '',
        evidence: [...node.querySelectorAll('.gg-evidence')].map((quote) => quote.textContent ?? ''),
        fix: node.querySelector('.gg-fix')?.textContent ?? '',
        source: node.querySelector('.gg-source')?.textContent ?? '',
      }),
    ),
  );
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  return raw.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    message: flat(finding.message).replace(/^(Error|Warning|Note): /, ''),
    evidence: finding.evidence.map((quote) => flat(quote).replace(/^Evidence: /, '')),
    fix: flat(finding.fix).replace(/^Fix: /, ''),
    source: flat(finding.source).replace(/^Source: /, ''),
  }));
}
