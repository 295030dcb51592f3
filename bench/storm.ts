/**
 * `storm_edit_to_report_ms` (issue 16): how long one keystroke in a coder's note takes to change the overlay
 * while another tab, of another turned-on site, holds 40 same-origin frames whose 2 MB notes each change
 * every second. The caps (characters per snapshot and per tab, frames per tab), the analysis debounce's
 * maximum wait and the per-tab report store must keep the worker serving the quiet tab. The median of
 * several edits, each timed inside the page (see timed-edit.ts).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import {
  launchChromium,
  tabIdOf,
  turnOnViaPopup,
  waitForOverlayFindings,
  workerAsker,
} from '../test/e2e/harness/chromium';
import { pollUntil } from '../test/e2e/harness/poll';
import { median, progress } from './stats';
import { timedEdit } from './timed-edit';

const STORM_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/storm');
const STORM_FRAMES = 40;
/** Loading 40 frames of 2 MB notes and the first read of each takes a while on a busy two-core machine. */
const STORM_START_MS = 240_000;

interface WorkerStats {
  changes: number;
  analyses: number;
}

async function workerStats(extensionPage: Page): Promise<WorkerStats> {
  return extensionPage.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'get-worker-stats' })) as {
      ok: boolean;
      data?: WorkerStats;
    };
    if (!reply.ok || !reply.data) throw new Error('the worker gave no stats');
    return reply.data;
  });
}

/** Snapshots the frames' own page counts: how many edits each storm frame has made so far. */
async function stormTicks(storm: Page): Promise<number> {
  const ticks = await Promise.all(
    storm
      .frames()
      .filter((frame) => frame.url().includes('/storm/frame.html'))
      .map((frame) =>
        frame.evaluate(() => (window as unknown as { stormTicks?: number }).stormTicks ?? 0).catch(() => 0),
      ),
  );
  return ticks.reduce((sum, tick) => sum + tick, 0);
}

export interface StormBench {
  storm_edit_to_report_ms: number;
}

/** `extensionPath`: another build of GaitGuard to measure (a before/after comparison); the test build by default. */
export async function benchStorm(runs = 6, extensionPath?: string): Promise<StormBench> {
  const server = await startServer(0, { '/storm/': STORM_DIR });
  const session = await launchChromium(extensionPath ? { extensionPath } : {});
  try {
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    const ask = workerAsker(() => extensionPage);

    // The coder's tab: another site (localhost, not 127.0.0.1), so another renderer and another report.
    const quietUrl = `${server.origin.replace('127.0.0.1', 'localhost')}/fixtures/textarea-note.html`;
    const page = await session.context.newPage();
    await page.goto(quietUrl);
    await turnOnViaPopup(session, quietUrl);
    await waitForOverlayFindings(page, { atLeast: 0 });
    // Each edit turns the finding on or off in turn: the first removes a digit, the next types it back.
    let edits = 0;
    const edit = () => timedEdit(page, edits++ % 2 === 0, 60_000);
    const calm: number[] = [];
    for (let run = 0; run < 3; run++) calm.push(await edit());

    progress(`storm: ${STORM_FRAMES} frames of 2 MB notes, each changed every second, in another tab`);
    const storm = await session.context.newPage();
    const stormUrl = `${server.origin}/storm/top.html`;
    const loadStarted = Date.now();
    await storm.goto(stormUrl, { waitUntil: 'commit' });
    await turnOnViaPopup(session, stormUrl);
    const stormTab = await tabIdOf(extensionPage, stormUrl);
    // The storm is on once the worker has heard from every frame: the frames past the per-tab cap are listed
    // as cut, so the report's frame count is all 40. Asked every half second, not faster: each question is
    // one more message for the busy worker.
    await pollUntil(
      async () => {
        await storm.waitForTimeout(500);
        const report = await ask(stormTab);
        return report?.cuts.some((cut) => cut.what === 'frames' && cut.total >= STORM_FRAMES);
      },
      STORM_START_MS,
      'The storm tab never reached the worker from all its frames',
    );
    const loadMs = Date.now() - loadStarted;

    const ticksBefore = await stormTicks(storm);
    // The coder looks at their own tab; the storm's goes on in the background, as a tab left open does.
    await page.bringToFront();
    const statsBefore = await workerStats(extensionPage);
    const started = Date.now();
    const times: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const elapsed = await edit();
      // The first edit under the storm is not counted: the quiet tab's first read after a pause.
      if (run > 0) times.push(elapsed);
    }
    const seconds = (Date.now() - started) / 1000;
    const ticks = (await stormTicks(storm)) - ticksBefore;
    const statsAfter = await workerStats(extensionPage);
    progress(
      `storm on in ${Math.round(loadMs / 1000)} s; while timing, ${Math.round(ticks / seconds)} frame edits/s, ` +
        `${Math.round((statsAfter.changes - statsBefore.changes) / seconds)} changed snapshots/s and ` +
        `${Math.round((statsAfter.analyses - statsBefore.analyses) / seconds)} analyses/s in the worker`,
    );
    progress(
      `edits (ms) without the storm: ${calm.map(Math.round).join(', ')}; during it: ${times.map(Math.round).join(', ')}`,
    );
    return { storm_edit_to_report_ms: median(times) };
  } finally {
    await session.close();
    await server.close();
  }
}
