/**
 * Every reader page fixture in real Chromium with GaitGuard loaded: what the content scripts of all frames
 * read, as the worker merged it. Assertions go through the popup's `get-tab-state` reply: note and charge
 * counts, and the findings' evidence quotes, which show which note text and which charge line were read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
  tabIdOf,
  workerAsker,
} from './harness/chromium';
import { quotesOf, reportWhere, rulesOf, waitUntilForgotten, type TabReport } from './harness/tab-report';

/** A quote of `kind` that holds `text`: the engine quotes a whole sentence or clause around the minutes. */
function quoteOf(kind: 'note' | 'charge', text: string): RegExp {
  return new RegExp(`^${kind}:.*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's');
}

let server: Awaited<ReturnType<typeof startServer>>;
let foreignServer: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
let extensionPage: Page;
let tabId: number;

const ask = workerAsker(() => extensionPage);

/** Leaves the current page (so its report is dropped) and opens a fixture in the same tab. */
async function openFixture(path: string): Promise<void> {
  await page.goto('about:blank');
  await waitUntilForgotten(ask, tabId);
  // Not 'load': the two-frame fixture holds a frame on an unreachable host.
  await page.goto(`${server.origin}/fixtures/${path}`, { waitUntil: 'domcontentloaded' });
}

/**
 * The overlay's text read over CDP with closed shadow roots pierced: the overlay's shadow root need not be open
 * to the page for a test to see what the coder sees.
 */
async function overlayShows(): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = { nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const textOf = (node: DomNode): string =>
      node.nodeName === 'STYLE'
        ? ''
        : `${node.nodeName === '#text' ? (node.nodeValue ?? '') : ''}${[...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ')}`;
    const findHost = (node: DomNode): DomNode | undefined =>
      node.nodeName === 'GAITGUARD-OVERLAY'
        ? node
        : [...(node.children ?? [])].map(findHost).find((found) => found !== undefined);
    const host = findHost(root);
    return host ? textOf(host).replace(/\s+/g, ' ').trim() : '';
  } finally {
    await cdp.detach();
  }
}

async function waitForOverlayText(accept: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 20_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await overlayShows();
    if (accept(text)) return text;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`The overlay never showed the expected text; last: ${text}`);
}

/** What a popup opened for the test tab shows, once it shows `needle`. */
async function waitForPopupText(needle: string): Promise<string> {
  // A popup opened for the page now on screen, as a coder would open it.
  const popup = await openPopupFor(session, page.url());
  const shown = async () => (await popup.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
  try {
    await popup.waitForFunction(
      (wanted) => document.body.innerText.replace(/\s+/g, ' ').includes(wanted),
      needle,
      { timeout: 20_000 },
    );
    return await shown();
  } catch (error) {
    throw new Error(`The popup never showed "${needle}"; it shows: ${await shown()}`, { cause: error });
  } finally {
    await popup.close();
  }
}

const until = (accept: (report: TabReport) => boolean): Promise<TabReport> => reportWhere(ask, tabId, accept);

beforeAll(async () => {
  server = await startServer();
  foreignServer = await startServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`${server.origin}/fixtures/textarea-note.html`);
  await turnOnViaPopup(session, page.url());
  extensionPage = await openPopupFor(session, page.url());
  tabId = await tabIdOf(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
});

afterAll(async () => {
  await session?.close();
  await foreignServer?.close();
  await server?.close();
});

describe('single-frame fixtures', () => {
  it('textarea note: reads the visible note and charge table, not the hidden previous note', async () => {
    // Already open from turning the site on.
    const clean = await until((report) => report.noteCount === 1 && report.chargeCount === 2);
    expect(rulesOf(clean)).toEqual([]);
    // An edit to the note flips the units check; its evidence quotes the edited note and the charge row.
    const note = page.locator('#note-body');
    await note.fill((await note.inputValue()).replace('(97116): 23 min', '(97116): 7 min'));
    const edited = await until((report) => rulesOf(report).includes('units-exceed-minutes'));
    const quotes = quotesOf(edited);
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 7 min')));
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP (23 min)')));
    expect(quotes.join(' ')).not.toContain('38 min');
  });

  it('hidden stale notes: only the current note and the visible charge row are read', async () => {
    await openFixture('hidden-stale-note.html');
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(report.noteCount).toBe(1);
    expect(report.chargeCount).toBe(1);
    const quotes = quotesOf(report);
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 22 min')));
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2')));
    // The stale copies document 53, 45, 38, 30, 60 and 15 minutes; the hidden rows bill 3 and 4 units.
    expect(quotes.join(' ')).not.toMatch(/\b(53|45|38|30|60|15) min|× [34]\b|STALE/);
  });

  it('time in / time out: the selects and time inputs become minutes the engine counts', async () => {
    await openFixture('time-in-out.html');
    const before = await until((r) => r.noteCount === 2);
    expect(before.chargeCount).toBe(0);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>8</td></tr></table>',
      );
    });
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    const units = report.findings.find((finding) => finding.rule === 'units-exceed-minutes')!;
    // 1:05 PM to 2:02 PM is 57 minutes: 4 units under the 8-minute rule.
    expect(units.message).toContain('the minutes support 4');
    expect(quotesOf(report)).toContainEqual(
      expect.stringMatching(quoteOf('note', 'Time in 13:05 / Time out 14:02')),
    );
  });

  it('ARIA grid: reads the cells by column index and skips the struck-out line', async () => {
    await openFixture('aria-grid.html');
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect([report.noteCount, report.chargeCount]).toEqual([1, 2]);
    const quotes = quotesOf(report);
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 3 GP (40 min)')));
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('charge', '97530 × 1 GP:59')));
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 40 min')));
    expect(quotes.join(' ')).not.toContain('97140');
  });

  it('contenteditable note: reads the editor, not the empty comment box', async () => {
    await openFixture('contenteditable-note.html');
    const report = await until((r) => r.noteCount === 1 && r.chargeCount === 1 && r.findings.length > 0);
    expect(rulesOf(report)).toEqual(['documentation-incomplete']);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP:KX')));
  });

  it('iframe editors: reads the TinyMCE frame written by script and the srcdoc frame', async () => {
    await openFixture('iframe-editor.html');
    await until((r) => r.noteCount === 2 && r.chargeCount === 0);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>4</td></tr></table>',
      );
    });
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    // The minutes are only in the editor iframe's body; the hidden draft textarea says nothing of them.
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 30 min')));
    expect(report.noteCount).toBe(2);
  });

  // A frame given a new document after it was read (Firefox turned the old nodes into dead wrappers and the
  // watch stopped): the editor restarts in a fresh about:blank document.
  it('iframe editors: follows the editor frame to the new document it gets when the editor restarts', async () => {
    await openFixture('iframe-editor.html');
    await until((r) => r.noteCount === 2);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>4</td></tr></table>',
      );
    });
    await until((r) => rulesOf(r).includes('units-exceed-minutes'));
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
    const report = await until((r) => quotesOf(r).some((quote) => quote.includes('97116): 38 min')));
    expect(quotesOf(report).join(' ')).not.toContain('30 min');
    expect(report.noteCount).toBe(2);
  });

  // The same class by location: the srcdoc attribute stays, the frame now shows a page of its own.
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

  it('Medplum: reads the labelled charge cards and the read-only note', async () => {
    await openFixture('medplum-charges.html');
    const report = await until((r) => r.noteCount === 1 && r.chargeCount === 2 && r.findings.length > 0);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP:CQ')));
    expect(rulesOf(report)).not.toContain('cq-modifier-missing');
  });

  it('OpenEMR SOAP form: one note per filled textarea', async () => {
    await openFixture('openemr-soap.html');
    const report = await until((r) => r.noteCount === 3);
    expect(report.chargeCount).toBe(0);
  });

  it('OpenEMR encounter summary: reads the visible SOAP tab and the PTA provider, not the hidden draft', async () => {
    await openFixture('openemr-encounter-summary.html');
    await until((r) => r.noteCount === 2 && r.chargeCount === 0);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>3</td></tr></table>',
      );
    });
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    const quotes = quotesOf(report);
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 23 min')));
    expect(quotes.join(' ')).not.toContain('45 min');
    // "Insurance: Blue Cross Blue Shield PPO" on the page: the per-code method, and no Medicare CQ rule.
    expect(report.read?.payer).toMatchObject({ method: 'per-code', medicare: false, basis: 'page' });
    expect(rulesOf(report)).not.toContain('cq-modifier-missing');
    // The same encounter billed to Medicare Part B: "Provider: Kim Lee, PTA" on the page makes CQ due.
    await page.evaluate(() => {
      const payer = [...document.querySelectorAll('span.text')].find((span) =>
        span.textContent?.startsWith('Insurance:'),
      );
      if (payer) payer.textContent = 'Insurance: Medicare Part B';
    });
    const medicare = await until((r) => rulesOf(r).includes('cq-modifier-missing'));
    expect(medicare.read?.payer).toMatchObject({ pageName: 'Medicare Part B', method: 'cms', basis: 'page' });
  });

  it('OpenEMR fee sheet: ignores diagnoses and deleted lines, and a line deleted in the page', async () => {
    await openFixture('openemr-fee-sheet.html');
    const report = await until((r) => r.chargeCount === 3 && rulesOf(r).includes('cq-modifier-missing'));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 3 GP:59')));
    expect(quotesOf(report).join(' ')).not.toMatch(/97530|R26/);
    await page.locator('input[name="bill[2][del]"]').check();
    const deleted = await until((r) => r.chargeCount === 2);
    expect(quotesOf(deleted).join(' ')).not.toContain('97116');
  });

  it('OpenEMR billing manager: reads the printed charge lines, not the diagnosis or the zip code', async () => {
    await openFixture('openemr-billing-manager.html');
    const lines = await until((r) => r.chargeCount === 2);
    expect([lines.noteCount, lines.findings]).toEqual([0, []]);
    // A note on the page makes the units check quote the line it read.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<label for="n">Treatment note</label><textarea id="n">Gait training (97116): 20 min, cues for step length.</textarea>',
      );
    });
    const report = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 3 GP:59')));
    expect(quotesOf(report).join(' ')).not.toMatch(/60614|R26/);
  });

  it("shadow components: reads open shadow roots and slots, never the overlay's own content", async () => {
    await openFixture('shadow-components.html');
    const report = await until((r) => r.noteCount === 1 && r.chargeCount === 1 && r.findings.length > 0);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP:CQ')));
    // The fixture's fake overlay holds a 60-minute note and a 4-unit line.
    expect(quotesOf(report).join(' ')).not.toMatch(/60 min|× 4/);
  });

  it('SPA swap: the findings follow the encounter shown without a page load', async () => {
    await openFixture('spa-swap.html');
    const first = await until((r) => r.chargeCount === 1 && r.findings.length > 0);
    expect(rulesOf(first)).toEqual(['documentation-incomplete']);
    expect(quotesOf(first)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
    await page.locator('button[data-enc="B"]').click();
    const second = await until((r) => r.chargeCount === 2 && rulesOf(r).includes('repetitive-walking'));
    expect(quotesOf(second)).toContainEqual(
      expect.stringMatching(quoteOf('note', 'Ambulated 300 ft x 3 in hallway for endurance.')),
    );
    expect(quotesOf(second)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 1 GP')));
    expect(quotesOf(second).join(' ')).not.toContain('× 2 GP');
    const shown = await waitForOverlayFindings(page, { atLeast: 2 });
    expect(shown.map((finding) => finding.rule)).toContain('repetitive-walking');
  });
});

