/**
 * The in-page pill in Chromium, by geometry: on every demo page at 1280×800 and 1024×640 it overlaps no
 * form control (in the top document and in same-origin frames) and never the focused field, even when the
 * field the coder focuses is where the pill was. The keyboard path: Alt+Shift+F from a field lands on the
 * first finding, arrows move, Enter shows the evidence, Escape returns to the field. axe-core on the pill.
 * A pick shows what it picked: a wrong field at once, then the right one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  clickInOverlay,
  inOverlay,
  launchChromium,
  overlayShows,
  turnOnViaPopup,
  waitForOverlayFindings,
  waitInOverlay,
  type ChromiumSession,
} from './harness/chromium';
import { runAxeOnOverlay, seriousOrCritical } from './harness/axe';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let page: Page;

const PAGES = ['daily-note.html', 'whole-day.html', 'clean-note.html', 'openemr/encounter.html'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  name: string;
}

/** The pill's box and every visible control's box, in top-viewport pixels (same-origin frames included). */
function geometry(target: Page) {
  return inOverlay(target, (root) => {
    const pill = root?.querySelector('.gg-pill');
    const box = pill?.getBoundingClientRect();
    const controls: { left: number; top: number; right: number; bottom: number; name: string }[] = [];
    let focused = '';
    const walk = (doc: Document, dx: number, dy: number) => {
      for (const el of doc.querySelectorAll('input:not([type="hidden"]),select,textarea,button')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const name = `${el.tagName.toLowerCase()}[name=${el.getAttribute('name') ?? el.id}]`;
        controls.push({
          left: r.left + dx,
          top: r.top + dy,
          right: r.right + dx,
          bottom: r.bottom + dy,
          name,
        });
        if (doc.activeElement === el) focused = name;
      }
      for (const frame of doc.querySelectorAll('iframe')) {
        const r = frame.getBoundingClientRect();
        if (frame.contentDocument)
          walk(frame.contentDocument, dx + r.left + frame.clientLeft, dy + r.top + frame.clientTop);
      }
    };
    walk(document, 0, 0);
    return {
      pill: box
        ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom, name: 'pill' }
        : undefined,
      controls,
      focused,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

async function pillSettled(target: Page): Promise<void> {
  await waitInOverlay(target, (root) => root?.querySelector('.gg-pill'));
  // Placement happens one animation frame after a change; two frames later it has settled.
  await target.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/daily-note.html`);
  await turnOnViaPopup(session, page.url());
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the pill covers no form control', () => {
  const results: string[] = [];
  afterAll(() => {
    // The closing note quotes these lines.
    console.log(`pill overlap results:\n${results.join('\n')}`);
  });

  for (const path of PAGES) {
    for (const viewport of VIEWPORTS) {
      it(`${path} at ${viewport.width}×${viewport.height}`, async () => {
        await page.setViewportSize(viewport);
        await page.goto(`${server.origin}/demo/${path}`);
        await waitForOverlayFindings(page, { atLeast: 0 });
        await pillSettled(page);
        const shown = await geometry(page);
        expect(shown.pill).toBeDefined();
        const pill = shown.pill!;
        expect(pill.left).toBeGreaterThanOrEqual(0);
        expect(pill.bottom).toBeLessThanOrEqual(shown.viewport.height);
        const hit = shown.controls.filter((control) => overlaps(pill, control)).map((c) => c.name);
        expect(hit).toEqual([]);
        results.push(
          `${path} ${viewport.width}x${viewport.height}: pill at ${Math.round(pill.left)},${Math.round(pill.top)}; ${shown.controls.length} controls, 0 overlapped`,
        );
      });
    }
  }

  it('moves off a field the page grows under it, and never sits on the focused field', async () => {
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto(`${server.origin}/demo/whole-day.html`);
    await waitForOverlayFindings(page, { atLeast: 1 });
    await pillSettled(page);
    const before = (await geometry(page)).pill!;
    // A field of the page's own appears exactly where the pill is, and the coder focuses it.
    await page.evaluate((at) => {
      const field = document.createElement('input');
      field.name = 'late-field';
      field.style.cssText = `position:fixed;left:${at.left}px;top:${at.top}px;width:${at.right - at.left}px;height:${at.bottom - at.top}px`;
      document.body.append(field);
      field.focus();
    }, before);
    await pillSettled(page);
    const after = await geometry(page);
    expect(after.focused).toBe('input[name=late-field]');
    expect(after.controls.filter((control) => overlaps(after.pill!, control)).map((c) => c.name)).toEqual([]);
  });
});

describe('keyboard path', () => {
  it('page → first finding → next → evidence → back to the field', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/demo/daily-note.html`);
    await waitForOverlayFindings(page, { atLeast: 2 });
    await pillSettled(page);
    await page.locator('input[name="units_1"]').focus();
    await page.keyboard.press('Alt+Shift+F');
    const active = () =>
      inOverlay(page, (root) => {
        const el = root?.activeElement ?? document.activeElement;
        return el?.getAttribute('data-key') ?? el?.getAttribute('name') ?? el?.tagName ?? '';
      });
    await expect.poll(active).toMatch(/^[a-z-]+#0$/);
    const first = await active();
    await page.keyboard.press('ArrowDown');
    await expect.poll(active).not.toBe(first);
    const status = await inOverlay(page, (root) =>
      [...(root?.querySelectorAll('[role="status"]') ?? [])].map((node) => node.textContent).join(' | '),
    );
    expect(status).toMatch(/Finding 2 of \d+: /);
    const axe = await runAxeOnOverlay(page);
    expect(axe.checked).toBeGreaterThan(0);
    expect(seriousOrCritical(axe.violations)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(active).toBe('units_1');
    await expect.poll(() => overlayShows(page, '.gg-panel')).toBe(false);
  });
});

describe('a pick shows what it picked', () => {
  /** The coder's path: open the pill, "Wrong field?", "Pick note", then a real click on the page. */
  async function pickNote(target: Page, field: string): Promise<string> {
    await waitInOverlay(target, (root) => root?.querySelector('.gg-footer'));
    if (!(await overlayShows(target, '.gg-panel'))) await clickInOverlay(target, '.gg-pill');
    await clickInOverlay(target, '.gg-footer > .gg-link');
    await clickInOverlay(target, '.gg-pick > .gg-link');
    await waitInOverlay(target, (root) => root?.querySelector('.gg-picking'));
    await target.locator(field).click();
    await waitInOverlay(target, (root) => !root?.querySelector('.gg-picking'));
    await waitInOverlay(target, (root) => root?.querySelector('.gg-picked'));
    await expect.poll(() => overlayShows(target, '.gg-picked')).toBe(true);
    return inOverlay(target, (root) => root?.querySelector('.gg-picked')?.textContent ?? '');
  }

  afterAll(async () => {
    // Later files start from a site without picks; the options page's Clear sends the same message.
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    await extensionPage.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: 'clear-picks', origin, kind: 'note' }),
      server.origin,
    );
    await extensionPage.close();
  });

  it('names a wrong field at once, and then the note field with its first words', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/demo/daily-note.html`);
    await waitForOverlayFindings(page, { atLeast: 1 });
    // The wrong pick: the units box of the fee sheet.
    const wrong = await pickNote(page, 'input[name="units_1"]');
    expect(wrong).toContain('Picked as the note: input “units_1”, 1 character: “3”');
    expect(wrong).toMatch(/Saved for this site as .*units_1.*, [\d,]+ px from the top of the page/);
    // Seen, and put right: the treatment note, by its label, length and first words.
    const right = await pickNote(page, 'textarea[name="daily_note"]');
    const length = await page
      .locator('textarea[name="daily_note"]')
      .evaluate((field: HTMLTextAreaElement) => field.value.replace(/\s+/g, ' ').trim().length);
    expect(right).toContain(
      `Picked as the note: textarea “Treatment note”, ${length.toLocaleString('en-US')} characters: “S: Pt reports L knee stiffness after TKA…”`,
    );
    expect(right).toMatch(/Saved for this site as [^,]*(#note|daily_note)/);
    // The pick is read: the note's findings come back.
    await waitForOverlayFindings(page, { atLeast: 1 });
  });
});
