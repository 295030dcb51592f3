/**
 * GaitGuard's privacy promises in real Firefox ESR over every fixture and demo page in one session: no request
 * leaves any GaitGuard context, no note text reaches storage.local/sync/session or any console, and the page's
 * DOM and form values are untouched (except GaitGuard's own host element) while it reads, shows findings and
 * reveals evidence.
 *
 * What Firefox lets a test see, and how the rest is covered:
 * - BiDi network events cover every tab and frame (pages, their frames, extension pages opened as tabs),
 *   recorded browser-wide. They never include the background page, a windowless document outside BiDi's
 *   browsing contexts; nor a request the extension CSP (connect-src 'none') blocks before the network.
 * - The background page is reached from an extension page with runtime.getBackgroundPage() and patched: fetch,
 *   XHR, WebSocket, EventSource, sendBeacon, CSP violations and console are recorded from that moment on, and
 *   its performance resource entries list every load it really made since it started. A call through a
 *   reference taken before the patch that the CSP then blocks is the one thing neither sees.
 * - Console calls in moz-extension pages are not reported over BiDi; each extension page this test opens is
 *   patched right after it loads, so output during its first render is not seen (its resource entries are).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlayFirefox,
  inOverlayFirefox,
  installExtensionRecorder,
  launchFirefox,
  openExtensionPage,
  readExtensionRecord,
  recordBidiEvents,
  turnOnViaPopupFirefox,
  type BidiRequest,
  type FirefoxSession,
  workerAsker,
  settled,
  tabIdOfFirefox,
  waitForFunctionIn,
  waitInOverlayFirefox,
} from './harness/firefox';
import { reportWhere, waitUntilForgotten } from './harness/tab-report';
import {
  framesText,
  PAGE_WATCH_SCRIPT_FIREFOX,
  declaredFrameSources,
  leakedWindows,
  noteWindows,
  topPagePaths,
} from './harness/privacy';

let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let bidi: ReturnType<typeof recordBidiEvents>;
let page: Page;
let extensionPage: Page;
let tabId: number;

const PAGES = topPagePaths();
const BACKGROUND_MARKER = 0x6761;
const seenTexts: string[] = [];
const pageLevelRequests: string[] = [];
/** Every extension page the session opened, with what its in-page recorder saw before it closed. */
const extensionRecords: Array<{ path: string; attempts: string[]; console: string[]; foreign: string[] }> =
  [];

const ask = workerAsker(() => extensionPage);

/** Opens an extension page with its own recorder; `finish` reads the recorder and closes the page. */
async function openRecorded(path: string): Promise<{ page: Page; finish(): Promise<void> }> {
  const opened = await openExtensionPage(session, path);
  opened.on('request', (request) => pageLevelRequests.push(request.url()));
  await installExtensionRecorder(opened, 'self', 1);
  return {
    page: opened,
    finish: async () => {
      const record = await readExtensionRecord(opened, 'self');
      extensionRecords.push({
        path,
        attempts: record.attempts,
        console: record.console,
        foreign: record.foreignResources,
      });
      await opened.close();
    },
  };
}

/**
 * Requests that break "no network". Every page and frame of the fixtures only loads documents (no scripts,
 * styles or images), so what may appear is: navigations to the test server or to a frame address a page
 * declares itself, the browser's own favicon probe, and the extension's packaged files. A fetch, beacon or
 * image GaitGuard caused in a page's frame, in the popup or in the options page would be anything else.
 */
function offending(requests: readonly BidiRequest[]): BidiRequest[] {
  const declared = new Set(declaredFrameSources());
  return requests.filter((request) => {
    if (request.url.startsWith(`${session.extensionBase}/`)) return false;
    // A data: address carries its content inline and reaches no server (Firefox's error page loads a font so).
    if (request.url.startsWith('data:')) return false;
    if (request.navigation === null) return request.url !== `${server.origin}/favicon.ico`;
    return !(request.url.startsWith(`${server.origin}/`) || declared.has(request.url));
  });
}

interface WatchResult {
  url: string;
  watching: boolean;
  log: string[];
  same: boolean;
}

