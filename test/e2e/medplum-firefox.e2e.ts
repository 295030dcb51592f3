/**
 * The Medplum encounters of medplum-chromium.e2e.ts in Firefox ESR: Medplum's own React components rendering
 * our encounters (built at setup by test/e2e/medplum-app/build.ts), with the note on "Note & Tasks" and the
 * charge items on "Details & Billing", never on screen together. The main four: clean, over-billed,
 * repetitive walking with a plateau, and a PTA line without GP and CQ; and the route moving to another
 * encounter without a page load.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchFirefox,
  tabIdOfFirefox,
  turnOnViaPopupFirefox,
  type FirefoxSession,
  waitForFunctionIn,
  workerAsker,
} from './harness/firefox';
import { quotesOf, reportWhere, rulesOf, waitUntilForgotten, type TabReport } from './harness/tab-report';
import { buildMedplumApp } from './medplum-app/build';
import { ENCOUNTERS, type DemoEncounter } from './medplum-app/encounters';

let appDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let session: FirefoxSession;
let page: Page;
let extensionPage: Page;
let tabId: number;

const ask = workerAsker(() => extensionPage);

const until = (accept: (report: TabReport) => boolean): Promise<TabReport> => reportWhere(ask, tabId, accept);

function encounter(id: string): DemoEncounter {
  const found = ENCOUNTERS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no encounter ${id}`);
  return found;
}

function chartUrl(which: DemoEncounter): string {
  return `${server.origin}/medplum/index.html#/Patient/${which.patient.id}/Encounter/${which.id}/chart`;
}

/** Waits until the page shows `text` (Medplum renders after its mock client answers). */
function pageShows(text: string): Promise<void> {
  return waitForFunctionIn(
    page,
    (wanted: string) => document.body.innerText.includes(wanted),
    { timeout: 30_000 },
    text,
  );
}

/** Clicks the tab labelled `label`, as a coder would. */
async function openTab(label: string): Promise<void> {
  await page.click(`::-p-text(${label})`);
}

/**
 * Opens an encounter's chart with a page load, waits until its note (the first view) was read, then switches
 * to "Details & Billing" and returns the report once the charge line was read with the note kept.
 */
async function chartThenBilling(
  which: DemoEncounter,
  accept: (report: TabReport) => boolean,
): Promise<TabReport> {
  await page.goto('about:blank');
  await waitUntilForgotten(ask, tabId);
  await page.goto(chartUrl(which), { waitUntil: 'domcontentloaded' });
  await pageShows('Fill chart note');
  const noteView = await until(
    (r) => r.read?.encounterId === which.id && r.read.notes.some((note) => !note.offScreen),
  );
  expect(noteView.noteCount).toBe(1);
  await openTab('Details & Billing');
  await pageShows('Charge Items');
  return until(
    (r) =>
      r.read?.encounterId === which.id &&
      (r.read.charges.some((line) => !line.offScreen) ?? false) &&
      r.read.notes.every((note) => note.offScreen) &&
      accept(r),
  );
}

beforeAll(async () => {
  appDir = await buildMedplumApp();
  server = await startServer(0, { '/medplum/': appDir });
  session = await launchFirefox();
  page = await session.browser.newPage();
  await page.goto(chartUrl(ENCOUNTERS[0]!), { waitUntil: 'domcontentloaded' });
  extensionPage = await turnOnViaPopupFirefox(session, page.url());
  tabId = await tabIdOfFirefox(extensionPage, page.url());
  expect(tabId).toBeGreaterThan(0);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('Medplum encounters in Firefox', () => {
  it('clean: 24 minutes, 2 units with GP, skilled cues: no findings, and said why', async () => {
    const report = await chartThenBilling(encounter('enc-20451'), (r) => r.noteCount === 1);
    expect(rulesOf(report)).toEqual([]);
    expect(report.read?.missing ?? []).toEqual([]);
    expect(report.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 2, modifiers: ['GP'] }),
    ]);
  });

  it('over-billed: 18 minutes billed as 3 units', async () => {
    const report = await chartThenBilling(encounter('enc-20452'), (r) =>
      rulesOf(r).includes('units-exceed-minutes'),
    );
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^charge:97116 × 3 GP/));
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*97116\): 18 min/));
  });

  it('repetitive walking with a plateau: laps for endurance, "plateaued", "no further improvement expected"', async () => {
    const report = await chartThenBilling(
      encounter('enc-20453'),
      (r) => rulesOf(r).includes('repetitive-walking') && rulesOf(r).includes('no-improvement-expected'),
    );
    expect(rulesOf(report)).not.toContain('units-exceed-minutes');
    expect(quotesOf(report)).toContainEqual(expect.stringMatching(/^note:.*plateaued/));
  });

  it('PTA furnished, line without GP and CQ: both modifiers named', async () => {
    const report = await chartThenBilling(
      encounter('enc-20454'),
      (r) => rulesOf(r).includes('gp-modifier-missing') && rulesOf(r).includes('cq-modifier-missing'),
    );
    expect(report.read?.charges).toEqual([
      expect.objectContaining({ code: '97116', units: 2, modifiers: [] }),
    ]);
  });

  it('the route changes encounter: the old findings go at once and the new chart is judged alone', async () => {
    await chartThenBilling(encounter('enc-20452'), (r) => rulesOf(r).includes('units-exceed-minutes'));
    const clean = encounter('enc-20451');
    await page.evaluate(
      (patientId: string, encounterId: string) => {
        window.location.hash = `#/Patient/${patientId}/Encounter/${encounterId}/chart`;
      },
      clean.patient.id,
      clean.id,
    );
    await pageShows('Lorraine Whitcomb');
    const changed = await until((r) => r.read?.encounterId === clean.id && r.noteCount === 1);
    expect(changed.read?.encounterChanged).toBe(true);
    expect(changed.chargeCount).toBe(0);
    expect(quotesOf(changed).join(' ')).not.toContain('18 min');
    await openTab('Details & Billing');
    const judged = await until((r) => r.read?.encounterId === clean.id && r.chargeCount === 1);
    expect(rulesOf(judged)).toEqual([]);
  });
});
