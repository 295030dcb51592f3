/**
 * A real EHR user interface that nobody on the project wrote: Medplum's own React components
 * (@medplum/react on Mantine, data from @medplum/mock's MockClient) rendering our own encounters, built at
 * setup by test/e2e/medplum-app/build.ts and loaded in Chromium with the GaitGuard test build. As in
 * Medplum's provider app, the note ("Note & Tasks") and the charge items ("Details & Billing") are two views
 * of one encounter and never on screen together; GaitGuard keeps the note read on the first view for the
 * encounter in the route and judges the charges of the second against it.
 *
 * What Medplum renders, and GaitGuard must read: the CPT code only as a pill in a disabled PillsInput (no
 * input element; its label's `for` points at nothing), modifiers as removable pills beside an empty search
 * box, the units in a QuantityInput's number field, and the note in an autosized textarea under a heading and
 * with no label. The visit's check in / check out (datetime-local inputs) bound the whole visit, not the gait
 * training, and are not taken as its minutes.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  tabIdOf,
  turnOnViaPopup,
  type ChromiumSession,
  workerAsker,
} from './harness/chromium';
import { quotesOf, reportWhere, rulesOf, waitUntilForgotten, type TabReport } from './harness/tab-report';
import { buildMedplumApp } from './medplum-app/build';
import { ENCOUNTERS, type DemoEncounter } from './medplum-app/encounters';

let appDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;
let extensionPage: Page;
let tabId: number;

const ask = workerAsker(() => extensionPage);

const until = (accept: (report: TabReport) => boolean): Promise<TabReport> => reportWhere(ask, tabId, accept);

/** What a popup opened for the test tab shows, once it shows `needle`. */
async function popupShowing(needle: string): Promise<string> {
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

function encounter(id: string): DemoEncounter {
  const found = ENCOUNTERS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no encounter ${id}`);
  return found;
}

function chartUrl(which: DemoEncounter, query = ''): string {
  return `${server.origin}/medplum/index.html${query}#/Patient/${which.patient.id}/Encounter/${which.id}/chart`;
}

/**
 * Opens an encounter's chart with a page load, waits until its note (the first view) was read, then switches
 * to "Details & Billing" and returns the report once the charge line was read with the note kept.
 */
async function chartThenBilling(
  which: DemoEncounter,
  accept: (report: TabReport) => boolean,
  query = '',
): Promise<TabReport> {
  await page.goto('about:blank');
  await waitUntilForgotten(ask, tabId);
  await page.goto(chartUrl(which, query));
  await page.getByText('Fill chart note').waitFor();
  // The note read on screen (a note lent from memory, read on an earlier visit of this encounter in the
  // tab's life, can come first); a line, if any, can only come from memory: the note view shows none.
  const noteView = await until(
    (r) => r.read?.encounterId === which.id && r.read.notes.some((note) => !note.offScreen),
  );
  expect(noteView.noteCount).toBe(1);
  expect(noteView.read?.charges.every((line) => line.offScreen)).toBe(true);
  await page.getByText('Details & Billing').click();
  await page.getByText('Charge Items').waitFor();
  return until(
    (r) =>
      r.read?.encounterId === which.id &&
      (r.read.charges.some((line) => !line.offScreen) ?? false) &&
      r.read.notes.every((note) => note.offScreen) &&
      accept(r),
  );
}

beforeAll(async () => {
  const started = Date.now();
  appDir = await buildMedplumApp();
  console.log(`Medplum encounter app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  server = await startServer(0, { '/medplum/': appDir });
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(chartUrl(ENCOUNTERS[0]!));
  await turnOnViaPopup(session, page.url());
  extensionPage = await openPopupFor(session, page.url());
  tabId = await tabIdOf(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('Medplum encounters (Medplum React components, our notes and ChargeItems)', () => {
  it('clean: 24 minutes, 2 units with GP, skilled cues: no findings, and said why', async () => {
    const report = await chartThenBilling(encounter('enc-20451'), (r) => r.noteCount === 1);
    expect(rulesOf(report)).toEqual([]);
    expect(report.read?.missing ?? []).toEqual([]);
    expect(report.read?.notes.map((note) => note.offScreen)).toEqual([true]);
    expect(report.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 2, modifiers: ['GP'] }),
    ]);
  });

  it('over-billed: 18 minutes billed as 3 units', async () => {
    const report = await chartThenBilling(encounter('enc-20452'), (r) =>
      rulesOf(r).includes('units-exceed-minutes'),
    );
    const units = report.findings.find((finding) => finding.rule === 'units-exceed-minutes')!;
    expect(units.message).toContain('the minutes support 1');
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^charge:97116 × 3 GP/));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*97116\): 18 min/));
  });

  it('repetitive walking with a plateau: laps for endurance, "plateaued", "no further improvement expected"', async () => {
    const report = await chartThenBilling(
      encounter('enc-20453'),
      (r) => rulesOf(r).includes('repetitive-walking') && rulesOf(r).includes('no-improvement-expected'),
    );
    expect(rulesOf(report)).not.toContain('units-exceed-minutes');
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*laps around the nursing unit/));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*plateaued/));
  });

  it('PTA furnished, line without GP and CQ: both modifiers named', async () => {
    const report = await chartThenBilling(
      encounter('enc-20454'),
      (r) => rulesOf(r).includes('gp-modifier-missing') && rulesOf(r).includes('cq-modifier-missing'),
    );
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*PTA/));
    expect(report.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 2, modifiers: [] }),
    ]);
  });

  it('a CPT pill that shows a display text, not the code: no 97116 line is named, never an all-clear', async () => {
    const which = encounter('enc-20455');
    await page.goto('about:blank');
    await waitUntilForgotten(ask, tabId);
    await page.goto(chartUrl(which));
    await until((r) => r.noteCount === 1 && r.read?.encounterId === which.id);
    await page.getByText('Details & Billing').click();
    await page.getByText('Charge Items').waitFor();
    await page.getByText('Gait training', { exact: true }).waitFor();
    // The billing view read (its Modifiers and Quantity are there) without a code: still no 97116 line.
    const report = await until(
      (r) => r.read?.encounterId === which.id && r.read.notes[0]?.offScreen === true,
    );
    expect(report.chargeCount).toBe(0);
    expect(report.read?.missing).toEqual(['gait-line']);
    expect(report.findings).toEqual([]);
    const popup = await popupShowing('Not checked: no 97116 line found');
    expect(popup).not.toMatch(/No problems|supported by the note/);
  });
});

describe("the provider app's charge card as it is: no units on screen", () => {
  it('the over-billed line with its units unseen: named as 1 assumed, never counted silently', async () => {
    const report = await chartThenBilling(
      encounter('enc-20452'),
      (r) => r.read?.charges.some((line) => !line.offScreen && line.unitsAssumed === true) ?? false,
      '?card=provider',
    );
    expect(report.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 1, unitsAssumed: true, modifiers: ['GP'] }),
    ]);
    // 1 assumed unit fits 18 minutes: the over-billing cannot be seen, and the popup says why.
    expect(rulesOf(report)).not.toContain('units-exceed-minutes');
    const popup = await popupShowing('no units shown (1 assumed)');
    expect(popup).toContain('Charge: 97116');
  });
});

describe('one Medplum session, several encounters', () => {
  it('the route changes encounter: the old findings go at once and the new chart is judged alone', async () => {
    const over = encounter('enc-20452');
    await chartThenBilling(over, (r) => rulesOf(r).includes('units-exceed-minutes'));
    // The provider app moves between encounters by its route, without a page load.
    const clean = encounter('enc-20451');
    await page.evaluate(
      ([patientId, encounterId]) => {
        window.location.hash = `#/Patient/${patientId}/Encounter/${encounterId}/chart`;
      },
      [clean.patient.id, clean.id] as const,
    );
    await page.getByText('Lorraine Whitcomb').waitFor();
    const changed = await until((r) => r.read?.encounterId === clean.id && r.noteCount === 1);
    expect(changed.read?.encounterChanged).toBe(true);
    expect(changed.chargeCount).toBe(0);
    expect(changed.findings).toEqual([]);
    expect(quotesOf(changed).join(' ')).not.toContain('18 min');
    await page.getByText('Details & Billing').click();
    const judged = await until((r) => r.read?.encounterId === clean.id && r.chargeCount === 1);
    expect(rulesOf(judged)).toEqual([]);
    expect(judged.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 2, modifiers: ['GP'] }),
    ]);
    const popup = await popupShowing('Encounter: enc-20451');
    expect(popup).not.toContain('Not checked');
  });

  it('a modifier removed in the Modifiers field is read at once: GP missing on the clean line', async () => {
    const clean = encounter('enc-20451');
    await chartThenBilling(clean, (r) => r.noteCount === 1 && rulesOf(r).length === 0);
    // The pill's remove button, as a coder would click it.
    await page.locator('.mantine-Pill-root', { hasText: 'GP' }).locator('button').click();
    const report = await until((r) => rulesOf(r).includes('gp-modifier-missing'));
    expect(report.read?.charges).toEqual([expect.objectContaining({ code: '97116', modifiers: [] })]);
  });
});
