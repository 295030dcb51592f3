import { describe, expect, it } from 'vitest';
import {
  cachedReport,
  dropFrame,
  dropFrameOrigin,
  ignoreFrame,
  knowsTab,
  pageSafeReport,
  putFrame,
  reportFor,
  storeStats,
} from '../../../src/background/tab-reports';
import { applyPolicy } from '../../../src/shared/policy';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { FRAMES_PER_TAB, SNAPSHOT_CHAR_CAP, TAB_CHAR_CAP } from '../../../src/shared/limits';
import type { FrameSnapshot } from '../../../src/reader/snapshot';

const EMR = 'https://emr.example.org';
const FEES = 'https://fees.example.org:8443';

const snapshot = (url: string, text?: string): FrameSnapshot => ({
  url,
  notes: text === undefined ? [] : [{ id: 'n1', text, source: { selector: '#note' } }],
  charges: [],
  foreignFrameOrigins: [],
  warnings: [],
});

const settings = () =>
  applyPolicy(
    {
      ...structuredClone(DEFAULT_SETTINGS),
      sites: {
        [EMR]: { origin: EMR, state: 'on', method: 'cms', medicare: true },
        [FEES]: { origin: FEES, state: 'on', method: 'cms', medicare: true },
      },
    },
    undefined,
  );

const NOTE = 'Gait training 97116: 23 min. Pt ambulated 150 ft with rolling walker, cues for step length.';

describe('the tab picture in the worker', () => {
  it('ends when the top frame leaves', () => {
    putFrame(1, 0, EMR, EMR, snapshot(`${EMR}/enc`));
    putFrame(1, 4, EMR, EMR, snapshot(`${EMR}/fees`));
    dropFrame(1, 0);
    expect(knowsTab(1)).toBe(false);
  });

  it('is not kept alive by a child frame whose last snapshot landed after the top frame left', () => {
    putFrame(2, 0, EMR, EMR, snapshot(`${EMR}/enc`));
    dropFrame(2, 0);
    putFrame(2, 7, EMR, EMR, snapshot(`${EMR}/fees`));
    dropFrame(2, 7);
    expect(knowsTab(2)).toBe(false);
  });

  it('keeps the tab while other frames remain', () => {
    putFrame(3, 0, EMR, EMR, snapshot(`${EMR}/enc`));
    putFrame(3, 5, EMR, EMR, snapshot(`${EMR}/fees`));
    dropFrame(3, 5);
    expect(knowsTab(3)).toBe(true);
  });
});

