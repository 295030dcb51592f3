/**
 * The main reader page fixtures in real Firefox ESR with GaitGuard loaded: what the content scripts of all
 * frames read, as the worker merged it, through the popup's `get-tab-state` reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchFirefox,
  openExtensionPage,
  tabIdOfFirefox,
  type FirefoxSession,
  workerAsker,
  waitForFunctionIn,
} from './harness/firefox';
import { quotesOf, reportWhere, rulesOf, waitUntilForgotten, type TabReport } from './harness/tab-report';

/** A quote of `kind` that holds `text`: the engine quotes a whole sentence or clause around the minutes. */
function quoteOf(kind: 'note' | 'charge', text: string): RegExp {
  return new RegExp(`^${kind}:.*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's');
}

let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let page: Page;
let extensionPage: Page;
let tabId: number;

const ask = workerAsker(() => extensionPage);

const until = (accept: (report: TabReport) => boolean): Promise<TabReport> => reportWhere(ask, tabId, accept);

async function openFixture(path: string): Promise<void> {
  await page.goto('about:blank');
  await waitUntilForgotten(ask, tabId);
  await page.goto(`${server.origin}/fixtures/${path}`, { waitUntil: 'domcontentloaded' });
}

/** What a popup opened for the test tab shows, once it shows `needle`. */
async function popupShows(needle: string): Promise<string> {
  const popup = await openExtensionPage(
    session,
    `src/ui/popup/index.html?forUrl=${encodeURIComponent(page.url())}`,
  );
  try {
    await waitForFunctionIn(
      popup,
      (wanted: string) => document.body.innerText.replace(/\s+/g, ' ').includes(wanted),
      { timeout: 20_000 },
      needle,
    );
    return (await popup.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
  } finally {
    await popup.close();
  }
}

async function appendHtml(html: string): Promise<void> {
  await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), html);
}

beforeAll(async () => {
  server = await startServer();
  session = await launchFirefox();
  page = await session.browser.newPage();
  await page.goto(`${server.origin}/fixtures/textarea-note.html`);
  const popup = await openExtensionPage(
    session,
    `src/ui/popup/index.html?forUrl=${encodeURIComponent(page.url())}`,
  );
  await popup.waitForSelector('::-p-text(Turn on for this site)');
  await popup.click('::-p-text(Turn on for this site)');
  await waitForFunctionIn(
    popup,
    () => document.querySelector('[data-testid="site-state"]')?.textContent === 'On',
    { timeout: 15_000 },
  );
  extensionPage = popup;
  tabId = await tabIdOfFirefox(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('never a false all-clear in Firefox', () => {
  it('a fee sheet with no note: the popup names the missing note, never "No problems"', async () => {
    await openFixture('fee-sheet-no-note.html');
    const report = await until((r) => r.chargeCount === 2 && r.read !== undefined);
    expect(report.read?.missing).toEqual(['note']);
    const popup = await popupShows('Not checked: no note found');
    expect(popup).toContain('No note found on this page: open the note, or pick the note field.');
    expect(popup).toContain('Charge: 97110, no units shown (1 assumed)');
    expect(popup).not.toMatch(/No problems|supported by the note/);
  });

  it('a note with no charge line: the popup names the missing 97116 line', async () => {
    await openFixture('note-no-charge.html');
    const report = await until((r) => r.noteCount === 1 && r.read !== undefined);
    expect(report.read?.missing).toEqual(['gait-line']);
    expect(report.read?.payer).toMatchObject({ pageName: 'Aetna Choice POS II', method: 'per-code' });
    const popup = await popupShows('Not checked: no 97116 line found');
    expect(popup).toContain('No 97116 charge line found');
    expect(popup).not.toMatch(/No problems|supported by the note/);
  });
});

describe('what the coder sees, wherever it is, in Firefox', () => {
  it('tabbed encounter: the note tab hidden at load is read once a data attribute shows it', async () => {
    await openFixture('tabbed-encounter.html');
    await until((r) => r.chargeCount === 2 && r.read !== undefined);
    await page.click('#tab-note');
    const after = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(quotesOf(after)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 12 min')));
  });

  it('a report of separate SOAP blocks is one note: the assessment plateau reaches the engine', async () => {
    await openFixture('report-sections.html');
    const report = await until((r) => rulesOf(r).includes('no-improvement-expected'));
    expect(report.noteCount).toBe(1);
  });

  it('one encounter across views; the next patient drops it at once', async () => {
    await openFixture('spa-encounter-views.html');
    await until((r) => r.noteCount === 1 && r.read !== undefined);
    await page.click('nav [data-view="billing"]');
    const billing = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(billing.read?.notes.map((note) => note.offScreen)).toEqual([true]);
    await page.click('#next-patient');
    const next = await until((r) => r.read?.encounterChanged === true && r.chargeCount === 1);
    expect(next.read?.missing).toEqual(['note']);
    expect(next.findings).toEqual([]);
  });
});

describe('reader fixtures in Firefox', () => {
  it('textarea note: reads the note and charge table; an edit flips the units check', async () => {
    // The tab has shown other fixtures since it was opened on this one.
    await openFixture('textarea-note.html');
    const clean = await until((report) => report.noteCount === 1 && report.chargeCount === 2);
    expect(rulesOf(clean)).toEqual([]);
    await page.$eval('#note-body', (node) => {
      const note = node as HTMLTextAreaElement;
      note.value = note.value.replace('(97116): 23 min', '(97116): 7 min');
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const edited = await until((report) => rulesOf(report).includes('units-exceed-minutes'));
    expect(quotesOf(edited)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 7 min')));
    expect(quotesOf(edited)).toContainEqual(
      expect.stringMatching(quoteOf('charge', '97116 × 2 GP (23 min)')),
    );
    expect(quotesOf(edited).join(' ')).not.toContain('38 min');
  });

  it('hidden stale notes: only the current note and the visible charge row are read', async () => {
    await openFixture('hidden-stale-note.html');
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect([report.noteCount, report.chargeCount]).toEqual([1, 1]);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 22 min')));
    expect(quotesOf(report).join(' ')).not.toMatch(/\b(53|45|38|30|60|15) min|× [34]\b|STALE/);
  });

  it('time in / time out: becomes minutes the engine counts', async () => {
    await openFixture('time-in-out.html');
    await until((r) => r.noteCount === 2 && r.chargeCount === 0);
    await appendHtml(
      '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>8</td></tr></table>',
    );
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(report.findings.find((f) => f.rule === 'units-exceed-minutes')?.message).toContain(
      'the minutes support 4',
    );
    expect(quotesOf(report)).toContainEqual(
      expect.stringMatching(quoteOf('note', 'Time in 13:05 / Time out 14:02')),
    );
  });

  // The fixture writes the editor again when Firefox replaces the frame's first about:blank document (see
  // iframe-editor.html); before it did, the note had gone from the page itself in Firefox.
  it('iframe editors: reads the TinyMCE frame written by script and the srcdoc frame', async () => {
    await openFixture('iframe-editor.html');
    await until((r) => r.noteCount === 2 && r.chargeCount === 0);
    await appendHtml(
      '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>4</td></tr></table>',
    );
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 30 min')));
    // The editor frames are read by the parent; Firefox's about:blank frame must not report them again.
    expect(report.noteCount).toBe(2);
  });

  // In Firefox the old document's nodes become dead wrappers to the content script once the frame has a new
  // one; the page watch threw on them at every later read and kept reporting the old note ("30 min").
  it('iframe editors: follows the editor frame to the new document it gets when the editor restarts', async () => {
    await openFixture('iframe-editor.html');
    await until((r) => r.noteCount === 2);
    await appendHtml(
      '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>4</td></tr></table>',
    );
    await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    // The EHR restarts the editor on the next note: a fresh about:blank document, written once it loads.
    await page.evaluate(() => {
      const frame = document.getElementById('treatment_note_ifr') as HTMLIFrameElement;
      frame.addEventListener(
        'load',
        () => {
          const body = frame.contentDocument!.body;
          body.setAttribute('contenteditable', 'true');
          body.innerHTML =
            '<p>Gait training (97116): 38 min.</p>' +
            '<p>Gait on stairs and curbs with SPC; VC for step-to pattern, CGA fading to SBA.</p>';
        },
        { once: true },
      );
      frame.src = 'about:blank';
    });
    // 38 minutes support 3 of the 4 units: the finding stays, quoting the new note.
    const report = await until((r) => quotesOf(r).some((quote) => quote.includes('97116): 38 min')));
    expect(quotesOf(report).join(' ')).not.toContain('30 min');
    expect(report.noteCount).toBe(2);
  });

  // The same class by another road: the EHR sends the goals editor frame to the visit note's own page
  // through its location, so its srcdoc attribute stays and the frame's load is the only sign in the parent.
  // The page there is the child frame's to report; the parent must neither keep the goals nor read it too.
  it('iframe editors: a srcdoc frame sent to a page of its own is read there, once', async () => {
    await openFixture('iframe-editor.html');
    await until((r) => r.noteCount === 2);
    await page.evaluate(() => {
      const frame = document.getElementById('goals_ifr') as HTMLIFrameElement;
      frame.contentWindow!.location.replace('/fixtures/two-frame/note.html');
    });
    const labels = (r: TabReport): string[] => (r.read?.notes ?? []).map((note) => note.label).sort();
    const report = await until((r) => labels(r).includes('Visit note') && !labels(r).includes('Goals'));
    expect(labels(report)).toEqual(['Treatment note', 'Visit note']);
    expect(report.read?.notes.find((note) => note.label === 'Visit note')?.frameId).not.toBe(0);
  });

  it("shadow components: reads open shadow roots, never the overlay's own content", async () => {
    await openFixture('shadow-components.html');
    const report = await until((r) => r.noteCount === 1 && r.chargeCount === 1 && r.findings.length > 0);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP:CQ')));
    expect(quotesOf(report).join(' ')).not.toMatch(/60 min|× 4/);
  });

  it('OpenEMR fee sheet: a line deleted in the page is dropped', async () => {
    await openFixture('openemr-fee-sheet.html');
    const report = await until((r) => r.chargeCount === 3 && rulesOf(r).includes('cq-modifier-missing'));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 3 GP:59')));
    await page.click('input[name="bill[2][del]"]');
    const deleted = await until((r) => r.chargeCount === 2);
    expect(quotesOf(deleted).join(' ')).not.toContain('97116');
  });

  it('SPA swap: the findings follow the encounter shown without a page load', async () => {
    await openFixture('spa-swap.html');
    const first = await until((r) => r.chargeCount === 1 && r.findings.length > 0);
    expect(rulesOf(first)).toEqual(['documentation-incomplete']);
    await page.click('button[data-enc="B"]');
    const second = await until((r) => r.chargeCount === 2 && rulesOf(r).includes('repetitive-walking'));
    expect(quotesOf(second)).toContainEqual(
      expect.stringMatching(quoteOf('note', 'Ambulated 300 ft x 3 in hallway for endurance.')),
    );
    expect(quotesOf(second)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 1 GP')));
  });

  it('note frame + fee frame: merged, with the unreachable widget listed as foreign', async () => {
    await openFixture('two-frame/top.html');
    // Child frames can report before the top frame, whose snapshot names the foreign frame: wait for all.
    const report = await until(
      (r) => r.noteCount === 1 && r.chargeCount === 2 && r.findings.length > 0 && r.foreignOrigins.length > 0,
    );
    expect(report.foreignOrigins).toEqual(['https://partner-widgets.example.com']);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
  });

  it('nested frames: the SOAP and fee sheet frames two levels down are merged', async () => {
    await openFixture('nested-frames/main.html');
    const report = await until(
      (r) => r.noteCount === 4 && r.chargeCount === 1 && rulesOf(r).includes('units-exceed-minutes'),
    );
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 18 min')));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
  });
});