describe('never a false all-clear', () => {
  it('a fee sheet with no note: popup and overlay name the missing note, never "No problems"', async () => {
    await openFixture('fee-sheet-no-note.html');
    const report = await until((r) => r.chargeCount === 2 && r.read !== undefined);
    expect(report.read?.missing).toEqual(['note']);
    const popup = await waitForPopupText('Not checked: no note found');
    expect(popup).toContain('No note found on this page: open the note, or pick the note field.');
    expect(popup).toContain('Charge: 97110, no units shown (1 assumed)');
    expect(popup).toContain('Method: per-code method, because the page shows payer "Commercial"');
    expect(popup).toContain('Encounter: A-7781204');
    expect(popup).not.toMatch(/No problems|supported by the note/);
    const overlay = await waitForOverlayText((text) => text.includes('Not checked: no note found'));
    expect(overlay).not.toMatch(/No problems|supported by the note/);
  });

  it('a note with no charge line: both name the missing 97116 line; the payer follows the page', async () => {
    await openFixture('note-no-charge.html');
    const report = await until((r) => r.noteCount === 1 && r.read !== undefined);
    expect(report.read?.missing).toEqual(['gait-line']);
    expect(report.method).toBe('per-code');
    const popup = await waitForPopupText('Not checked: no 97116 line found');
    expect(popup).toContain('No 97116 charge line found');
    expect(popup).toMatch(/Note: Daily treatment note, \d[\d,]* characters, frame 0/);
    expect(popup).toContain('because the page shows payer "Aetna Choice POS II"');
    expect(popup).not.toMatch(/No problems|supported by the note/);
    const overlay = await waitForOverlayText((text) => text.includes('Not checked: no 97116 line found'));
    expect(overlay).not.toMatch(/No problems|supported by the note/);
  });

  it('a payer chosen in a select: Medicare Part B on the page means the CMS method', async () => {
    await openFixture('payer-field.html');
    const report = await until((r) => r.noteCount === 1 && r.chargeCount === 2 && r.read !== undefined);
    expect(report.read?.payer).toEqual({
      pageName: 'Medicare Part B',
      method: 'cms',
      medicare: true,
      basis: 'page',
    });
    expect(report.read?.missing).toEqual([]);
    await waitForPopupText('because the page shows payer "Medicare Part B"');
  });
});

