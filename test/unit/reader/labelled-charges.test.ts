import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { inlineFields } from '../../../src/reader/label-charges';
import { loadPage, pageFromHtml } from './helpers';

const lines = (html: string) =>
  readFrame(pageFromHtml(html).window.document).charges.map(({ code, units, modifiers, unitsAssumed }) =>
    unitsAssumed ? { code, units, modifiers, unitsAssumed } : { code, units, modifiers },
  );

describe('charge fields shown as text, with no grid and no code input', () => {
  it('a details view: code pills whose label points at nothing, chips with remove buttons, units in a dl', () => {
    const doc = loadPage('charge-details-view.html', 'https://clinic.example.net/encounter/77120').window
      .document;
    const snapshot = readFrame(doc);
    expect(snapshot.charges.map(({ code, units, modifiers }) => ({ code, units, modifiers }))).toEqual([
      { code: '97116', units: 2, modifiers: ['GP'] },
      { code: '97110', units: 1, modifiers: ['GP'] },
    ]);
    // The note beside the charges is still read whole.
    expect(snapshot.notes).toHaveLength(1);
    expect(snapshot.notes[0]?.text).toContain('Gait training (97116): 23 min');
  });

  it('description lists, one per line of the claim', () => {
    expect(
      lines(`<h2>Services</h2>
        <dl><dt>Procedure</dt><dd>97116 Gait training</dd><dt>Modifiers</dt><dd>GP</dd><dt>Units</dt><dd>3</dd></dl>
        <dl><dt>Procedure</dt><dd>97530</dd><dt>Modifiers</dt><dd>GP, 59</dd><dt>Units</dt><dd>1</dd></dl>`),
    ).toEqual([
      { code: '97116', units: 3, modifiers: ['GP'] },
      { code: '97530', units: 1, modifiers: ['GP', '59'] },
    ]);
  });

  it('a read-only form of label and value divs, directly in a small page', () => {
    expect(
      lines(`<div class="row"><div class="lbl">CPT code</div><div class="val">97116</div></div>
        <div class="row"><div class="lbl">Units</div><div class="val">2</div></div>
        <div class="row"><div class="lbl">Modifier 1</div><div class="val">GP</div></div>
        <div class="row"><div class="lbl">Modifier 2</div><div class="val"></div></div>`),
    ).toEqual([{ code: '97116', units: 2, modifiers: ['GP'] }]);
  });

  it('a read-only code input with an unattached label, chips beside an empty search box', () => {
    expect(
      lines(`<div class="charge"><label>CPT</label><input value="97116" readonly>
        <label>Modifiers</label><div><span class="pill">GP<button>x</button></span><span class="pill">KX<button>x</button></span><input placeholder="Search"></div>
        <label>Units</label><input type="number" value="3"></div>`),
    ).toEqual([{ code: '97116', units: 3, modifiers: ['GP', 'KX'] }]);
  });

  it('several fields written in one line', () => {
    expect(lines('<p class="bill">CPT: 97116, Units: 2, Modifiers: GP, 59</p>')).toEqual([
      { code: '97116', units: 2, modifiers: ['GP', '59'] },
    ]);
    expect(inlineFields('Procedure: 97116   Units: 2   Mod: GP')).toEqual({ units: '2', modifiers: ['GP'] });
    expect(inlineFields('Code: 97116 | Qty: 1 | Provider: J. Ruiz, PTA')).toEqual({
      units: '1',
      provider: 'J. Ruiz, PTA',
    });
  });

  it('a code with no units shown is read as 1 unit, and marked so', () => {
    expect(lines('<section><span>Service code</span> <b>97116</b></section>')).toEqual([
      { code: '97116', units: 1, modifiers: [], unitsAssumed: true },
    ]);
  });
});

describe('text that is not a line of the claim', () => {
  it('a "CPT:" line inside the note is the therapist’s words', () => {
    const html = `<div class="progress-note"><h2>Progress note</h2>
      <p>Gait training 97116: 25 min with rolling walker, cues for step length, CGA.</p>
      <p>CPT: 97116</p><p>Units: 2</p></div>`;
    expect(lines(html)).toEqual([]);
  });

  it('a summary that repeats the fee sheet as text is not counted twice', () => {
    const html = `<table><tr><th>CPT</th><th>Mod</th><th>Units</th></tr><tr><td>97116</td><td>GP</td><td>2</td></tr></table>
      <aside><div>Procedure: 97116</div><div>Units: 2</div></aside>`;
    expect(lines(html)).toEqual([{ code: '97116', units: 2, modifiers: ['GP'] }]);
  });

  it('a label whose value is not a procedure code reads nothing', () => {
    expect(
      lines('<nav><a>Services</a> <a>Reports</a></nav><div><span>Code</span> <span>R26.81</span></div>'),
    ).toEqual([]);
  });
});
