import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { loadPage, pageFromHtml } from './helpers';

const notesOf = (html: string) => readFrame(pageFromHtml(html).window.document).notes;

describe('a note kept as flowsheet rows', () => {
  it('a description list of therapy rows is one note, rows in order, beside an inline charge line', () => {
    const snapshot = readFrame(
      loadPage('flowsheet-note.html', 'https://pt.example.org/flowsheet/4410').window.document,
    );
    expect(snapshot.notes).toHaveLength(1);
    const text = snapshot.notes[0]?.text ?? '';
    expect(text).toMatch(/Gait training \(97116\)\s+26 min/);
    expect(text.indexOf('Assist level')).toBeLessThan(text.indexOf('Assessment'));
    expect(snapshot.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 2, ['GP']],
    ]);
  });

  it('a table of label and value rows, as a flowsheet grid shows them', () => {
    const notes = notesOf(`<table><caption>Therapy flowsheet 06/02</caption>
      <tr><th>Gait training minutes</th><td>18</td></tr>
      <tr><th>Device</th><td>Front-wheeled walker</td></tr>
      <tr><th>Assistance</th><td>Mod A x1 for turns</td></tr>
      <tr><th>Response to treatment</th><td>Fatigued after 60 ft; seated rest x2</td></tr></table>`);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.source.label).toBe('Therapy flowsheet 06/02');
    expect(notes[0]?.text).toContain('Front-wheeled walker');
  });

  it('a description list with no SOAP labels among its rows is still one note', () => {
    // Without Assessment or Plan rows, no section label marks the list as a document: only its rows do.
    const notes =
      notesOf(`<dl><dt>Gait training (97116)</dt><dd>22 min</dd><dt>Device</dt><dd>SPC, left hand</dd>
      <dt>Assist level</dt><dd>CGA on curbs</dd><dt>Cues</dt><dd>VC for step-to pattern on the curb</dd></dl>`);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.text).toMatch(/Gait training \(97116\)\s+22 min/);
  });

  it('demographics and layout tables are not notes', () => {
    expect(
      notesOf(`<table><tr><th>Name</th><td>Ames, Carla</td></tr><tr><th>DOB</th><td>1948-02-11</td></tr>
        <tr><th>Address</th><td>12 Pine St</td></tr><tr><th>Phone</th><td>555-0101</td></tr></table>
        <dl><dt>Room</dt><dd>4B</dd><dt>Attending</dt><dd>Dr Ng</dd><dt>Diet</dt><dd>Regular</dd></dl>`),
    ).toEqual([]);
  });
});