async function watchResults(target: Page): Promise<WatchResult[]> {
  const out: WatchResult[] = [];
  for (const frame of target.frames()) {
    const result = await frame
      .evaluate(() => {
        const watch = (
          window as unknown as {
            __ggWatch?: { log: string[]; values(): string[]; before: string[]; watching(): boolean };
          }
        ).__ggWatch;
        return {
          href: location.href,
          errorPage: document.documentURI.startsWith('about:neterror'),
          watching: watch?.watching() ?? false,
          log: [...(watch?.log ?? [])],
          same: watch ? JSON.stringify(watch.values()) === JSON.stringify(watch.before) : false,
        };
      })
      .catch(() => undefined);
    // Firefox's own error page for the fixture's deliberately unreachable frame host, which keeps the
    // address it failed to load as its location.
    if (result && !result.errorPage)
      out.push({ url: result.href, watching: result.watching, log: result.log, same: result.same });
  }
  return out;
}

beforeAll(async () => {
  server = await startServer();
  // GG_FIREFOX_EXTENSION lets a deliberately broken copy of the build be run, to show these tests fail.
  session = await launchFirefox({ extensionPath: process.env.GG_FIREFOX_EXTENSION });
  bidi = recordBidiEvents(session.browser);
  page = await session.browser.newPage();
  page.on('request', (request) => pageLevelRequests.push(request.url()));
  // Runs in every frame of the tab, before GaitGuard's document_idle scripts (see PAGE_WATCH_SCRIPT_FIREFOX).
  await page.evaluateOnNewDocument(PAGE_WATCH_SCRIPT_FIREFOX);
  await page.goto(`${server.origin}/demo/daily-note.html`);
  extensionPage = await turnOnViaPopupFirefox(session, page.url());
  await installExtensionRecorder(extensionPage, 'self', 1);
  await installExtensionRecorder(extensionPage, 'background', BACKGROUND_MARKER);
  tabId = await tabIdOfFirefox(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a full session over every page in Firefox', () => {
  // About 20 pages, each read and revealed from the pill and the popup: 80 s alone, more on a busy machine.
  it('leaves every frame untouched while reading it, showing findings and revealing evidence', async () => {
    const problems: string[] = [];
    let revealed = 0;
    let watchedFrames = 0;
    for (const path of PAGES) {
      await page.goto('about:blank');
      await waitUntilForgotten(ask, tabId);
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      const report = await reportWhere(ask, tabId, () => true, 15_000).catch(() => undefined);
      if (report && report.findings.length > 0) {
        // Reveal from the overlay (scrolls and marks inside GaitGuard's layer) and from the popup.
        await waitInOverlayFirefox(page, (root) => root?.querySelector('.gg-evidence'), {
          timeout: 20_000,
        }).catch(async (error: unknown) => {
          const shown = await inOverlayFirefox(page, (_root, roots) => roots.map((root) => root.textContent));
          throw new Error(
            `${path}: no evidence in the overlay (${JSON.stringify(shown).slice(0, 400)}; rules ${report.findings.map((finding) => finding.rule).join(',')})`,
            { cause: error },
          );
        });
        // The findings list opens from the in-page pill.
        await clickInOverlayFirefox(page, '.gg-pill');
        await clickInOverlayFirefox(page, '.gg-evidence');
        const popup = await openRecorded(`src/ui/popup/index.html?forUrl=${encodeURIComponent(page.url())}`);
        const quote = await settled(() => popup.page.waitForSelector('.gg-evidence', { timeout: 10_000 }));
        await quote!.click();
        await popup.finish();
        await new Promise((done) => setTimeout(done, 500));
        revealed += 1;
      }
      seenTexts.push(...(await framesText(page)));
      for (const frame of await watchResults(page)) {
        if (!frame.watching) {
          problems.push(`${path} (${frame.url}): the recorder never watched this frame`);
          continue;
        }
        watchedFrames += 1;
        if (frame.log.length > 0)
          problems.push(`${path} (${frame.url}): ${frame.log.slice(0, 3).join('; ')}`);
        if (!frame.same) problems.push(`${path} (${frame.url}): form values changed`);
      }
    }
    expect(problems).toEqual([]);
    // The proof is only as good as the frames watched and the pages that showed findings and were revealed.
    expect(watchedFrames).toBeGreaterThan(PAGES.length);
    expect(revealed).toBeGreaterThan(8);
  }, 240_000);

  it('opens the options page without a request', async () => {
    const before = bidi.requests.length;
    const options = await openRecorded('src/ui/options/index.html');
    await waitForFunctionIn(options.page, () => document.body.textContent?.includes('127.0.0.1'), {
      timeout: 15_000,
    });
    // Long enough for anything its first render starts to be sent; not a timing assertion.
    await new Promise((done) => setTimeout(done, 1_000));
    await options.finish();
    const record = extensionRecords.at(-1)!;
    expect(offending(bidi.requests.slice(before))).toEqual([]);
    expect([...record.attempts, ...record.foreign]).toEqual([]);
  });

  it('made no request from any GaitGuard context, and pages only loaded their own documents', () => {
    expect(bidi.requests.length).toBeGreaterThan(PAGES.length);
    // The browser-wide record holds at least what the per-page listeners saw.
    const browserWide = new Set(bidi.requests.map((request) => request.url));
    expect(pageLevelRequests.length).toBeGreaterThan(PAGES.length);
    expect(pageLevelRequests.filter((url) => !browserWide.has(url))).toEqual([]);
    expect(offending(bidi.requests)).toEqual([]);
  });

  it('made no network attempt in the background page or any extension page', async () => {
    const background = await readExtensionRecord(extensionPage, 'background');
    // The same background page ran the whole session: a restarted one would have lost the recorder.
    expect(background.marker).toBe(BACKGROUND_MARKER);
    expect({ attempts: background.attempts, loaded: background.foreignResources }).toEqual({
      attempts: [],
      loaded: [],
    });
    const own = await readExtensionRecord(extensionPage, 'self');
    expect(extensionRecords.map((record) => record.path.split('?')[0])).toContain(
      'src/ui/options/index.html',
    );
    for (const record of [
      ...extensionRecords,
      { path: 'first popup', attempts: own.attempts, foreign: own.foreignResources },
    ]) {
      expect([...record.attempts, ...record.foreign], record.path).toEqual([]);
    }
  });

  it('stored settings only: no note text in storage.local, storage.sync or storage.session', async () => {
    const windows = noteWindows(seenTexts);
    expect(windows.length).toBeGreaterThan(1_000);
    const dump = await extensionPage.evaluate(async () => {
      const { browser } = globalThis as unknown as {
        browser: { storage: Record<string, { get(keys: null): Promise<unknown> } | undefined> };
      };
      const read = async (area: string) => {
        try {
          return JSON.stringify((await browser.storage[area]?.get(null)) ?? 'area missing');
        } catch (error) {
          // storage.sync without a Firefox account may be refused; that stores nothing either.
          return `unavailable: ${String(error)}`;
        }
      };
      return { local: await read('local'), sync: await read('sync'), session: await read('session') };
    });
    // The session turned a site on, so settings exist: the dump is not trivially empty.
    expect(dump.local).toContain(server.origin);
    expect(
      Object.keys(JSON.parse(dump.local) as object).every((key) =>
        ['settings', 'importedTables'].includes(key),
      ),
    ).toBe(true);
    for (const area of ['local', 'sync', 'session'] as const) {
      expect(leakedWindows(windows, dump[area]), area).toEqual([]);
    }
  });

  it('wrote nothing of a note to the console of pages, frames, extension pages or the background page', async () => {
    const windows = noteWindows(seenTexts);
    const background = await readExtensionRecord(extensionPage, 'background');
    const own = await readExtensionRecord(extensionPage, 'self');
    const everything = [
      ...bidi.console,
      ...background.console,
      ...own.console,
      ...extensionRecords.flatMap((record) => record.console),
    ].join('\n');
    expect(leakedWindows(windows, everything)).toEqual([]);
    expect(bidi.console.filter((line) => /gaitguard|extension/i.test(line))).toEqual([]);
  });
});