describe('content that becomes visible later', () => {
  it('tabbed encounter: the note tab hidden at load is read once a data attribute on its container shows it', async () => {
    await openFixture('tabbed-encounter.html');
    const before = await until((r) => r.chargeCount === 2 && r.read !== undefined);
    expect(quotesOf(before).join(' ')).not.toContain('12 min');
    await page.locator('#tab-note').click();
    const after = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(quotesOf(after)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 12 min')));
    expect(after.read?.notes.map((note) => note.label)).toContain('Treatment note');
    // The collapsed assessment opens through a class on its section: one more block of text is read.
    const notesBefore = after.read?.notes.length ?? 0;
    await page.locator('#assessment-section > button').click();
    await until((r) => (r.read?.notes.length ?? 0) > notesBefore);
  });

  it('an iframe in a pane hidden at load is read when a class on an ancestor shows the pane', async () => {
    await openFixture('hidden-pane-frame.html');
    const before = await until((r) => r.chargeCount === 1 && r.read !== undefined);
    expect(before.read?.missing).toEqual(['note']);
    await page.locator('#open-doc').click();
    const after = await until((r) => rulesOf(r).includes('units-exceed-minutes'));
    expect(quotesOf(after)).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 11 min')));
    expect(after.read?.notes.some((note) => note.frameId > 0)).toBe(true);
  });
});

describe('a note split into blocks', () => {
  it('a report of separate SOAP blocks is one note: the assessment plateau reaches the engine', async () => {
    await openFixture('report-sections.html');
    const report = await until((r) => rulesOf(r).includes('no-improvement-expected'));
    expect(report.noteCount).toBe(1);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('note', 'plateaued')));
    expect(report.read?.payer).toMatchObject({ pageName: 'Medicare Part B', basis: 'page' });
  });
});

