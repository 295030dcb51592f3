import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { resolveSelector } from '../../../src/reader/selectors';
import { loadPage, chargeSummary } from './helpers';

describe('open shadow-DOM web components', () => {
  const dom = loadPage('shadow-components.html', 'https://lumen.example.org/visit', {
    runScripts: 'dangerously',
  });
  const doc = dom.window.document;
  const snapshot = readFrame(doc);

  it('reads the textarea inside a shadow root with a selector that crosses the boundary', () => {
    expect(snapshot.notes).toHaveLength(1);
    const note = snapshot.notes[0]!;
    expect(note.text).toBe(
      'Gait training (97116): 26 min.\nDual-task walking with head turns, SBA; cues for step width on turns.',
    );
    expect(note.source.label).toBe('Note text');
    expect(note.source.selector).toMatch(/lumen-note-panel:nth-of-type\(1\) >>> #n$/);
    expect(resolveSelector(doc, note.source.selector!)).toBe(
      doc.querySelector('lumen-note-panel')!.shadowRoot!.getElementById('n'),
    );
  });

  it('reads the ARIA table inside a shadow root, and the date from another component', () => {
    expect(snapshot.charges.map(({ code, units, modifiers }) => ({ code, units, modifiers }))).toEqual([
      { code: '97116', units: 2, modifiers: ['GP', 'CQ'] },
    ]);
    expect(resolveSelector(doc, snapshot.charges[0]!.source.selector!)?.getAttribute('role')).toBe('row');
    expect(snapshot.dateOfService).toBe('2024-07-22');
  });

  it('reads nothing from the GaitGuard overlay, even through its open shadow root', () => {
    expect(snapshot.notes.some((note) => note.text.includes('60 min'))).toBe(false);
    expect(snapshot.charges.some((line) => line.units === 4)).toBe(false);
  });
});

describe('ARIA div grid of charges with optional columns', () => {
  const snapshot = readFrame(loadPage('aria-grid.html', 'https://vista.example.org/charges').window.document);

  it('maps columns by aria-colindex and header text, including two modifier columns', () => {
    expect(chargeSummary(snapshot)).toEqual([
      { code: '97116', units: 3, modifiers: ['GP'], minutes: 40, status: 'unbilled' },
      { code: '97530', units: 1, modifiers: ['GP', '59'], minutes: undefined, status: 'unbilled' },
      { code: '97140', units: 1, modifiers: ['GP'], minutes: 8, status: 'deleted' },
    ]);
    expect(snapshot.charges[0]!.source.label).toBe('Charges');
  });

  it('reads the read-only progress note and not the MRN or zip code', () => {
    expect(snapshot.notes).toHaveLength(1);
    expect(snapshot.notes[0]!.source.label).toBe('Progress note');
    expect(snapshot.notes[0]!.text.split('\n')).toEqual([
      'Progress Note',
      'Gait training (97116): 40 min including stair training, 12 steps reciprocal with one rail.',
      'Therapeutic activity (97530): 10 min, floor transfers.',
    ]);
    expect(snapshot.charges.some((line) => line.code === '77201' || line.code === '30301')).toBe(false);
  });
});

describe('Medplum-style charge cards (labelled read-only inputs)', () => {
  const snapshot = readFrame(
    loadPage('medplum-charges.html', 'https://app.medplum.com/Encounter/e1').window.document,
  );

  it('reads one line per card by the "CPT Code", "Modifiers" and "Quantity" labels', () => {
    expect(
      snapshot.charges.map(({ code, units, modifiers, source }) => ({
        code,
        units,
        modifiers,
        label: source.label,
      })),
    ).toEqual([
      { code: '97116', units: 2, modifiers: ['GP', 'CQ'], label: 'Charge items' },
      { code: '97112', units: 1, modifiers: ['GP'], label: 'Charge items' },
    ]);
  });

  it('reads the note textarea and builds selectors without generated ids', () => {
    expect(snapshot.notes.map((note) => note.source.label)).toEqual(['Note']);
    const selectors = [...snapshot.notes, ...snapshot.charges].map((item) => item.source.selector ?? '');
    expect(selectors.every((selector) => !selector.includes('mantine-r'))).toBe(true);
  });

  it('finds the same cards by label without the adapter', () => {
    const generic = readFrame(
      loadPage('medplum-charges.html', 'https://ehr.example.org/encounter').window.document,
    );
    expect(generic.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP', 'CQ']],
      ['97112', 1, ['GP']],
    ]);
  });
});
