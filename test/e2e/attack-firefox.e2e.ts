/**
 * The hostile-page review's attacks that Firefox answers differently from Chromium, replayed in Firefox ESR as
 * an attacker would run them. Firefox matches a site's registration by host, not by port, so GaitGuard's
 * script does start in a page on another port of an enabled host: there it must find its origin off and
 * stop, and the worker must ignore the enabled frame inside it. The forged lifecycle events must neither
 * stop the script nor drop its report. `GG_FIREFOX_EXTENSION=<path of another build>` runs them against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlayFirefox,
  inOverlayFirefox,
  launchFirefox,
  settled,
  tabIdOfFirefox,
  turnOnViaPopupFirefox,
  waitForFunctionIn,
  waitInOverlayFirefox,
  workerAsker,
  type FirefoxSession,
} from './harness/firefox';
import { PAGE_READER_SCRIPT, startAttackerServer } from './harness/attacks';
import { describeReport, reportWhere, rulesOf } from './harness/tab-report';

let ehr: Awaited<ReturnType<typeof startServer>>;
let attacker: Awaited<ReturnType<typeof startAttackerServer>>;
let session: FirefoxSession;
let extensionPage: Page;
const ask = workerAsker(() => extensionPage);

beforeAll(async () => {
  ehr = await startServer();
  attacker = await startAttackerServer();
  session = await launchFirefox({ extensionPath: process.env.GG_FIREFOX_EXTENSION });
  const page = await session.browser.newPage();
  await page.goto(`${ehr.origin}/demo/daily-note.html`);
  // The popup stays open: the tests ask the worker from it, as the popup does.
  extensionPage = await turnOnViaPopupFirefox(session, page.url());
  await page.reload();
  await waitInOverlayFirefox(page, (root) => root?.querySelector('[data-rule]'));
  await page.close();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await ehr?.close();
  await attacker?.close();
});

/**
 * Opens the attacker's page at `origin` framing the coder's note, and returns what the attacker collected and
 * what the worker holds for the tab, once the worker has heard from the note's frame and set it aside.
 */