describe('charge data wherever the EHR renders it', () => {
  it('a read-only details view: code pills, chips with remove buttons, units in a description list', async () => {
    await openFixture('charge-details-view.html');
    const report = await until((r) => r.chargeCount === 2 && rulesOf(r).includes('units-exceed-minutes'));
    expect(report.read?.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP']],
      ['97110', 1, ['GP']],
    ]);
    // 33 timed minutes make 2 units for the day; 97116 gets 1 of them.
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
    expect(rulesOf(report)).not.toContain('documentation-incomplete');
  });

  it('charge lines as list items with no code label; a code list without units is no claim', async () => {
    await openFixture('charge-list-items.html');
    const report = await until((r) => r.chargeCount === 2 && rulesOf(r).includes('units-exceed-minutes'));
    expect(report.read?.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 3, ['GP']],
      ['97110', 1, ['GP']],
    ]);
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 3 GP')));
  });

  it('a flowsheet note beside a one-line bill: read, and the units agree', async () => {
    await openFixture('flowsheet-note.html');
    const report = await until(
      (r) => r.noteCount === 1 && r.chargeCount === 1 && r.read?.missing.length === 0,
    );
    expect(report.read?.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP']],
    ]);
    expect(rulesOf(report)).not.toContain('units-exceed-minutes');
    expect(rulesOf(report)).not.toContain('minutes-not-documented');
  });

  it('modifiers as badges slotted into a design-system table built from shadow roots', async () => {
    await openFixture('badges-shadow.html');
    const report = await until((r) => r.chargeCount === 1 && r.noteCount === 1 && r.read !== undefined);
    expect(report.read?.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP', 'CQ']],
    ]);
    expect(rulesOf(report)).not.toContain('gp-modifier-missing');
  });
});