describe('the report store', () => {
  it('analyses once per change, however often the report is asked for', () => {
    const current = settings();
    putFrame(10, 0, EMR, EMR, snapshot(`${EMR}/enc`, NOTE));
    const before = storeStats.analyses;
    const first = reportFor(10, current, undefined);
    for (let ask = 0; ask < 5; ask += 1) expect(reportFor(10, current, undefined)).toBe(first);
    expect(storeStats.analyses - before).toBe(1);
    putFrame(10, 0, EMR, EMR, snapshot(`${EMR}/enc`, `${NOTE} Pt tolerated well.`));
    const second = reportFor(10, current, undefined);
    expect(second).not.toBe(first);
    expect(second?.revision).toBe((first?.revision ?? 0) + 1);
    expect(storeStats.analyses - before).toBe(2);
    // New settings (another object) make the cached report out of date.
    reportFor(10, settings(), undefined);
    expect(storeStats.analyses - before).toBe(3);
    expect(cachedReport(10)).toBeDefined();
  });

  it('cuts a snapshot beyond the per-snapshot cap and says so in the report', () => {
    const huge = 'a'.repeat(SNAPSHOT_CHAR_CAP + 10);
    putFrame(11, 0, EMR, EMR, snapshot(`${EMR}/enc`, huge));
    const report = reportFor(11, settings(), undefined);
    expect(report?.cuts).toContainEqual({
      what: 'snapshot-chars',
      origin: EMR,
      kept: SNAPSHOT_CHAR_CAP,
      total: SNAPSHOT_CHAR_CAP + 10,
    });
  });

  it('cuts what a tab holds across its frames at the per-tab cap', () => {
    const big = 'b'.repeat(SNAPSHOT_CHAR_CAP);
    for (let frameId = 0; frameId * SNAPSHOT_CHAR_CAP <= TAB_CHAR_CAP; frameId += 1) {
      putFrame(12, frameId, EMR, EMR, snapshot(`${EMR}/f${frameId}`, big));
    }
    const report = reportFor(12, settings(), undefined);
    expect(report?.cuts.some((cut) => cut.what === 'tab-chars' && cut.kept === 0)).toBe(true);
  });

  it('takes on no more frames than the cap and reports the rest as cut and ignored', () => {
    for (let frameId = 0; frameId < FRAMES_PER_TAB + 3; frameId += 1) {
      putFrame(13, frameId, EMR, EMR, snapshot(`${EMR}/f${frameId}`));
    }
    const report = reportFor(13, settings(), undefined);
    expect(report?.ignoredFrames.filter((frame) => frame.reason === 'too-many-frames')).toHaveLength(3);
    expect(report?.cuts).toContainEqual({
      what: 'frames',
      origin: EMR,
      kept: FRAMES_PER_TAB,
      total: FRAMES_PER_TAB + 3,
    });
  });

  it('does not analyse a tab again for a frame that re-sends what it showed', () => {
    const current = settings();
    putFrame(18, 0, EMR, EMR, snapshot(`${EMR}/enc`, NOTE));
    reportFor(18, current, undefined);
    const before = { ...storeStats };
    // The same content in a new message (another object, as every message is).
    expect(putFrame(18, 0, EMR, EMR, structuredClone(snapshot(`${EMR}/enc`, NOTE)))).toEqual({
      accepted: true,
      changed: false,
    });
    reportFor(18, current, undefined);
    expect(storeStats).toEqual(before);
    expect(putFrame(18, 0, EMR, EMR, snapshot(`${EMR}/enc`, `${NOTE} Pt tolerated well.`)).changed).toBe(
      true,
    );
  });

  it('does not analyse a tab again for new text of a frame past its character cap, only for kept text', () => {
    const current = settings();
    const big = (frame: number, tick: number) =>
      `Visit ${tick}: gait training 97116, ${tick} min, frame ${frame}. `.padEnd(SNAPSHOT_CHAR_CAP, '.');
    const frames = Math.ceil(TAB_CHAR_CAP / SNAPSHOT_CHAR_CAP) + 2;
    for (let frameId = 0; frameId < frames; frameId += 1) {
      putFrame(19, frameId, EMR, EMR, snapshot(`${EMR}/f${frameId}`, big(frameId, 1)));
    }
    reportFor(19, current, undefined);
    const analyses = storeStats.analyses;
    // The last frame's room is gone: its new minutes are cut away with the rest of its note.
    expect(putFrame(19, frames - 1, EMR, EMR, snapshot(`${EMR}/f${frames - 1}`, big(frames - 1, 2)))).toEqual(
      { accepted: true, changed: false },
    );
    reportFor(19, current, undefined);
    expect(storeStats.analyses).toBe(analyses);
    expect(putFrame(19, 0, EMR, EMR, snapshot(`${EMR}/f0`, big(0, 2))).changed).toBe(true);
    reportFor(19, current, undefined);
    expect(storeStats.analyses).toBe(analyses + 1);
  });

  it('changes nothing when a frame past the frames cap sends again', () => {
    for (let frameId = 0; frameId < FRAMES_PER_TAB; frameId += 1) {
      putFrame(20, frameId, EMR, EMR, snapshot(`${EMR}/f${frameId}`));
    }
    const extra = () => putFrame(20, FRAMES_PER_TAB, EMR, EMR, snapshot(`${EMR}/extra`, NOTE));
    expect(extra()).toEqual({ accepted: false, reason: 'too-many-frames', changed: true });
    expect(extra()).toEqual({ accepted: false, reason: 'too-many-frames', changed: false });
  });

  it('drops every frame of a site turned off, in every tab, and keeps the rest', () => {
    putFrame(14, 0, EMR, EMR, snapshot(`${EMR}/enc`));
    putFrame(14, 3, EMR, FEES, snapshot(`${FEES}/fees`, NOTE));
    putFrame(15, 0, FEES, FEES, snapshot(`${FEES}/other`));
    expect(dropFrameOrigin(FEES).sort()).toEqual([14, 15]);
    expect(knowsTab(15)).toBe(false);
    expect(reportFor(14, settings(), undefined)?.noteCount).toBe(0);
  });

  it('lists an ignored frame with its reason', () => {
    putFrame(16, 0, EMR, EMR, snapshot(`${EMR}/enc`));
    ignoreFrame(16, 2, EMR, 'http://127.0.0.1:9999', 'frame-origin-off');
    expect(reportFor(16, settings(), undefined)?.ignoredFrames).toEqual([
      { origin: 'http://127.0.0.1:9999', reason: 'frame-origin-off' },
    ]);
  });

  it("keeps text read in another site's frame out of the copy that enters the page", () => {
    putFrame(17, 0, EMR, EMR, {
      ...snapshot(`${EMR}/enc`),
      charges: [
        {
          id: 'c1',
          code: '97116',
          units: 3,
          modifiers: ['GP'],
          status: 'unbilled',
          source: { selector: '#c1' },
        },
      ],
    });
    putFrame(17, 3, EMR, FEES, snapshot(`${FEES}/note`, NOTE));
    const report = reportFor(17, settings(), undefined)!;
    expect(report.findings.some((finding) => finding.evidence.length > 0)).toBe(true);
    const safe = pageSafeReport(17, report);
    expect(safe.detailsInPopup).toBe(true);
    expect(JSON.stringify(safe)).not.toContain('150 ft');
    expect(JSON.stringify(safe)).not.toContain('23 min');
    expect(safe.findings.map((finding) => finding.rule)).toEqual(
      report.findings.map((finding) => finding.rule),
    );
  });
});

