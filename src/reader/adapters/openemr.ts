/**
 * OpenEMR (server-rendered, every screen in an iframe). Field names as OpenEMR renders them: the fee sheet
 * (interface/forms/fee_sheet/new.php), the SOAP form (interface/forms/soap), the encounter summary and the
 * billing manager.
 */
import type { SiteAdapter } from './types';

export const openEmrAdapter: SiteAdapter = {
  id: 'openemr',
  name: 'OpenEMR',
  matches: [
    { url: /\/interface\/(forms|patient_file|billing)\// },
    { selector: 'table#selected_codes' },
    {
      selector: 'form textarea[name="subjective"] ~ textarea[name="objective"], textarea[name="subjective"]',
    },
    { selector: 'div.tab span.text' },
    // The billing manager by its own form, for installs whose URLs do not carry OpenEMR's paths.
    { selector: 'form[name="update_form"][action*="billing"]' },
  ],
  chargeTables: [
    {
      table: 'table#selected_codes',
      row: 'tr',
      codeType: [{ control: 'input[name$="[code_type]"]' }, { column: /^type$/i }],
      acceptCodeType: /^(CPT4|HCPCS|CPT|CPTII)$/i,
      // Unbilled lines keep the code in a hidden input; billed lines print everything as cell text.
      code: [{ control: 'input[name$="[code]"]' }, { column: /^code$/i }],
      modifiers: [{ control: 'input[name$="[mod]"]' }, { column: /^mod(ifier)?s?$/i }],
      units: [{ control: 'input[name$="[units]"]' }, { column: /^units?$/i }],
      deleted: [{ flag: 'input[name$="[del]"]' }],
      billed: [{ flag: 'input[name$="[billed]"]' }],
      provider: [{ control: 'select[name$="[provid]"]' }, { column: /^provider/i }],
      label: 'Fee sheet',
    },
  ],
  notes: [
    { selector: 'textarea[name="subjective"]', read: 'value', label: { constant: 'Subjective' } },
    { selector: 'textarea[name="objective"]', read: 'value', label: { constant: 'Objective' } },
    { selector: 'textarea[name="assessment"]', read: 'value', label: { constant: 'Assessment' } },
    { selector: 'textarea[name="plan"]', read: 'value', label: { constant: 'Plan' } },
    { selector: 'div.tab', read: 'text', label: { previous: '.form_header' } },
  ],
  chargeText: [
    {
      container: 'form[name="update_form"], #billing_report',
      line: 'tr',
      // Matched against each cell of a line on its own, so patient ids and dates never pass for codes.
      code: /^(?:(?:CPT4|HCPCS)\s*(?::\s*)?)?([0-9]{5}|[A-Z][0-9]{4})((?::[0-9A-Z]{2})*)$/,
      units: /Units:\s*(\d{1,3})/i,
      billed: /\bbilled\b(?!\s*(?::\s*)?no)/i,
      label: 'Billing manager',
    },
  ],
};
