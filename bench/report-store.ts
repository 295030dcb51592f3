/**
 * The report store as a figure. `analyses_per_change`: engine runs per edit, with the overlay and a popup
 * both following the tab (the worker computes a tab's report once per change and serves every reader from
 * its cache; before it, the popup's once-a-second poll re-ran the engine each time).
 */
import type { Page } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from '../test/e2e/harness/chromium';
import { median, progress } from './stats';

async function workerStats(extensionPage: Page): Promise<{ changes: number; analyses: number }> {
  return extensionPage.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'get-worker-stats' })) as {
      ok: boolean;
      data?: { changes: number; analyses: number };
    };
    if (!reply.ok || !reply.data) throw new Error('the worker gave no stats');
    return reply.data;
  });
}

/** One edit that flips units-exceed-minutes, timed from the key press to the overlay showing the result. */
async function timedEdit(page: Page, run: number): Promise<number> {
  const removeDigit = run % 2 === 0;
  await page.evaluate(
    ({ removeDigit }) => {
      const note = document.querySelector('#note-body') as HTMLTextAreaElement;
      const at = note.value.indexOf('(97116): ') + '(97116): '.length;
      note.focus();
      note.setSelectionRange(removeDigit ? at + 1 : at, removeDigit ? at + 1 : at);
      const host = document.querySelector('gaitguard-overlay');
      const root = host?.shadowRoot;
      if (!root) throw new Error('no overlay');
      const state = window as unknown as { ggEdit?: { started: number; shown?: number } };
      state.ggEdit = { started: Number.NaN };
      note.addEventListener(
        'keydown',
        (event) => {
          state.ggEdit!.started = event.timeStamp;
        },
        { once: true },
      );
      const observer = new MutationObserver(() => {
        if (Boolean(root.querySelector('[data-rule="units-exceed-minutes"]')) === removeDigit) {
          state.ggEdit!.shown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { removeDigit },
  );
  await page.keyboard.press(removeDigit ? 'Backspace' : '2');
  return page
    .waitForFunction(
      () => {
        const edit = (window as unknown as { ggEdit?: { started: number; shown?: number } }).ggEdit;
        return edit?.shown === undefined ? false : edit.shown - edit.started;
      },
      undefined,
      { timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

export interface StoreBench {
  analyses_per_change: number;
}

export async function benchReportStore(): Promise<StoreBench> {
  const server = await startServer();
  let session: ChromiumSession | undefined;
  try {
    session = await launchChromium();
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    const page = await session.context.newPage();
    const noteUrl = `${server.origin}/fixtures/textarea-note.html`;
    await page.goto(noteUrl);
    await turnOnViaPopup(session, noteUrl);
    await waitForOverlayFindings(page, { atLeast: 0 });

    progress('analyses per change (overlay and popup following the tab)');
    const popup = await openPopupFor(session, noteUrl);
    await popup.getByTestId('site-state').waitFor();
    const perEdit: number[] = [];
    for (let run = 0; run < 6; run++) {
      const before = await workerStats(extensionPage);
      await timedEdit(page, run);
      // The popup's push follows the overlay's; let it land before counting.
      await popup.waitForTimeout(300);
      const after = await workerStats(extensionPage);
      if (after.changes > before.changes)
        perEdit.push((after.analyses - before.analyses) / (after.changes - before.changes));
    }
    await popup.close();

    progress(`analyses per edit: ${perEdit.join(', ')}`);
    return { analyses_per_change: median(perEdit) };
  } finally {
    await session?.close();
    await server.close();
  }
}