describe('one encounter across views, in the worker', () => {
  const route = (id: string, view: string) => `${EMR}/app#/encounters/${id}/${view}`;
  const billing = (url: string): FrameSnapshot => ({
    ...snapshot(url),
    charges: [
      {
        id: 'c1',
        code: '97116',
        units: 3,
        modifiers: ['GP'],
        status: 'unbilled',
        source: { selector: 'tr' },
      },
    ],
  });

  it('names the encounter from the address when the page shows no number, and lends only within it', () => {
    const current = settings();
    putFrame(40, 0, EMR, EMR, snapshot(route('5501', 'note'), NOTE));
    const noteView = reportFor(40, current, undefined);
    expect(noteView?.read).toMatchObject({
      encounterId: '5501',
      encounterFrom: 'address',
      missing: ['gait-line'],
    });
    putFrame(40, 0, EMR, EMR, billing(route('5501', 'billing')));
    const sameEncounter = reportFor(40, current, undefined);
    expect(sameEncounter?.read?.notes.map((note) => note.offScreen)).toEqual([true]);
    putFrame(40, 0, EMR, EMR, billing(route('5502', 'billing')));
    const next = reportFor(40, current, undefined);
    expect(next?.read).toMatchObject({ encounterId: '5502', encounterChanged: true, missing: ['note'] });
    expect(next?.read?.notes).toEqual([]);
    expect(next?.findings).toEqual([]);
  });

  it('prefers the number the page shows over the address', () => {
    putFrame(41, 0, EMR, EMR, { ...snapshot(route('5601', 'note'), NOTE), encounterId: 'ACC-88' });
    expect(reportFor(41, settings(), undefined)?.read).toMatchObject({
      encounterId: 'ACC-88',
      encounterFrom: 'page',
    });
  });
});
