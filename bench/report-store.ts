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
import { timedEdit } from './timed-edit';

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
      await timedEdit(page, run % 2 === 0);
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
