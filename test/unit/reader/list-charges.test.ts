/**
 * Charge lines shown as list items that start with their code, with no code label: read when they show their
 * units, never from a code list without units or from inside the note.
 */
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { pageFromHtml } from './helpers';

const NOTE =
  '<textarea readonly>Gait training 27 min: amb 220 ft x 2 w/ RW, CGA, VC for heel strike. Ther ex 12 min.</textarea>';

function read(body: string) {
  return readFrame(pageFromHtml(`<html><body>${NOTE}${body}</body></html>`).window.document);
}

describe('charge lines as list items', () => {
  it('reads a charge-capture list: code first, "Qty:" units, modifiers in their own span', () => {
    const snapshot = read(`<ul class="charges">
      <li><span class="cpt">97116</span> Gait training <span class="qty">Qty: 3</span> <span class="mods">GP</span></li>
      <li><span class="cpt">97110</span> Ther ex <span class="qty">Qty: 1</span> <span class="mods">GP</span></li>
    </ul>`);
    expect(snapshot.charges.map((c) => [c.code, c.units, c.modifiers])).toEqual([
      ['97116', 3, ['GP']],
      ['97110', 1, ['GP']],
    ]);
  });

  it('reads role=listitem entries with "× 2" and modifier chips', () => {
    const snapshot = read(`<div role="list" aria-label="Today's charges">
      <div role="listitem">97116 · Gait training × 2 <span class="chip">GP</span><span class="chip">KX</span></div>
      <div role="listitem">97112 · Neuromuscular re-ed × 1 <span class="chip">GP</span></div>
    </div>`);
    expect(snapshot.charges.map((c) => [c.code, c.units, c.modifiers])).toEqual([
      ['97116', 2, ['GP', 'KX']],
      ['97112', 1, ['GP']],
    ]);
  });

  it('takes no line from a code list without units, a long item, or a list inside the note', () => {
    expect(read('<ul><li>97116 Gait training</li><li>97110 Therapeutic exercise</li></ul>').charges).toEqual(
      [],
    );
    expect(
      read(
        `<ul><li>97116 was billed x 2 last week per the prior authorisation, which also covered ${'the rest of the plan of care '.repeat(8)}</li></ul>`,
      ).charges,
    ).toEqual([]);
    const inNote = readFrame(
      pageFromHtml(
        '<html><body><div contenteditable="true"><p>Gait training 27 min.</p><ul><li>97116 x 2 per plan</li></ul></div></body></html>',
      ).window.document,
    );
    expect(inNote.charges).toEqual([]);
  });

  it('leaves a page whose grid gave its lines to the grid', () => {
    const snapshot = read(`<table><tr><th>CPT</th><th>Units</th></tr><tr><td>97116</td><td>2</td></tr></table>
      <ul><li>97116 Gait training Qty: 4</li></ul>`);
    expect(snapshot.charges.map((c) => [c.code, c.units])).toEqual([['97116', 2]]);
  });
});
