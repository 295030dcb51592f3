/**
 * Charge lines that render no grid and no code control: a read-only details view, a card whose code is a
 * pill beside its label (a `label for` that points at nothing), a description list of code, modifiers and
 * units. Read only when no grid or control on the page gave a charge line, so a summary panel that repeats
 * the fee sheet's lines as text is never counted twice.
 */
import type { ChargeLine } from '../engine/model';
import { chargeFromFields, fieldOfControl, type ChargeReadContext } from './charges';
import { labelFor } from './labels';
import { type Scope } from './selectors';
import { isInsideAny } from './tree';
import { isVisible } from './visibility';
import { classifyLabelText, fieldLabelOf } from './fields';
import { valueAfterLabel } from './label-value';
import { readRowFields, type ChargeRowFields } from './row-fields';
import { isProcedureCode, parseModifiers } from './text';

/** Where one labelled field ends and the next begins in a line of several: "97116  Units: 2, Mod: GP". */
const NEXT_FIELD =
  /\s*[|;]\s*|\s{2,}|,?\s+(?=(?:units?|qty|quantity|mods?|modifiers?|modifier \d|minutes|mins?|provider|rendering|status)\s*:)/i;

/** The fields other than the code written inline after it, each as "Label: value". */
export function inlineFields(text: string): Partial<Omit<ChargeRowFields, 'code'>> {
  const fields: Partial<Omit<ChargeRowFields, 'code'>> = {};
  const modifiers: string[] = [];
  for (const piece of text.replace(/\u00a0/g, ' ').split(NEXT_FIELD)) {
    const label = classifyLabelText(piece.trim());
    if (!label || label.field === 'code') continue;
    const value = piece.trim().slice(label.end).trim();
    if (!value) continue;
    if (label.field === 'modifiers') modifiers.push(value);
    else if (label.field === 'units' || label.field === 'minutes' || label.field === 'provider') {
      fields[label.field] ??= value;
    }
  }
  if (modifiers.length > 0) fields.modifiers = modifiers;
  return fields;
}

export interface CodeLabel {
  node: Text;
  scope: Scope;
}

/** A field group bigger than this is a page section, not one charge line: the climb stops below it. */
const MAX_GROUP_CHARS = 2_000;

/**
 * The largest ancestor of the label that holds no other charge's code label and no note: that charge's
 * fields.
 */
function groupOf(labelEl: Element, others: readonly Element[], notes: readonly Element[]): Element {
  let group: Element = labelEl.parentElement ?? labelEl;
  for (
    let parent = group.parentElement;
    // The text bound, not the body or a form, ends the climb: a small details page may hold its one
    // charge's fields directly in the body.
    parent && parent.tagName !== 'HTML';
    parent = parent.parentElement
  ) {
    if (others.some((other) => other !== labelEl && parent.contains(other))) break;
    if (notes.some((note) => parent.contains(note))) break;
    if ((parent.textContent?.length ?? 0) > MAX_GROUP_CHARS) break;
    group = parent;
  }
  return group;
}

/**
 * The charge lines shown as labelled values. `noteContainers` are note fields and report views: a "CPT:"
 * line inside a note is the therapist's writing, not a line of the claim.
 */
export function chargesFromLabels(
  labels: readonly CodeLabel[],
  noteContainers: Iterable<Element>,
  read: ChargeReadContext,
): { charges: ChargeLine[]; groups: Element[] } {
  const { ctx } = read;
  const notes = [...noteContainers];
  const candidates = labels.filter(({ node }) => {
    const el = node.parentElement;
    return el !== null && !isInsideAny(el, notes) && isVisible(el, ctx);
  });
  const labelEls = candidates.map(({ node }) => node.parentElement as Element);
  const charges: ChargeLine[] = [];
  const groups: Element[] = [];
  for (const { node, scope } of candidates) {
    const labelEl = node.parentElement as Element;
    if (groups.some((group) => group.contains(labelEl))) continue;
    const label = fieldLabelOf(node);
    if (label?.field !== 'code') continue;
    const code = valueAfterLabel(node, label.valueStart, ctx);
    if (!isProcedureCode(code.split(/[\s:,;|-]/)[0] ?? '')) continue;
    const group = groupOf(labelEl, labelEls, notes);
    // "Procedure: 97116  Units: 2  Mod: GP" in one text: the fields written inline come first.
    const inline = inlineFields(node.data.trim());
    const rest = readRowFields(group, labelEl, ctx, fieldOfControl);
    const fields: ChargeRowFields = {
      ...rest,
      ...inline,
      code,
      modifiers: parseModifiers([...(inline.modifiers ?? []), ...rest.modifiers].join(' ')),
    };
    const line = chargeFromFields(fields, group, scope, labelFor(group, ctx) || 'Charge details', read);
    if (!line) continue;
    groups.push(group);
    charges.push(line);
  }
  return { charges, groups };
}
