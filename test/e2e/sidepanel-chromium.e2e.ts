/**
 * The side panel in Chromium. A headless browser cannot click the toolbar to open the real side panel, so the
 * panel's page is opened as an extension page for the tab (the same document the side panel loads); it
 * follows tab switches the same way. Checks: findings with their charge line's on-screen name, the day's
 * units table and the recommended claim for the 6-units-for-47-minutes demo, following a tab switch,
 * acknowledge and undo (count and list), the therapist query, and axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  tabIdOf,
  turnOnViaPopup,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';
import { runAxe, seriousOrCritical } from './harness/axe';
import { ROOT } from './harness/paths';

let server: Awaited<ReturnType<typeof startServer>>;
let session: ChromiumSession;
let wholeDay: Page;
let daily: Page;
let panel: Page;
const shots = resolve(ROOT, 'artifacts');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  session = await launchChromium();
  wholeDay = await session.context.newPage();
  await wholeDay.goto(`${server.origin}/demo/whole-day.html`);
  await turnOnViaPopup(session, wholeDay.url());
  await wholeDay.reload();
  await waitForOverlayFindings(wholeDay, { atLeast: 1 });
  daily = await session.context.newPage();
  await daily.goto(`${server.origin}/demo/daily-note.html`);
  await waitForOverlayFindings(daily, { atLeast: 1 });
  panel = await session.context.newPage();
  await panel.goto(
    `chrome-extension://${session.extensionId}/src/ui/sidepanel/index.html?forUrl=${encodeURIComponent(wholeDay.url())}`,
  );
  await panel.locator('[data-rule]').first().waitFor();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('side panel', () => {
  it('names each finding’s charge line by position and table', async () => {
    const evidence = await panel.locator('[data-rule="units-exceed-minutes"] .gg-evidence').allTextContents();
    expect(evidence.join(' | ')).toContain('line 1 of Visit charges: 97116 × 4 GP');
  });

  it('shows the whole day’s answer: the units table and the claim before and after', async () => {
    await panel.getByRole('tab', { name: /Units & claim/ }).click();
    const rows = await panel.locator('[data-testid="units-table"] tbody tr').allTextContents();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(['971162524+2', '9711022*12+1']);
    const claim = await panel.locator('[data-testid="claim-table"] tbody tr').allTextContents();
    expect(claim).toEqual([
      expect.stringMatching(/line 1 of Visit charges97116× 4 GP× 2 GP/),
      expect.stringMatching(/line 2 of Visit charges97110× 2 GP× 1 GP/),
    ]);
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.screenshot({ path: resolve(shots, 'sidepanel-units.png') });
    expect(seriousOrCritical(await runAxe(panel))).toEqual([]);
  });

  it('acknowledges a finding with a reason, shrinks the count, and undoes it', async () => {
    await panel.getByRole('tab', { name: /Findings/ }).click();
    const before = await panel.locator('.gg-finding[data-open]').count();
    const tab = panel.getByRole('tab', { name: /Findings/ });
    await expect.poll(() => tab.textContent()).toBe(`Findings (${before})`);
    const first = panel.locator('.gg-finding[data-open]').first();
    await first.getByRole('button', { name: 'Mark reviewed…' }).click();
    await first.getByLabel('Reason').selectOption('payer');
    await first.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect.poll(() => panel.locator('.gg-finding[data-open]').count()).toBe(before - 1);
    await expect.poll(() => tab.textContent()).toBe(`Findings (${before - 1})`);
    // The toolbar badge counts open findings; the shared store holds a rule, an ordinal and a reason code.
    const tabId = await tabIdOf(panel, wholeDay.url());
    const badge = () => panel.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe(before - 1 > 0 ? String(before - 1) : '');
    const stored = JSON.stringify(await panel.evaluate(() => chrome.storage.session.get(null)));
    expect(stored).toMatch(/"acks:\d+":\{"[a-z-]+#0":"payer"\}/);
    expect(stored).not.toMatch(/FWW|Okonkwo|40718|25 min|Ambulated/);
    expect(await panel.locator('.gg-acked').first().textContent()).toContain('Payer allows');
    expect(seriousOrCritical(await runAxe(panel))).toEqual([]);
    await panel.locator('.gg-reviewed summary').click();
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel.locator('.gg-finding[data-open]').count()).toBe(before);
    await expect.poll(badge).toBe(String(before));
  });

  it('side by side with the EHR page (README screenshot)', async () => {
    await wholeDay.setViewportSize({ width: 880, height: 700 });
    await panel.setViewportSize({ width: 400, height: 700 });
    const ehr = await wholeDay.screenshot();
    const side = await panel.screenshot();
    const sheet = await session.context.newPage();
    await sheet.setViewportSize({ width: 1284, height: 700 });
    await sheet.setContent(
      `<body style="margin:0;display:flex;gap:4px;background:#888"><img src="data:image/png;base64,${ehr.toString('base64')}"><img src="data:image/png;base64,${side.toString('base64')}"></body>`,
    );
    await sheet.screenshot({ path: resolve(shots, 'sidepanel-beside-ehr.png') });
    await sheet.close();
    await wholeDay.setViewportSize({ width: 1280, height: 800 });
  });

  it('follows a switch to another tab (the daily note)', async () => {
    await panel.screenshot({ path: resolve(shots, 'sidepanel.png') });
    await daily.bringToFront();
    await panel.locator('[data-rule="repetitive-walking"]').first().waitFor({ timeout: 15_000 });
  });
  it('keyboard: ArrowDown lands on a finding and moves on, announced', async () => {
    await panel.locator('h1').click();
    await panel.keyboard.press('ArrowDown');
    const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-key') ?? '');
    const first = await focused();
    expect(first).toMatch(/#\d+$/);
    await panel.keyboard.press('ArrowDown');
    expect(await focused()).not.toBe(first);
    expect(await panel.locator('[role="status"]').allTextContents()).toContainEqual(
      expect.stringMatching(/^Finding 2 of \d+: /),
    );
  });

  it('offers a therapist query with the date of service and no coder-side edit', async () => {
    await panel.getByRole('tab', { name: 'Query' }).click();
    await panel.locator('[data-testid="query-text"]').waitFor();
    const text = (await panel.locator('[data-testid="query-text"]').textContent()) ?? '';
    expect(text).toContain('Date of service: 2025-03-14');
    expect(text).toContain('The note reads: "Pt ambulated 300 ft x 3 in hallway with RW for endurance."');
    // The query's own words never raise billing; the note's words it quotes may name the code.
    const ownWords = text
      .split('\n')
      .filter((line) => !line.trim().startsWith('The note reads:'))
      .join('\n');
    expect(ownWords).not.toMatch(/\b(units?|bill\w*|GP|MUE|NCCI|97116)\b/);
    await panel.screenshot({ path: resolve(shots, 'sidepanel-query.png') });
    expect(seriousOrCritical(await runAxe(panel))).toEqual([]);
  });

  it('follows the switch back', async () => {
    await panel.getByRole('tab', { name: /Findings/ }).click();
    await wholeDay.bringToFront();
    await panel.locator('[data-rule="repetitive-walking"]').waitFor({ state: 'detached', timeout: 15_000 });
    await panel.locator('[data-rule="units-exceed-minutes"]').waitFor();
  });
});
