/**
 * The fields of one charge line read from its row, card or field group: its form controls (by name or
 * label) and, where the EHR renders a field as text with no input (a read-only view, a pill, a `dd`, chips
 * beside an empty search box), the value shown next to the field's label.
 */
import { controlValue } from './controls';
import { shortText } from './rendered-text';
import { isVisible } from './visibility';
import { logValueRead, type ReadContext } from './read-context';
import { fieldLabelOf, type ChargeField } from './fields';
import { valueAfterLabel } from './label-value';

export interface ChargeRowFields {
  code: string;
  codeType?: string;
  units?: string;
  modifiers: string[];
  minutes?: string;
  deleted?: boolean;
  billed?: boolean;
  status?: string;
  provider?: string;
}

/**
 * What a field shows beside its label when no control holds it: a read-only or disabled field that a design
 * system renders as text or pills with no input at all (the label's `for` points at nothing), or chips
 * beside an empty search box. The field is the label's parent, the wrapper a form library draws around one
 * label and its value; a parent with more children than a label, a description, the value and an error is
 * a form, not one field, and shows nothing here.
 */
export function shownBesideLabel(label: Element, ctx: ReadContext): string {
  const field = label.parentElement;
  if (!field || field.childElementCount > 4) return '';
  return Array.from(field.children)
    .filter((child) => child !== label)
    .map((child) => shortText(child, ctx))
    .filter(Boolean)
    .join(' ');
}

/** A label that names no control: the field it names is rendered without one (read-only, disabled). */
export function labelsNoControl(el: Element): boolean {
  return el.tagName === 'LABEL' && (el as HTMLLabelElement).control === null;
}

/** A field's value: the control's, else what is shown beside its label (pills, chips, read-only text). */
export function fieldValue(el: Element, ctx: ReadContext): string {
  if (labelsNoControl(el)) return shownBesideLabel(el, ctx);
  const value = controlValue(el, ctx);
  if (value || el.tagName !== 'INPUT') return value;
  const label = (el as HTMLInputElement).labels?.[0];
  return label ? shownBesideLabel(label, ctx) : '';
}

export type FieldOf = (control: Element, ctx: ReadContext) => ChargeField | undefined;

function isFlagSet(value: string): boolean {
  return value !== '' && value !== '0';
}

/** Sets a field once (the first value read wins); modifiers collect every value, parsed by the caller. */
function assign(fields: Omit<ChargeRowFields, 'code'>, field: ChargeField, value: string): void {
  // A field that shows nothing here may show its value elsewhere in the row (text beside its label).
  if (!value.trim()) return;
  if (field === 'units') fields.units ??= value;
  else if (field === 'modifiers') fields.modifiers.push(value);
  else if (field === 'minutes') fields.minutes ??= value;
  else if (field === 'deleted') fields.deleted = fields.deleted || isFlagSet(value);
  else if (field === 'billed') fields.billed = fields.billed || isFlagSet(value);
  else if (field === 'codeType') fields.codeType ??= value;
  else if (field === 'provider') fields.provider ??= value;
  else if (field === 'status') fields.status ??= value;
}

function controlFieldValue(control: Element, ctx: ReadContext): string {
  const input = control as HTMLInputElement;
  if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'checked' : '';
  return fieldValue(control, ctx);
}

/**
 * Reads the row's fields other than the code (`codeEl` is the code's control or label, skipped). Controls
 * come first; a label shown as text fills only what no control gave.
 */
export function readRowFields(
  row: Element,
  codeEl: Element,
  ctx: ReadContext,
  fieldOf: FieldOf,
): Omit<ChargeRowFields, 'code'> {
  const fields: Omit<ChargeRowFields, 'code'> = { modifiers: [] };
  const fromControls = new Set<ChargeField>();
  for (const control of Array.from(row.querySelectorAll('input, select, label'))) {
    if (control === codeEl || (control.tagName === 'LABEL' && !labelsNoControl(control))) continue;
    const field = fieldOf(control, ctx);
    logValueRead(ctx, control);
    if (!field || field === 'code') continue;
    const value = controlFieldValue(control, ctx);
    // An empty control (the search box beside modifier chips) leaves the field to what is shown as text.
    if (value.trim()) fromControls.add(field);
    assign(fields, field, value);
  }
  const texts = row.ownerDocument.createTreeWalker(row, 0x4);
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent === codeEl || codeEl.contains(parent)) continue;
    const label = fieldLabelOf(node);
    if (!label || label.field === 'code' || fromControls.has(label.field)) continue;
    if (!isVisible(parent, ctx)) continue;
    assign(fields, label.field, valueAfterLabel(node, label.valueStart, ctx));
  }
  return fields;
}