describe('one encounter, several views', () => {
  it('keeps the note view for the billing view of the same encounter, and drops it for the next patient', async () => {
    await openFixture('spa-encounter-views.html');
    // Each wait names the encounter it expects: a report for the page or view before is not the answer. The
    // fixture shows no encounter number, so the worker names it from the app's route in the address.
    const noteView = await until((r) => r.noteCount === 1 && r.read?.encounterId === '1001');
    expect(noteView.read?.encounterFrom).toBe('address');
    expect(noteView.read?.missing).toEqual(['gait-line']);
    await page.getByRole('button', { name: 'Billing' }).click();
    // The note view is unmounted; its note, kept for encounter 1001, is judged with the charge on screen.
    const billing = await until(
      (r) => r.read?.encounterId === '1001' && rulesOf(r).includes('units-exceed-minutes'),
    );
    expect(quotesOf(billing)).toContainEqual(expect.stringMatching(quoteOf('note', '24')));
    expect(billing.read?.notes.map((note) => note.offScreen)).toEqual([true]);
    const billingPopup = await waitForPopupText('(from a view of this encounter no longer on screen)');
    expect(billingPopup).toContain('Encounter: 1001 (from the page address)');
    await page.getByRole('button', { name: 'Next patient' }).click();
    const next = await until((r) => r.read?.encounterId === '1002' && r.chargeCount === 1);
    expect(next.read?.encounterChanged).toBe(true);
    expect(next.read?.missing).toEqual(['note']);
    expect(quotesOf(next).join(' ')).not.toContain('24 min');
    expect(next.findings).toEqual([]);
    const popup = await waitForPopupText('The encounter on screen changed');
    expect(popup).toContain('Not checked: no note found');
    expect(popup).not.toMatch(/No problems|supported by the note/);
  });
});

describe('multi-frame fixtures', () => {
  it('note frame + fee frame: merged into one check; the unreachable widget is listed as foreign', async () => {
    await openFixture('two-frame/top.html');
    // Child frames can report before the top frame, whose snapshot names the foreign frame: wait for all.
    const report = await until(
      (r) => r.noteCount === 1 && r.chargeCount === 2 && r.findings.length > 0 && r.foreignOrigins.length > 0,
    );
    expect(report.foreignOrigins).toEqual(['https://partner-widgets.example.com']);
    // The fee frame's pending 97116 line is what the findings cite; its voided 97140 line is not counted.
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
    expect(quotesOf(report).join(' ')).not.toContain('97140');
  });

  it('nested frames: the SOAP and fee sheet frames two levels down are merged', async () => {
    await openFixture('nested-frames/main.html');
    const report = await until(
      (r) => r.noteCount === 4 && r.chargeCount === 1 && rulesOf(r).includes('units-exceed-minutes'),
    );
    expect(report.foreignOrigins).toEqual([]);
    // 18 minutes in the SOAP frame support 1 unit; the fee sheet frame bills 2 with GP.
    const quotes = quotesOf(report);
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('note', '97116): 18 min')));
    expect(quotes).toContainEqual(expect.stringMatching(quoteOf('charge', '97116 × 2 GP')));
    expect(rulesOf(report)).not.toContain('gp-modifier-missing');
  });

  it('a frame from another origin is not read and is offered as a foreign origin', async () => {
    // 127.0.0.1 and localhost are different origins; only 127.0.0.1 is turned on, so no content script
    // runs in the localhost frame (the test build's localhost permission alone does not turn a site on).
    const frame = `${foreignServer.origin.replace('127.0.0.1', 'localhost')}/fixtures/two-frame/note.html`;
    await page.goto('about:blank');
    await waitUntilForgotten(ask, tabId);
    await page.goto(`${server.origin}/fixtures/cross-origin-frame.html?frame=${encodeURIComponent(frame)}`);
    const foreignOrigin = new URL(frame).origin;
    const report = await until((r) => r.chargeCount === 1 && r.foreignOrigins.includes(foreignOrigin));
    expect(report.noteCount).toBe(0);
    expect(report.foreignOrigins).toEqual([foreignOrigin]);
    // The page in that frame did load (it is the note fixture), it just is not GaitGuard's to read.
    const loaded = page.frames().find((candidate) => candidate.url() === frame);
    expect(await loaded?.locator('.note-view').count()).toBe(1);
  });
});
