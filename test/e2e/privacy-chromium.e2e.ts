/**
 * GaitGuard's privacy promises, proven in real Chromium over every fixture and demo page in one session:
 * no request leaves any GaitGuard context, no note text reaches storage.local/sync or the console, the page's
 * DOM and form values are untouched (except GaitGuard's own host element), findings are dropped when the tab
 * navigates away or closes, and markup in a note renders as text in the overlay and the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlay,
  inOverlay,
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  type ChromiumSession,
  tabIdOf,
  waitInOverlay,
  workerAsker,
} from './harness/chromium';
import { reportWhere, waitUntilForgotten } from './harness/tab-report';
import { framesText, PAGE_WATCH_SCRIPT, leakedWindows, noteWindows, topPagePaths } from './harness/privacy';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
let extensionPage: Page;
let tabId: number;

const PAGES = topPagePaths();
const requests: Array<{ url: string; from: string; navigation: boolean; type: string }> = [];
const consoleLines: string[] = [];
const pageErrors: string[] = [];
const seenTexts: string[] = [];

const ask = workerAsker(() => extensionPage);

function recordRequest(request: Request): void {
  const worker = request.serviceWorker();
  let from = 'unknown';
  if (worker) from = `service-worker ${worker.url()}`;
  else {
    try {
      from = request.frame().url();
    } catch {
      from = 'no frame';
    }
  }
  requests.push({
    url: request.url(),
    from,
    navigation: request.isNavigationRequest(),
    type: request.resourceType(),
  });
}

/** Requests that break "no network": anything an extension context asks for beyond its own packaged files,
 * and anything a page frame loads that is not a navigation the page itself made (GaitGuard's content script
 * shares the page's frame, so a fetch, beacon or image it caused would show up here as a non-navigation). */
function offending(extensionId: string) {
  const own = `chrome-extension://${extensionId}/`;
  return requests.filter((request) => {
    // The extension's own packaged files (popup documents, chunks) come from disk, not the network.
    if (request.url.startsWith(own)) return false;
    if (request.from.startsWith('chrome-extension://') || request.from.startsWith('service-worker'))
      return true;
    return !(request.navigation && request.type === 'document');
  });
}

async function watchResults(target: Page): Promise<Array<{ url: string; log: string[]; same: boolean }>> {
  const out: Array<{ url: string; log: string[]; same: boolean }> = [];
  for (const frame of target.frames()) {
    const result = await frame
      .evaluate(() => {
        const watch = (
          window as unknown as { __ggWatch?: { log: string[]; values(): string[]; before: string[] } }
        ).__ggWatch;
        if (!watch) return undefined;
        return { log: [...watch.log], same: JSON.stringify(watch.values()) === JSON.stringify(watch.before) };
      })
      .catch(() => undefined);
    if (result) out.push({ url: frame.url(), ...result });
  }
  return out;
}

