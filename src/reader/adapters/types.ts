/**
 * Site adapters are data: selectors and field mappings for a known EHR. The interpreter (interpret.ts)
 * applies them; where an adapter's selectors match, its reading replaces the generic heuristics.
 */

/** Where a charge field's value is read, relative to the charge row. The first rule that yields wins. */
export type ValueRule =
  /** The value of the first matching form control (hidden inputs included). */
  | { control: string }
  /** Whether the first matching checkbox is checked, or the first matching input holds a non-zero value. */
  | { flag: string }
  /** The visible text (or control value) of the cell under the header matching this pattern. */
  | { column: RegExp };

export interface AdapterChargeTable {
  /** Selector of the table (or grid) holding the charge lines. */
  table: string;
  /** Selector of the rows, relative to the table. */
  row: string;
  code: ValueRule[];
  codeType?: ValueRule[];
  /** Lines whose code type does not match are diagnoses or products, not procedures. */
  acceptCodeType?: RegExp;
  modifiers?: ValueRule[];
  units?: ValueRule[];
  minutes?: ValueRule[];
  deleted?: ValueRule[];
  billed?: ValueRule[];
  provider?: ValueRule[];
  label: string;
}

/** Charge lines printed as text, e.g. OpenEMR's billing manager: "97116:GP:59" and "Units:3" in one row. */
export interface AdapterChargeText {
  container: string;
  line: string;
  /** Tested on each cell's text. Group 1: the code; group 2 (optional): the modifiers joined by ':'. */
  code: RegExp;
  /** Group 1: the units. */
  units?: RegExp;
  billed?: RegExp;
  label: string;
}

/** Charge lines in labelled controls (cards or forms), e.g. Medplum's read-only "CPT Code" input. */
export interface AdapterChargeFields {
  /** Only controls inside this container are considered. */
  container: string;
  labels: {
    code: RegExp;
    modifiers?: RegExp;
    units?: RegExp;
    minutes?: RegExp;
  };
  label: string;
}

export type AdapterNoteLabel =
  | { constant: string }
  /** The text of the nearest preceding element matching this selector (a form header). */
  | { previous: string };

export interface AdapterNote {
  selector: string;
  /** 'value' for form controls (textareas), 'text' for report views. */
  read: 'value' | 'text';
  label: AdapterNoteLabel;
}

export interface SiteAdapter {
  id: string;
  name: string;
  /** The adapter applies when any entry matches: the URL pattern and/or an element present. */
  matches: ReadonlyArray<{ url?: RegExp; selector?: string }>;
  notes?: AdapterNote[];
  chargeTables?: AdapterChargeTable[];
  chargeText?: AdapterChargeText[];
  chargeFields?: AdapterChargeFields[];
}
