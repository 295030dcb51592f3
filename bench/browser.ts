/**
 * The figures that only mean something in a real browser: the reader on large pages (a page's main thread,
 * with layout), and GaitGuard loaded as an extension (edit-to-overlay latency, long tasks while typing,
 * the content script's heap).
 */
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from '../test/e2e/harness/chromium';
import { largePageHtml } from '../test/fixtures/pages/generate-large';
import { readerBundle } from './reader-bundle';
import { median, progress } from './stats';
import { timedEdit } from './timed-edit';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves a generated page at a URL of the given origin without touching the fixture server's files. */
async function serveGenerated(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
}

export interface ReaderBench {
  reader_10k_ms: number;
  reader_unchanged_ms: number;
  reader_50k_ms: number;
  chromium: string;
}

interface BenchWindow {
  GaitGuardReader: {
    readFrame(doc: Document): { notes: unknown[]; charges: unknown[] };
    watchPage(
      doc: Document,
      onSnapshot: (snapshot: unknown) => void,
      options: { signal: AbortSignal; debounceMs?: number },
    ): { rescan(): void };
  };
}

/** Median readFrame time and median clean re-scan time, timed inside the page with performance.now. */
async function timeReaderOnPage(page: Page, html: string, code: string) {
  const url = `http://reader.bench.invalid/large-${html.length}.html`;
  await serveGenerated(page, url, html);
  await page.goto(url);
  await page.addScriptTag({ content: code });
  return page.evaluate(() => {
    const { GaitGuardReader: reader } = window as unknown as BenchWindow;
    const elements = document.getElementsByTagName('*').length;
    const first = reader.readFrame(document);
    // The large page holds the four SOAP textareas and one fee-sheet line: a read that misses them is wrong.
    if (first.notes.length !== 4 || first.charges.length !== 1) {
      throw new Error(`reader read ${first.notes.length} notes, ${first.charges.length} lines`);
    }
    // Ten more untimed reads, so the timed ones run the page's optimised code rather than its first tiers.
    for (let i = 0; i < 10; i++) reader.readFrame(document);
    const reads: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      reader.readFrame(document);
      reads.push(performance.now() - started);
    }
    const controller = new AbortController();
    let snapshots = 0;
    const watcher = reader.watchPage(document, () => snapshots++, {
      signal: controller.signal,
      debounceMs: 150,
    });
    // performance.now is coarsened to 0.1 ms outside cross-origin isolation: time batches of re-scans.
    const batch = 200;
    const rescans: number[] = [];
    for (let round = 0; round < 15; round++) {
      const started = performance.now();
      for (let i = 0; i < batch; i++) watcher.rescan();
      rescans.push((performance.now() - started) / batch);
    }
    controller.abort();
    if (snapshots !== 1) throw new Error(`a clean re-scan reported ${snapshots - 1} new snapshots`);
    return { elements, reads, rescans };
  });
}

