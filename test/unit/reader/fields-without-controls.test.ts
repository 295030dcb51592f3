/**
 * Charge fields an EHR renders without a control: a read-only or disabled code shown as a pill or as text
 * beside its label (the label's `for` points at nothing), and modifiers as chips beside an empty search box.
 * Medplum's CodeableConceptInput renders the first when disabled and the second when editable; the
 * end-to-end test test/e2e/medplum-chromium.e2e.ts reads the real components.
 */
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { chargeSummary, pageFromHtml } from './helpers';

/** The markup Mantine's PillsInput gives a disabled CodeableConceptInput and an editable one (ids are ours). */
const pillsCard = (n: number, code: string, modifiers: string[], units: string) => `
  <div class="mantine-Card-root">
    <div class="mantine-InputWrapper-root">
      <label class="mantine-InputWrapper-label" for="r1-${n}" id="r1-${n}-label">CPT Code</label>
      <div class="mantine-Input-wrapper" data-disabled="true"><div class="mantine-PillsInput-input">
        <div class="mantine-PillGroup-group"><span class="mantine-Pill-root"><span class="mantine-Pill-label">${code}</span></span></div>
      </div></div>
    </div>
    <div class="mantine-InputWrapper-root">
      <label class="mantine-InputWrapper-label" for="r2-${n}">Modifiers</label>
      <div class="mantine-Input-wrapper"><div class="mantine-PillsInput-input"><div class="mantine-PillGroup-group">
        ${modifiers.map((m) => `<span class="mantine-Pill-root"><span class="mantine-Pill-label">${m}</span><button type="button" aria-hidden="true"><svg></svg></button></span>`).join('')}
        <input role="searchbox" id="r2-${n}" name="modifiers" value="">
      </div></div><button type="button" title="Clear all" aria-hidden="true"><svg></svg></button></div>
    </div>
    <div class="mantine-InputWrapper-root">
      <label for="r3-${n}">Quantity</label>
      <div><input type="number" id="r3-${n}" value="${units}"><input placeholder="Unit"></div>
    </div>
  </div>`;

describe('charge fields rendered without a control', () => {
  it('a disabled code shown as a pill, modifiers as removable pills beside an empty search box', () => {
    const dom = pageFromHtml(
      `<main><h2>Charge Items</h2>${pillsCard(1, '97116', ['GP', 'CQ'], '3')}${pillsCard(2, '97530', ['GP'], '1')}</main>`,
      'https://provider.example.org/Patient/p1/Encounter/e-20/chart',
    );
    expect(chargeSummary(readFrame(dom.window.document))).toEqual([
      { code: '97116', units: 3, modifiers: ['GP', 'CQ'], minutes: undefined, status: 'unbilled' },
      { code: '97530', units: 1, modifiers: ['GP'], minutes: undefined, status: 'unbilled' },
    ]);
  });

  it('a read-only fee form: code as text beside a label for nothing, modifier tags by an empty box', () => {
    const dom = pageFromHtml(`
      <form class="fee-form">
        <fieldset class="line">
          <div class="row"><label for="proc-1">Procedure code</label><b>97116</b></div>
          <div class="row"><label for="mod-1">Mod</label><span class="tag">GP</span><span class="tag">KX</span><input id="mod-1" placeholder="add…"></div>
          <div class="row"><label for="u-1">Units</label><input id="u-1" value="4" readonly></div>
        </fieldset>
        <fieldset class="line">
          <div class="row"><label for="proc-2">Procedure code</label><b>97110</b></div>
          <div class="row"><label for="mod-2">Mod</label><input id="mod-2" value="GP"></div>
          <div class="row"><label for="u-2">Units</label><input id="u-2" value="1" readonly></div>
        </fieldset>
      </form>`);
    expect(chargeSummary(readFrame(dom.window.document))).toEqual([
      { code: '97116', units: 4, modifiers: ['GP', 'KX'], minutes: undefined, status: 'unbilled' },
      { code: '97110', units: 1, modifiers: ['GP'], minutes: undefined, status: 'unbilled' },
    ]);
  });

  it('a label for nothing inside a whole form is not a field: the form’s other text is not its value', () => {
    const dom = pageFromHtml(`
      <div class="summary">
        <label>CPT</label><p>Zip 97116</p><p>Phone</p><p>Plan</p><p>Member since 2019</p>
      </div>`);
    expect(readFrame(dom.window.document).charges).toEqual([]);
  });
});
