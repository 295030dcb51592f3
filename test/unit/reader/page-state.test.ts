import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { watchPage } from '../../../src/reader/watch';
import type { FrameSnapshot } from '../../../src/reader/snapshot';
import { loadPage } from './helpers';

describe('page with hidden stale notes', () => {
  const snapshot = readFrame(
    loadPage('hidden-stale-note.html', 'https://cascade.example.org/note').window.document,
  );

  it('reads only the current note', () => {
    expect(snapshot.notes.map((note) => [note.source.label, note.text])).toEqual([
      ["Today's note", 'Gait training (97116): 22 min. Cues for stride length with FWW; min A on ramp.'],
    ]);
  });

  it('ignores stale text hidden by class, [hidden], aria-hidden, visibility, off-screen, <details>, collapse and inert', () => {
    const everything = JSON.stringify(snapshot);
    for (let i = 1; i <= 8; i++) expect(everything).not.toContain(`STALE-${i}`);
  });

  it('reads only the visible charge row of the visible table', () => {
    expect(snapshot.charges.map(({ code, units }) => [code, units])).toEqual([['97116', 2]]);
    expect(snapshot.warnings).toEqual([]);
  });
});

describe('time in / time out selects', () => {
  const snapshot = readFrame(loadPage('time-in-out.html', 'https://hh.example.org/visit/5').window.document);

  it('turns hour/minute/AM-PM selects and time inputs into a note line the engine parses', () => {
    const time = snapshot.notes.find((note) => note.source.label === 'Time in/out');
    expect(time?.text).toBe('Time in 13:05 / Time out 14:02\nTime in 16:30 / Time out 17:05');
    expect(time?.source.selector).toBe('select[name="time_in_hour"]');
  });

  it('keeps the narrative, the visit date and a Medicare Advantage payer without a CMS hint', () => {
    expect(snapshot.notes.map((note) => note.source.label)).toEqual([
      'Skilled intervention narrative',
      'Time in/out',
    ]);
    expect(snapshot.dateOfService).toBe('2024-07-02');
    expect(snapshot.payerName).toBe('Medicare Advantage (Humana Gold)');
    expect(snapshot.payerMethodHint).toBeUndefined();
  });

  it('leaves out a pair whose time out is not chosen yet', () => {
    const dom = loadPage('time-in-out.html', 'https://hh.example.org/visit/5');
    const hour = dom.window.document.querySelector('select[name="time_out_hour"]') as HTMLSelectElement;
    hour.value = '';
    const time = readFrame(dom.window.document).notes.find((note) => note.source.label === 'Time in/out');
    expect(time?.text).toBe('Time in 16:30 / Time out 17:05');
  });
});

describe('single-page EHR that swaps encounters', () => {
  it('reads the encounter on screen, then the next one after a swap without a page load', () => {
    const dom = loadPage('spa-swap.html', 'https://stride.example.org/app', { runScripts: 'dangerously' });
    const doc = dom.window.document;
    const first = readFrame(doc);
    expect(first.notes.map((note) => note.text)).toEqual([
      'Gait training (97116): 23 min. Heel-strike cues with SPC, level surfaces.',
    ]);
    expect(first.charges.map(({ code, units }) => [code, units])).toEqual([['97116', 2]]);
    expect(first.charges[0]!.source.label).toBe('Charges');
    expect(first.dateOfService).toBe('2024-05-20');

    (doc.querySelector('button[data-enc="B"]') as HTMLButtonElement).click();
    const second = readFrame(doc);
    expect(second.url).toBe('https://stride.example.org/app#/encounter/B');
    expect(second.notes.map((note) => note.text)).toEqual([
      'Gait training (97116): 8 min. Ambulated 300 ft x 3 in hallway for endurance.',
    ]);
    expect(second.charges.map(({ code, units }) => [code, units])).toEqual([
      ['97116', 1],
      ['97110', 2],
    ]);
    expect(second.dateOfService).toBe('2024-05-22');
    // Same place on the page, so the same ids: the diff shows changed content, not new fields.
    expect(second.notes[0]!.id).toBe(first.notes[0]!.id);
  });

  it('withdraws the old encounter at once, then reports the swapped one', async () => {
    const dom = loadPage('spa-swap.html', 'https://stride.example.org/app', { runScripts: 'dangerously' });
    const doc = dom.window.document;
    const seen: FrameSnapshot[] = [];
    const controller = new AbortController();
    watchPage(doc, (snapshot) => seen.push(snapshot), { signal: controller.signal, debounceMs: 20 });
    (dom.window as unknown as { showEncounter(id: string): void }).showEncounter('B');
    await new Promise((resolve) => dom.window.setTimeout(resolve, 80));
    // The new URL withdraws what the old view showed at once (an empty snapshot), then the settled view.
    expect(seen.map((snapshot) => snapshot.dateOfService)).toEqual(['2024-05-20', undefined, '2024-05-22']);
    expect([seen[1]?.notes.length, seen[1]?.charges.length]).toEqual([0, 0]);
    controller.abort();
  });
});