beforeAll(async () => {
  server = await startServer();
  // GG_CHROME_EXTENSION lets a deliberately broken copy of the build be run, to show these tests fail.
  session = await launchChromium({ extensionPath: process.env.GG_CHROME_EXTENSION });
  const { context } = session;
  await context.addInitScript(PAGE_WATCH_SCRIPT);
  context.on('request', recordRequest);
  context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  context.on('weberror', (error) => pageErrors.push(String(error.error())));
  session.worker.on('console', (message) => consoleLines.push(`worker ${message.type()}: ${message.text()}`));
  // The worker's CSP (connect-src 'none') blocks a fetch before it reaches the network, so Playwright never
  // reports it: record attempts and CSP violations inside the worker itself.
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as { __ggNet: string[] } & typeof globalThis;
    scope.__ggNet = [];
    const note = (what: string) => scope.__ggNet.push(what);
    const realFetch = scope.fetch.bind(scope);
    scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      note(`fetch ${String(input instanceof Request ? input.url : input)}`);
      return realFetch(input, init);
    };
    for (const name of ['WebSocket', 'EventSource'] as const) {
      const Real = (scope as unknown as Record<string, new (url: string) => unknown>)[name];
      if (Real)
        (scope as unknown as Record<string, unknown>)[name] = function (url: string) {
          note(`${name} ${url}`);
          return new Real(url);
        };
    }
    scope.addEventListener('securitypolicyviolation', (event) =>
      note(`csp ${(event as SecurityPolicyViolationEvent).blockedURI}`),
    );
  });
  page = await context.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
  await turnOnViaPopup(session, page.url());
  extensionPage = await openPopupFor(session, page.url());
  tabId = await tabIdOf(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a full session over every page', () => {
  it('finds the pages on disk', () => {
    expect(PAGES).toContain('/demo/daily-note.html');
    expect(PAGES).toContain('/fixtures/two-frame/top.html');
    expect(PAGES).not.toContain('/fixtures/two-frame/note.html');
    expect(PAGES.length).toBeGreaterThan(15);
  });

  it('leaves every page untouched while reading it, showing findings and revealing evidence', async () => {
    const problems: string[] = [];
    let revealed = 0;
    for (const path of PAGES) {
      await page.goto('about:blank');
      await waitUntilForgotten(ask, tabId);
      await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded' });
      const report = await reportWhere(ask, tabId, () => true, 15_000).catch(() => undefined);
      if (report && report.findings.length > 0) {
        // Reveal from the overlay (scrolls and marks inside GaitGuard's layer) and from the popup.
        // The findings list opens from the in-page pill (its place is checked in pill-chromium.e2e.ts).
        await clickInOverlay(page, '.gg-pill');
        await clickInOverlay(page, '.gg-evidence', 10_000);
        const popup = await openPopupFor(session, page.url());
        await popup.locator('.gg-evidence').first().click();
        await popup.close();
        await page.waitForTimeout(500);
        revealed += 1;
      }
      seenTexts.push(...(await framesText(page)));
      for (const frame of await watchResults(page)) {
        // Chromium's own error page for the fixture's deliberately unreachable frame host.
        if (frame.url.startsWith('chrome-error://')) continue;
        if (frame.log.length > 0)
          problems.push(`${path} (${frame.url}): ${frame.log.slice(0, 3).join('; ')}`);
        if (!frame.same) problems.push(`${path} (${frame.url}): form values changed`);
      }
    }
    expect(problems).toEqual([]);
    // The proof is only as good as the pages that actually showed findings and were revealed.
    expect(revealed).toBeGreaterThan(8);
  });

  it('made no request from any GaitGuard context, and pages only loaded their own documents', () => {
    expect(requests.length).toBeGreaterThan(PAGES.length);
    expect(offending(session.extensionId)).toEqual([]);
  });

  it('made no network attempt inside the service worker', async () => {
    // The same worker ran the whole session (the session is far shorter than Chromium's idle timeout).
    expect(session.context.serviceWorkers()).toContain(session.worker);
    const attempts = await session.worker.evaluate(
      () => (globalThis as unknown as { __ggNet: string[] }).__ggNet,
    );
    // action.setIcon({ path }) reads the extension's own packaged icons through fetch: a file of the package,
    // never the network. Anything with a scheme or host of its own still fails the test.
    const ownIcon = /^fetch \/icons\/[\w-]+\.png$/;
    expect(attempts.filter((attempt) => !ownIcon.test(attempt))).toEqual([]);
  });

  it('stored settings only: no note text in storage.local, storage.sync or storage.session', async () => {
    const windows = noteWindows(seenTexts);
    expect(windows.length).toBeGreaterThan(1_000);
    const dump = await session.worker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
    // The session turned a site on, so settings exist: the dump is not trivially empty.
    expect(JSON.stringify(dump.local)).toContain(server.origin);
    expect(Object.keys(dump.local).every((key) => ['settings', 'importedTables'].includes(key))).toBe(true);
    for (const area of ['local', 'sync', 'session'] as const) {
      expect(leakedWindows(windows, JSON.stringify(dump[area])), area).toEqual([]);
    }
  });

  it('wrote nothing of a note to the console of pages, popup or worker', () => {
    const windows = noteWindows(seenTexts);
    expect(leakedWindows(windows, consoleLines.join('\n'))).toEqual([]);
    expect(pageErrors.filter((error) => /gaitguard|extension/i.test(error))).toEqual([]);
  });

  it('drops the findings when the tab navigates away and when it closes', async () => {
    await page.goto(`${server.origin}/demo/daily-note.html`);
    await reportWhere(ask, tabId, (report) => report.findings.length > 0);
    await page.goto('about:blank');
    await waitUntilForgotten(ask, tabId);
    expect(await ask(tabId)).toBeUndefined();

    const other = await session.context.newPage();
    await other.goto(`${server.origin}/demo/daily-note.html`);
    const otherId = await extensionPage.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return tabs.filter((tab) => tab.url?.endsWith('/demo/daily-note.html')).at(-1)?.id ?? -1;
    });
    await reportWhere(ask, otherId, (report) => report.findings.length > 0);
    await other.close();
    await waitUntilForgotten(ask, otherId);
    expect(await ask(otherId)).toBeUndefined();
  });
});

describe('markup in a note is text', () => {
  it('renders as text in the overlay and the popup, creating no element and running no script', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/fixtures/hostile/xss-note.html`);
    await reportWhere(ask, tabId, (report) =>
      report.findings.some((finding) => finding.rule === 'repetitive-walking'),
    );
    // The pill keeps its list folded; the finding is rendered all the same.
    await waitInOverlay(page, (root) => root?.querySelector('[data-rule="repetitive-walking"]'));
    // The payload is there, as text: the test would be vacuous if the quote never reached the UI.
    const shown = await inOverlay(page, (_root, roots) => {
      return {
        text: roots.map((root) => root.textContent ?? '').join(' '),
        elements: roots.flatMap((root) => [
          ...root.querySelectorAll('img, script, svg, iframe, object, embed'),
        ]).length,
      };
    });
    expect(shown.text).toContain('onerror="window.__ggXss=3');
    expect(shown.elements).toBe(0);
    await clickInOverlay(page, '.gg-pill');
    await clickInOverlay(page, '.gg-evidence');

    const popup = await openPopupFor(session, page.url());
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await popup.locator('[data-rule="repetitive-walking"]').first().waitFor();
    expect(await popup.locator('body').textContent()).toContain('onerror="window.__ggXss=3');
    expect(await popup.locator('img, script:not([src]), svg, iframe, object, embed').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __ggXss?: number }).__ggXss)).toBeUndefined();
    await popup.close();

    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ggXss?: number }).__ggXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
