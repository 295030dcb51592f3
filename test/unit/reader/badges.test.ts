import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { parseModifiers } from '../../../src/reader/text';
import { loadPage, pageFromHtml } from './helpers';

describe('modifiers as badges in a design-system table built from shadow roots', () => {
  it('reads rows slotted into the table, cells in each row’s shadow root, badges slotted into a cell', () => {
    const dom = loadPage('badges-shadow.html', 'https://quarry.example.org/enc/5', {
      runScripts: 'dangerously',
    });
    const snapshot = readFrame(dom.window.document);
    expect(snapshot.charges.map(({ code, units, modifiers }) => ({ code, units, modifiers }))).toEqual([
      { code: '97116', units: 2, modifiers: ['GP', 'CQ'] },
    ]);
  });

  it('a grid wholly inside one shadow root with chips rendered there', () => {
    const dom = pageFromHtml('<ehr-grid></ehr-grid>');
    const host = dom.window.document.querySelector('ehr-grid')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `
      <div role="grid"><div role="row"><div role="columnheader">Code</div><div role="columnheader">Mods</div>
      <div role="columnheader">Units</div></div>
      <div role="row"><div role="gridcell">97116</div><div role="gridcell"><span class="chip">GP</span><span class="chip">59</span><input placeholder="Add"></div>
      <div role="gridcell">3</div></div></div>`;
    const charges = readFrame(dom.window.document).charges;
    expect(charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 3, ['GP', '59']],
    ]);
  });
});

describe('badge runs', () => {
  it('splits modifiers rendered side by side only when every pair is a therapy modifier', () => {
    expect(parseModifiers('GPCQ')).toEqual(['GP', 'CQ']);
    expect(parseModifiers('GP59 KX')).toEqual(['GP', '59', 'KX']);
    expect(parseModifiers('GP×CQ×')).toEqual(['GP', 'CQ']);
    // Words are never taken apart.
    expect(parseModifiers('GAIT')).toEqual([]);
    expect(parseModifiers('None')).toEqual([]);
  });
});
