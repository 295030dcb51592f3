/**
 * `storm_edit_to_report_ms` (issue 16): how long one keystroke in a coder's note takes to change the overlay
 * while another tab of the same turned-on site holds 40 frames whose 2 MB notes each change every second.
 * The caps (characters per snapshot and per tab, frames per tab) and the per-tab report store must keep the
 * worker serving the quiet tab; the median of several edits, each timed inside the page.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { launchChromium, turnOnViaPopup, waitForOverlayFindings } from '../test/e2e/harness/chromium';
import { median, progress } from './stats';
import { timedEdit } from './timed-edit';

const STORM_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/storm');
const STORM_FRAMES = 40;

export async function benchStorm(runs = 6): Promise<{ storm_edit_to_report_ms: number }> {
  const server = await startServer(0, { '/storm/': STORM_DIR });
  const session = await launchChromium();
  try {
    const storm = await session.context.newPage();
    const stormUrl = `${server.origin}/storm/top.html`;
    await storm.goto(stormUrl, { waitUntil: 'commit' });
    await turnOnViaPopup(session, stormUrl);
    // Every frame loaded and writing: the storm is on before the coder types. Frame load events, not an
    // evaluation inside the storm's own busy main thread.
    const frameLoads = async (): Promise<number> => {
      const frames = storm.frames().filter((frame) => frame.url().includes('/storm/frame.html'));
      await Promise.all(frames.map((frame) => frame.waitForLoadState('load', { timeout: 240_000 })));
      return frames.length;
    };
    for (let loaded = await frameLoads(); loaded < STORM_FRAMES; loaded = await frameLoads()) {
      await storm.waitForEvent('frameattached', { timeout: 240_000 });
    }
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/fixtures/textarea-note.html`);
    await waitForOverlayFindings(page, { atLeast: 0 });
    progress(`storm: ${STORM_FRAMES} frames of 2 MB notes changing every second in another tab`);
    const times: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const elapsed = await timedEdit(page, run % 2 === 0, 30_000);
      // The first edit warms up the quiet tab's reader; it is not counted.
      if (run > 0) times.push(elapsed);
    }
    progress(`storm edits (ms): ${times.map((time) => Math.round(time)).join(', ')}`);
    return { storm_edit_to_report_ms: median(times) };
  } finally {
    await session.close();
    await server.close();
  }
}
