import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { readFrame, readFrameTree } from '../../../src/reader/frame-reader';
import { mergeFrames } from '../../../src/reader/merge';
import { EncounterSchema } from '../../../src/engine/model';
import { PAGES_DIR, loadPage } from './helpers';

const payer = { name: 'Medicare', method: 'cms' as const, medicare: true };

async function loadTree(relative: string): Promise<JSDOM> {
  const dom = await JSDOM.fromFile(join(PAGES_DIR, relative), { resources: 'usable' });
  await new Promise((resolve) => {
    if (dom.window.document.readyState === 'complete') resolve(undefined);
    else dom.window.addEventListener('load', resolve);
  });
  return dom;
}

describe('note iframe + fee-sheet iframe', () => {
  const base = 'https://care.example.org/enc/';

  it('reads nothing from child frames in the top frame, but lists the cross-origin widget', () => {
    const top = readFrame(loadPage('two-frame/top.html', `${base}top.html`).window.document);
    expect(top.notes).toEqual([]);
    expect(top.charges).toEqual([]);
    expect(top.foreignFrameOrigins).toEqual(['https://partner-widgets.example.com']);
  });

  it('reads the note frame (report view) and the fee frame (status column) on their own', () => {
    const note = readFrame(loadPage('two-frame/note.html', `${base}note.html`).window.document);
    expect(note.notes).toHaveLength(1);
    expect(note.notes[0]!.source.label).toBe('Visit note');
    expect(note.notes[0]!.text).toContain('Gait training (97116): 24 min.');
    expect(note.dateOfService).toBe('2024-06-04');
    expect(note.furnishedBy).toEqual(['PT']);
    const fees = readFrame(loadPage('two-frame/fees.html', `${base}fees.html`).window.document);
    expect(fees.charges.map(({ code, units, status }) => [code, units, status])).toEqual([
      ['97116', 2, 'unbilled'],
      ['97112', 1, 'billed'],
      ['97140', 1, 'deleted'],
    ]);
    expect(fees.notes).toEqual([]);
  });

  it('reads the whole tree from files and merges it into one encounter', async () => {
    const dom = await loadTree('two-frame/top.html');
    const snapshots = readFrameTree(dom.window.document);
    expect(snapshots.map((snapshot) => snapshot.url.split('/').pop())).toEqual([
      'top.html',
      'note.html',
      'fees.html',
    ]);
    const encounter = mergeFrames(
      snapshots.map((snapshot, frameId) => ({ frameId, snapshot })),
      payer,
    );
    expect(EncounterSchema.safeParse(encounter).success).toBe(true);
    expect(encounter.notes.map((note) => note.source.frameId)).toEqual([1]);
    expect(encounter.charges.map((line) => [line.code, line.source.frameId])).toEqual([
      ['97116', 2],
      ['97112', 2],
      ['97140', 2],
    ]);
    expect(encounter.dateOfService).toBe('2024-06-04');
    dom.window.close();
  });
});

describe('nested iframes (OpenEMR tab frame holding SOAP and fee sheet frames)', () => {
  it('descends two levels and reads each frame once', async () => {
    const dom = await loadTree('nested-frames/main.html');
    const snapshots = readFrameTree(dom.window.document);
    expect(snapshots.map((snapshot) => snapshot.url.split('/').pop())).toEqual([
      'main.html',
      'calendar.html',
      'encounter.html',
      'soap.html',
      'fee-sheet.html',
    ]);
    const [main, calendar, encounter, soap, fees] = snapshots;
    expect(
      [main, calendar, encounter].every(
        (snapshot) => snapshot!.notes.length === 0 && snapshot!.charges.length === 0,
      ),
    ).toBe(true);
    expect(soap!.notes.map((note) => note.source.label)).toEqual([
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
    ]);
    expect(fees!.charges.map(({ code, units, modifiers }) => ({ code, units, modifiers }))).toEqual([
      { code: '97116', units: 2, modifiers: ['GP'] },
    ]);
    dom.window.close();
  });
});

describe('a note frame from another origin', () => {
  it('lists the frame origin set by the page script, and reads only the page own charge table', () => {
    const dom = loadPage(
      'cross-origin-frame.html',
      'https://care.example.org/enc?frame=https%3A%2F%2Fnotes.partner.example%3A8443%2Fnote.html',
      { runScripts: 'dangerously' },
    );
    const snapshot = readFrame(dom.window.document);
    expect(snapshot.foreignFrameOrigins).toEqual(['https://notes.partner.example:8443']);
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP']],
    ]);
    dom.window.close();
  });
});
