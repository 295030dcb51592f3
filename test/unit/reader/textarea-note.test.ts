import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { FrameSnapshotSchema } from '../../../src/reader/snapshot';
import { loadPage, chargeSummary } from './helpers';

describe('textarea note with a simple charge table', () => {
  const url = 'https://rehab.example.org/notes/edit?visit=90211';
  const snapshot = readFrame(loadPage('textarea-note.html', url).window.document);

  it('produces a snapshot the worker accepts', () => {
    expect(FrameSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.url).toBe(url);
    expect(snapshot.title).toBe('Daily Treatment Note - Outpatient Rehab');
  });

  it('reads the visible textarea by its value, with its label and line breaks', () => {
    expect(snapshot.notes).toHaveLength(1);
    const note = snapshot.notes[0]!;
    expect(note.source.label).toBe('Treatment Note');
    expect(note.source.selector).toBe('#note-body');
    expect(note.source.url).toBe(url);
    expect(note.source.frameId).toBeUndefined();
    expect(note.text.split('\n')).toHaveLength(5);
    expect(note.text).toContain('Gait training (97116): 23 min');
  });

  it('ignores the empty addendum and the collapsed previous note', () => {
    const all = snapshot.notes.map((note) => note.text).join('\n');
    expect(all).not.toContain('Old visit text');
    expect(snapshot.notes.some((note) => note.source.label === 'Addendum')).toBe(false);
  });

  it('reads charge lines by header, with minutes, and no zip code or MRN', () => {
    expect(chargeSummary(snapshot)).toEqual([
      { code: '97116', units: 2, modifiers: ['GP'], minutes: 23, status: 'unbilled' },
      { code: '97110', units: 1, modifiers: ['GP'], minutes: 15, status: 'unbilled' },
    ]);
    expect(snapshot.charges[0]!.source.label).toBe('Charges');
  });

  it('reads the date of service, payer and provider role from the visit facts', () => {
    expect(snapshot.dateOfService).toBe('2024-05-14');
    expect(snapshot.payerName).toBe('Medicare Part B');
    expect(snapshot.payerMethodHint).toBe('cms');
    expect(snapshot.furnishedBy).toEqual(['PT']);
  });

  it('gives the same ids when the same DOM is read again', () => {
    const again = readFrame(loadPage('textarea-note.html', url).window.document);
    expect(again.notes.map((note) => note.id)).toEqual(snapshot.notes.map((note) => note.id));
    expect(again.charges.map((line) => line.id)).toEqual(snapshot.charges.map((line) => line.id));
    expect(new Set(snapshot.charges.map((line) => line.id)).size).toBe(2);
  });
});