export async function benchReader(): Promise<ReaderBench> {
  const code = await readerBundle();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    progress('reader on the 10,000-element page');
    const tenK = await timeReaderOnPage(page, largePageHtml(10_000), code);
    progress(`  ${tenK.elements} elements`);
    progress('reader on the 50,000-element page');
    const fiftyK = await timeReaderOnPage(page, largePageHtml(50_000), code);
    return {
      reader_10k_ms: median(tenK.reads),
      reader_unchanged_ms: median(tenK.rescans),
      reader_50k_ms: median(fiftyK.reads),
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

export interface ExtensionBench {
  edit_to_overlay_ms: number;
  longest_task_ms: number;
  content_heap_mb: number;
}

async function heapUsedBytes(page: Page, session: ChromiumSession): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  try {
    // Collect twice: the first pass can leave objects that only become garbage after finalizers ran.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('Chromium reported no JSHeapUsedSize');
    return used.value;
  } finally {
    await cdp.detach();
  }
}

async function setSite(session: ChromiumSession, pageUrl: string, on: boolean): Promise<void> {
  if (on) {
    await turnOnViaPopup(session, pageUrl);
    return;
  }
  const popup = await openPopupFor(session, pageUrl);
  await popup.getByRole('button', { name: 'Turn off' }).click();
  await popup.getByTestId('site-state').filter({ hasText: 'Off' }).waitFor({ timeout: 15_000 });
  await popup.close();
}

/**
 * Heap of the page's renderer isolate (the page's main world and GaitGuard's isolated world share it) on
 * the 10,000-element page: with the site on and the overlay showing, minus the same page with the site off.
 */
async function measureHeap(session: ChromiumSession, page: Page, url: string, runs: number) {
  const deltas: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    await page.goto(url);
    const before = await heapUsedBytes(page, session);
    await setSite(session, url, true);
    await waitForOverlayFindings(page, { atLeast: 0 });
    await page.waitForTimeout(500);
    const after = await heapUsedBytes(page, session);
    // The first cycle warms up the worker and the popup; it is not counted.
    if (run > 0) deltas.push(after - before);
    await setSite(session, url, false);
    await page.waitForFunction(() => !document.querySelector('gaitguard-overlay'));
  }
  return median(deltas) / (1024 * 1024);
}

/** The overlay's units finding appears (or goes) after one keystroke in the note; timed inside the page. */
async function measureEditToOverlay(page: Page, runs: number): Promise<number> {
  await waitForOverlayFindings(page, { atLeast: 0 });
  const times: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const removeDigit = run % 2 === 0;
    const elapsed = await timedEdit(page, removeDigit, 10_000);
    if (run > 0) times.push(elapsed);
    await page.waitForTimeout(300);
  }
  return median(times);
}

/**
 * Long tasks (≥ 50 ms) on the page's main thread while a coder types 30 characters at about 8 keys a second
 * into a note on a 50,000-element page; GaitGuard's content script re-reads the page on that thread.
 * 0 when no task reached 50 ms.
 */
async function measureLongTasks(page: Page, url: string, runs: number): Promise<number> {
  await page.goto(url);
  await waitForOverlayFindings(page, { atLeast: 1 });
  await page.evaluate(() => {
    const state = window as unknown as { ggTasks: Array<{ start: number; duration: number }> };
    state.ggTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.ggTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const longest: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    await page.locator('textarea[name="objective"]').click();
    await page.keyboard.press('End');
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.type(' cues for step length x10 ok', { delay: 120 });
    await page.keyboard.type('..', { delay: 120 });
    // Let the last debounced re-read and the overlay update land inside the window.
    await page.waitForTimeout(1200);
    const worst = await page.evaluate(
      (since) =>
        (window as unknown as { ggTasks: Array<{ start: number; duration: number }> }).ggTasks
          .filter((task) => task.start >= since)
          .reduce((max, task) => Math.max(max, task.duration), 0),
      started,
    );
    if (run > 0) longest.push(worst);
  }
  return median(longest);
}

export async function benchExtension(): Promise<ExtensionBench> {
  const server = await startServer();
  const session = await launchChromium();
  try {
    const page = await session.context.newPage();
    const noteUrl = `${server.origin}/fixtures/textarea-note.html`;
    const largeUrl = `${server.origin}/bench/large-10k.html`;
    const hugeUrl = `${server.origin}/bench/large-50k.html`;
    await serveGenerated(page, largeUrl, largePageHtml(10_000));
    await serveGenerated(page, hugeUrl, largePageHtml(50_000));

    progress('content script heap on the 10,000-element page');
    const heap = await measureHeap(session, page, largeUrl, 3);

    await page.goto(noteUrl);
    await turnOnViaPopup(session, noteUrl);
    progress('edit to overlay');
    const edit = await measureEditToOverlay(page, 6);
    progress('long tasks while typing on the 50,000-element page');
    const longest = await measureLongTasks(page, hugeUrl, 3);
    return { edit_to_overlay_ms: edit, longest_task_ms: longest, content_heap_mb: heap };
  } finally {
    await session.close();
    await server.close();
  }
}
