import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { resolveSelector } from '../../../src/reader/selectors';
import { loadPage } from './helpers';

describe('contenteditable rich-text editor (CKEditor 5 style)', () => {
  const dom = loadPage('contenteditable-note.html', 'https://summit.example.org/visit/3');
  const snapshot = readFrame(dom.window.document);

  it('reads the editor text with one line per paragraph, list item and <br>', () => {
    expect(snapshot.notes).toHaveLength(1);
    const note = snapshot.notes[0]!;
    expect(note.source.label).toBe('Daily Note');
    expect(note.text.split('\n')).toEqual([
      'S: Pt states R hip feels "looser"; walked into clinic with cane.',
      'O: Gait training 97116 x 25 minutes: quad cane, level surfaces and ramp, tactile cues at pelvis for weight shift, verbal cues to increase stance time on R.',
      '10 m walk: 0.71 m/s',
      'TUG: 14.2 s',
      'A: Trendelenburg pattern decreasing with cues.',
      'P: Continue 2x/week.',
      'Progress to uneven surfaces.',
    ]);
    expect(resolveSelector(dom.window.document, note.source.selector!)?.getAttribute('role')).toBe('textbox');
  });

  it('omits the empty private comment editor and reads no toolbar text', () => {
    expect(snapshot.notes.map((note) => note.text).join('\n')).not.toMatch(/Bold|List/);
  });

  it('reads the charge line with "Modifier(s)" and "Qty" headers', () => {
    expect(snapshot.charges.map(({ code, units, modifiers }) => ({ code, units, modifiers }))).toEqual([
      { code: '97116', units: 2, modifiers: ['GP', 'KX'] },
    ]);
    expect(snapshot.charges[0]!.source.label).toBe('Charge Capture');
  });

  it('reads the visit date and the commercial payer without a method hint', () => {
    expect(snapshot.dateOfService).toBe('2024-06-03');
    expect(snapshot.payerName).toBe('Aetna Choice POS II');
    expect(snapshot.payerMethodHint).toBeUndefined();
  });
});

describe('rich-text editor inside iframes (TinyMCE style and srcdoc)', () => {
  const url = 'https://therachart.example.org/visit/9';
  const dom = loadPage('iframe-editor.html', url, { runScripts: 'dangerously' });
  const snapshot = readFrame(dom.window.document);

  it('reads the about:blank editor body in the parent snapshot, labelled by the hidden textarea label', () => {
    const note = snapshot.notes.find((candidate) => candidate.source.label === 'Treatment note');
    expect(note?.text.split('\n')).toEqual([
      'Gait training (97116): 30 min.',
      'Instructed in 2-point gait with bilateral forearm crutches, NWB L LE; min A for sequencing, faded to CGA.',
      'Stairs: 6 steps with rail, up with the good, down with the bad, cues each step.',
    ]);
    expect(note?.source.selector).toBe('#treatment_note_ifr >>> body');
    expect(note?.source.url).toBe(url);
    expect(resolveSelector(dom.window.document, note!.source.selector!)?.className).toBe('mce-content-body');
  });

  it('reads the srcdoc editor and skips the hidden draft textarea', () => {
    expect(snapshot.notes.map((note) => note.source.label)).toEqual(['Treatment note', 'Goals']);
    expect(snapshot.notes[1]!.text).toBe('LTG: ambulate 300 ft with SPC, modified independent, in 6 weeks.');
    expect(snapshot.notes.some((note) => note.text.includes('draft copy'))).toBe(false);
    expect(snapshot.foreignFrameOrigins).toEqual([]);
    expect(snapshot.charges).toEqual([]);
  });
});