async function frameTheNote(origin: string) {
  const note = `${ehr.origin}/fixtures/two-frame/note.html`;
  const page = await session.browser.newPage();
  await page.goto(`${origin}/attack/port-trick.html?frame=${encodeURIComponent(note)}`);
  const tabId = await tabIdOfFirefox(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
  const frame = await settled(() => page.waitForFrame((candidate) => candidate.url() === note));
  await waitForFunctionIn(frame, () => document.readyState === 'complete', { timeout: 15_000 });
  // The note's script runs (its site is on) and reports; the worker sets the frame aside because the page
  // around it is not on, and says so. That is the state to wait for, not a time; a worker that took the note
  // in instead (as builds before the fix did, whose reports have no ignoredFrames) ends the wait too.
  const report = await reportWhere(
    ask,
    tabId,
    (shown) =>
      shown.noteCount > 0 ||
      (shown as Partial<typeof shown>).ignoredFrames?.some(
        (ignored) => ignored.origin === ehr.origin && ignored.reason === 'top-origin-off',
      ) === true,
  );
  // What the overlay would have drawn is drawn by now: the worker pushes a report as soon as it has one.
  await waitInOverlayFirefox(page, (root) => !root || !root.textContent?.includes('Reading'), {
    timeout: 5_000,
  });
  const stolen = await page.evaluate(() => (window as unknown as { __stolen: string[] }).__stolen.join('\n'));
  const hosts = await inOverlayFirefox(page, (_root, roots) => roots.length);
  const pageSees = await page.evaluate(() => document.querySelectorAll('gaitguard-overlay').length);
  await page.close();
  return { report, stolen, hosts, pageSees };
}

describe('cross-origin read in Firefox', () => {
  it('the port trick: a page on another port of the EHR’s host sees no GaitGuard and gets no report', async () => {
    const seen = await frameTheNote(attacker.origin);
    // The framed note says "Gait training (97116): 24 min"; none of it may reach this page.
    expect(seen.stolen).not.toMatch(/24 min|heel-toe|Natarajan|97116/);
    // Firefox registers GaitGuard's script by host, so it may start in this page: it leaves no trace.
    expect(seen.pageSees).toBe(0);
    expect(seen.hosts).toBe(0);
    expect(seen.report.noteCount, describeReport(seen.report)).toBe(0);
    expect(seen.report.findings).toEqual([]);
  });

  it('another site (localhost) framing the note is set aside the same way', async () => {
    const seen = await frameTheNote(`http://localhost:${attacker.port}`);
    expect(seen.stolen).not.toMatch(/24 min|heel-toe|Natarajan|97116/);
    expect(seen.pageSees).toBe(0);
    expect(seen.report.noteCount, describeReport(seen.report)).toBe(0);
    expect(seen.report.findings).toEqual([]);
  });
});

describe('page reads the overlay in Firefox: a script of the EHR page itself', () => {
  it('sees a closed root, captures none, and reads none of the findings', async () => {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(PAGE_READER_SCRIPT);
    await page.goto(`${ehr.origin}/demo/daily-note.html`);
    await waitInOverlayFirefox(page, (root) => root?.querySelector('[data-rule]'));
    // Open the list and reveal a quote, so that everything the overlay can show is in its root.
    await clickInOverlayFirefox(page, '.gg-pill');
    await clickInOverlayFirefox(page, '.gg-evidence');
    const ours = await inOverlayFirefox(page, (root) =>
      [...(root?.querySelectorAll('.gg-message, .gg-fix') ?? [])]
        .map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter((text) => text.length > 12),
    );
    expect(ours.length).toBeGreaterThan(0);
    // The collector has run since the list opened (it runs every 100 ms).
    const mark = await page.evaluate(() => (window as unknown as { __stolen: unknown[] }).__stolen.length);
    await waitForFunctionIn(
      page,
      (before) => (window as unknown as { __stolen: unknown[] }).__stolen.length > before + 2,
      { timeout: 5_000 },
      mark,
    );
    const seen = await page.evaluate(() => {
      const scope = window as unknown as { __stolen: string[]; __captured: ShadowRoot[] };
      return {
        stolen: scope.__stolen.join('\n').replace(/\s+/g, ' '),
        captured: scope.__captured.filter((root) => root.host.localName === 'gaitguard-overlay').length,
        open: [...document.querySelectorAll('gaitguard-overlay')].filter((host) => host.shadowRoot).length,
      };
    });
    expect(ours.filter((text) => seen.stolen.includes(text))).toEqual([]);
    // The script did look: it found GaitGuard's host and its root closed.
    expect(seen.stolen).toContain('<closed>');
    expect(seen.captured).toBe(0);
    expect(seen.open).toBe(0);
    await page.close();
  });
});

describe('detect and kill in Firefox: forged lifecycle events', () => {
  it('neither stops the script nor drops the report, and the coder’s next edit is checked', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${ehr.origin}/demo/daily-note.html`);
    const tabId = await tabIdOfFirefox(extensionPage, page.url());
    await reportWhere(ask, tabId, (report) => rulesOf(report).includes('gp-modifier-missing'));
    await page.evaluate(() => {
      document.dispatchEvent(new CustomEvent('gaitguard:replaced'));
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    // The coder adds the modifier: the script is alive if the report follows, with the note still read.
    await page.click('input[name="mod_1"]');
    await page.keyboard.type('GP');
    const after = await reportWhere(
      ask,
      tabId,
      (report) => !rulesOf(report).includes('gp-modifier-missing') && report.noteCount === 1,
    );
    expect(after.findings.length).toBeGreaterThan(0);
    // And the overlay in the page shows the new report.
    await waitInOverlayFirefox(
      page,
      (root) =>
        root?.querySelector('[data-rule]') && !root.querySelector('[data-rule="gp-modifier-missing"]'),
      { timeout: 10_000 },
    );
    await page.close();
  });
});
