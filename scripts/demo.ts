/**
 * `npm run demo`: GaitGuard's main job on the bundled demo EHR pages. Builds, serves the pages on 127.0.0.1,
 * starts Chromium with the test build loaded (headed when a display exists), turns the demo site on through
 * the popup as a coder would, and prints what the overlay shows on each page, with a screenshot of each.
 * `--keep-open` leaves a headed browser open to explore; `--no-build` reuses dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './serve.mjs';
import { launchChromium, turnOnViaPopup, waitForOverlayFindings } from '../test/e2e/harness/chromium';
import { ROOT } from '../test/e2e/harness/paths';

const PAGES = [
  { path: 'daily-note.html', title: 'Daily note with charges (one page)' },
  {
    path: 'openemr/encounter.html',
    title: 'OpenEMR-style encounter: SOAP note and fee sheet in two iframes',
  },
  { path: 'whole-day.html', title: 'A visit billing 6 timed units for 47 minutes (the whole day)' },
  { path: 'clean-note.html', title: 'A well-documented visit' },
];

const args = new Set(process.argv.slice(2));
const headed = Boolean(process.env.DISPLAY) && !args.has('--headless');
const colour = process.stdout.isTTY;
const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
const SEVERITY_COLOUR: Record<string, string> = { error: '31', warning: '33', info: '36' };

if (!args.has('--no-build')) {
  const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit', cwd: ROOT });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startServer();
const session = await launchChromium({ headed });
const shots = resolve(ROOT, 'artifacts');
mkdirSync(shots, { recursive: true });
let exitCode = 0;
try {
  const page = await session.context.newPage();
  const first = `${server.origin}/demo/${PAGES[0]!.path}`;
  await page.goto(first);
  await turnOnViaPopup(session, first);
  for (const [index, demo] of PAGES.entries()) {
    const url = `${server.origin}/demo/${demo.path}`;
    if (index > 0) await page.goto(url);
    await page.bringToFront();
    const findings = await waitForOverlayFindings(page, { atLeast: demo.path === 'clean-note.html' ? 0 : 1 });
    const shot = resolve(shots, `demo-${demo.path.replace(/[/.]/g, '-')}.png`);
    await page.screenshot({ path: shot });
    console.log(`\n${paint('1', demo.title)}\n  ${url}`);
    if (findings.length === 0) console.log(`  ${paint('32', 'No problems found')}`);
    for (const finding of findings) {
      const severity = finding.severity;
      console.log(
        `  ${paint(SEVERITY_COLOUR[severity] ?? '0', severity.toUpperCase().padEnd(7))} ${finding.message}  [${finding.rule}]`,
      );
      for (const quote of finding.evidence) console.log(`          evidence: ${quote}`);
      console.log(`          fix: ${finding.fix}`);
      console.log(`          source: ${finding.source}`);
    }
    console.log(`  screenshot: ${shot}`);
  }
  if (headed && args.has('--keep-open')) {
    console.log('\nChromium stays open for you to try GaitGuard; press Ctrl+C here to finish.');
    await new Promise(() => undefined);
  }
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await session.close();
  await server.close();
}
process.exit(exitCode);
