import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { loadPage } from './helpers';

describe('OpenEMR encounter summary (div.tab reports)', () => {
  const snapshot = readFrame(
    loadPage(
      'openemr-encounter-summary.html',
      'https://emr.example.org/interface/patient_file/encounter/forms.php',
    ).window.document,
  );

  it('reads each visible form report as a note labelled by its form header', () => {
    expect(snapshot.notes.map((note) => [note.source.label, note.source.selector])).toEqual([
      ['New Patient Encounter', '#divid_1'],
      ['SOAP', '#divid_2'],
    ]);
    const soap = snapshot.notes[1]!.text.split('\n');
    expect(soap).toHaveLength(4);
    expect(soap[1]).toBe(
      'Objective: Gait training (97116): 23 min. Cues for heel strike and knee extension at terminal stance; SPC level surfaces 200 ft x 2, curb step with CGA.',
    );
  });

  it('skips the hidden stale draft', () => {
    expect(snapshot.notes.some((note) => note.text.includes('Stale draft'))).toBe(false);
  });

  it('reads the encounter date, provider role and payer from the header', () => {
    expect(snapshot.dateOfService).toBe('2024-05-14');
    expect(snapshot.furnishedBy).toEqual(['PTA']);
    expect(snapshot.payerName).toBe('Blue Cross Blue Shield PPO');
    expect(snapshot.payerMethodHint).toBeUndefined();
  });
});

describe('OpenEMR SOAP form (textareas)', () => {
  const snapshot = readFrame(
    loadPage('openemr-soap.html', 'https://emr.example.org/interface/forms/soap/new.php').window.document,
  );

  it('reads subjective, objective and assessment by value and omits the empty plan', () => {
    expect(snapshot.notes.map((note) => note.source.label)).toEqual([
      'Subjective',
      'Objective',
      'Assessment',
    ]);
    expect(snapshot.notes.map((note) => note.source.selector)).toEqual([
      'textarea[name="subjective"]',
      'textarea[name="objective"]',
      'textarea[name="assessment"]',
    ]);
    expect(snapshot.notes[1]!.text.split('\n')[0]).toBe(
      'Gait training (97116): 38 min with PTA. FWW, level and uneven surfaces, 4 stairs with bilateral rails.',
    );
    expect(snapshot.notes[2]!.text).toBe('Improving turn stability; fall risk remains (Berg < 45).');
  });

  it('finds the same fields by their legends when the adapter does not apply', () => {
    const generic = readFrame(
      loadPage('openemr-soap.html', 'https://notes.example.net/soap').window.document,
    );
    expect(generic.notes.map((note) => note.source.label)).toEqual(['Subjective', 'Objective', 'Assessment']);
    expect(generic.charges).toEqual([]);
  });
});

describe('OpenEMR billing manager (text lines)', () => {
  const snapshot = readFrame(
    loadPage('openemr-billing-manager.html', 'https://emr.example.org/interface/billing/billing_report.php')
      .window.document,
  );

  it('reads "97116:GP:59" / "Units:3" lines, not diagnoses, patient ids or zip codes', () => {
    expect(
      snapshot.charges.map(({ code, units, modifiers, status, source }) => ({
        code,
        units,
        modifiers,
        status,
        label: source.label,
      })),
    ).toEqual([
      { code: '97116', units: 3, modifiers: ['GP', '59'], status: 'unbilled', label: 'Billing manager' },
      { code: 'G0283', units: 1, modifiers: [], status: 'billed', label: 'Billing manager' },
    ]);
    expect(snapshot.notes).toEqual([]);
  });
});

describe('OpenEMR billing manager at an address without OpenEMR paths', () => {
  it('is recognised by its update form, as when served from the fixtures folder in the browser tests', () => {
    const snapshot = readFrame(
      loadPage('openemr-billing-manager.html', 'http://127.0.0.1:8765/fixtures/openemr-billing-manager.html')
        .window.document,
    );
    expect(snapshot.charges.map(({ code, units, status }) => [code, units, status])).toEqual([
      ['97116', 3, 'unbilled'],
      ['G0283', 1, 'billed'],
    ]);
  });
});
