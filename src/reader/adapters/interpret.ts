/** Applies site adapters (data) to a frame's document. */
import type { ChargeLine, NoteText } from '../../engine/model';
import {
  cellValue,
  chargeFromFields,
  chargesFromControls,
  expandCells,
  labelsNoControl,
  type ChargeReadContext,
  type ChargeRowFields,
} from '../charges';
import { controlValue } from '../controls';
import { labelFor } from '../labels';
import { renderedText, shortText } from '../rendered-text';
import { type Scope } from '../selectors';
import { isVisible } from '../visibility';
import { logValueRead, type ReadContext } from '../read-context';
import type { ChargeField } from '../fields';
import { makeNote, type NoteReadContext } from '../notes';
import { parseModifiers } from '../text';
import type {
  AdapterChargeFields,
  AdapterChargeTable,
  AdapterChargeText,
  AdapterNote,
  SiteAdapter,
  ValueRule,
} from './types';

export interface AdapterReading {
  adapterIds: string[];
  /** Set when an adapter's note selectors matched a visible element (even an empty one). */
  notes?: NoteText[];
  /** Set when an adapter's charge containers matched a visible element (even one without lines). */
  charges?: ChargeLine[];
  chargeContainers: Element[];
}

/** The elements a selector finds, or none when the selector (adapter data) is not valid CSS. */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function adapterMatches(adapter: SiteAdapter, doc: Document): boolean {
  return adapter.matches.some(({ url, selector }) => {
    if (url && !url.test(doc.URL)) return false;
    if (selector && safeQueryAll(doc, selector).length === 0) return false;
    return Boolean(url ?? selector);
  });
}

function headerTexts(
  table: Element,
  ctx: ReadContext,
  rule: AdapterChargeTable,
): { texts: string[]; row?: Element } {
  const patterns = [rule.code, rule.codeType, rule.modifiers, rule.units, rule.minutes, rule.provider]
    .flat()
    .flatMap((value) => (value && 'column' in value ? [value.column] : []));
  const rows = table.tagName === 'TABLE' ? Array.from((table as HTMLTableElement).rows).slice(0, 5) : [];
  for (const row of rows) {
    const texts = expandCells(Array.from(row.cells)).map((cell) => shortText(cell, ctx));
    if (texts.some((text) => patterns.some((pattern) => pattern.test(text)))) return { texts, row };
  }
  return { texts: [] };
}

function evaluate(
  rules: ValueRule[] | undefined,
  row: Element,
  cells: Element[],
  header: string[],
  ctx: ReadContext,
): string | undefined {
  for (const rule of rules ?? []) {
    if ('control' in rule) {
      const control = row.querySelector(rule.control);
      const value = control ? controlValue(control, ctx) : '';
      if (value) return value;
    } else if ('flag' in rule) {
      const control = row.querySelector(rule.flag) as HTMLInputElement | null;
      if (!control) continue;
      logValueRead(ctx, control);
      const on =
        control.type === 'checkbox' || control.type === 'radio'
          ? control.checked
          : control.value !== '' && control.value !== '0';
      return on ? 'yes' : '';
    } else {
      const index = header.findIndex((text) => rule.column.test(text));
      const value = index >= 0 ? cellValue(cells[index], ctx) : '';
      if (value) return value;
    }
  }
  return undefined;
}

function readTableRule(
  rule: AdapterChargeTable,
  doc: Document,
  scope: Scope,
  read: ChargeReadContext,
  out: AdapterReading,
): ChargeLine[] | undefined {
  const tables = safeQueryAll(doc, rule.table).filter((table) => isVisible(table, read.ctx));
  if (tables.length === 0) return undefined;
  const lines: ChargeLine[] = [];
  for (const table of tables) {
    out.chargeContainers.push(table);
    const header = headerTexts(table, read.ctx, rule);
    const rows = safeQueryAll(table, rule.row).filter(
      (row) => row !== header.row && row.closest('table') === table && isVisible(row, read.ctx),
    );
    for (const row of rows) {
      const cells = row.tagName === 'TR' ? expandCells(Array.from((row as HTMLTableRowElement).cells)) : [];
      const code = evaluate(rule.code, row, cells, header.texts, read.ctx);
      if (!code) continue;
      const codeType = evaluate(rule.codeType, row, cells, header.texts, read.ctx);
      if (codeType !== undefined && rule.acceptCodeType && !rule.acceptCodeType.test(codeType.trim()))
        continue;
      const fields: ChargeRowFields = {
        code,
        units: evaluate(rule.units, row, cells, header.texts, read.ctx),
        modifiers: parseModifiers(evaluate(rule.modifiers, row, cells, header.texts, read.ctx) ?? ''),
        minutes: evaluate(rule.minutes, row, cells, header.texts, read.ctx),
        deleted: evaluate(rule.deleted, row, cells, header.texts, read.ctx) === 'yes',
        billed: evaluate(rule.billed, row, cells, header.texts, read.ctx) === 'yes',
        provider: evaluate(rule.provider, row, cells, header.texts, read.ctx),
      };
      const line = chargeFromFields(fields, row, scope, rule.label, read);
      if (line) lines.push(line);
    }
  }
  return lines;
}

function readTextRule(
  rule: AdapterChargeText,
  doc: Document,
  scope: Scope,
  read: ChargeReadContext,
  out: AdapterReading,
): ChargeLine[] | undefined {
  const containers = safeQueryAll(doc, rule.container).filter((container) => isVisible(container, read.ctx));
  if (containers.length === 0) return undefined;
  const lines: ChargeLine[] = [];
  for (const container of containers) {
    out.chargeContainers.push(container);
    for (const row of safeQueryAll(container, rule.line)) {
      if (!isVisible(row, read.ctx)) continue;
      const cellTexts = Array.from(row.children).map((cell) => shortText(cell, read.ctx));
      const codeCell = cellTexts.map((text) => rule.code.exec(text)).find(Boolean);
      if (!codeCell?.[1]) continue;
      const rowText = cellTexts.join(' ');
      const fields: ChargeRowFields = {
        code: codeCell[1],
        modifiers: parseModifiers(codeCell[2] ?? ''),
        units: rule.units?.exec(rowText)?.[1],
        billed: rule.billed?.test(rowText) ?? false,
      };
      const line = chargeFromFields(fields, row, scope, rule.label, read);
      if (line) lines.push(line);
    }
  }
  return lines;
}

function readFieldsRule(
  rule: AdapterChargeFields,
  doc: Document,
  scope: Scope,
  read: ChargeReadContext,
  out: AdapterReading,
): ChargeLine[] | undefined {
  const fieldOf = (control: Element, ctx: ReadContext): ChargeField | undefined => {
    const label = labelFor(control, ctx);
    if (rule.labels.code.test(label)) return 'code';
    if (rule.labels.modifiers?.test(label)) return 'modifiers';
    if (rule.labels.units?.test(label)) return 'units';
    if (rule.labels.minutes?.test(label)) return 'minutes';
    return undefined;
  };
  // A label that names no control stands for a field rendered without one (a disabled code shown as a pill).
  const controls = safeQueryAll(doc, rule.container).flatMap((container) =>
    safeQueryAll(container, 'input, select, label').filter(
      (el) => el.tagName !== 'LABEL' || labelsNoControl(el),
    ),
  );
  const codeControls = controls.filter(
    (control) => fieldOf(control, read.ctx) === 'code' && isVisible(control, read.ctx),
  );
  if (codeControls.length === 0) return undefined;
  const rows = new Set<Element>();
  const lines = chargesFromControls(
    codeControls.map((el) => ({ el, scope })),
    rows,
    read,
    fieldOf,
    rule.label,
  );
  out.chargeContainers.push(...rows);
  return lines;
}

function previousLabel(el: Element, selector: string, ctx: ReadContext): string {
  let current: Element | null = el;
  for (let depth = 0; current && depth < 3; depth++) {
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const match = sibling.matches(selector) ? sibling : sibling.querySelector(selector);
      if (match) return shortText(match, ctx);
    }
    current = current.parentElement;
  }
  return '';
}

function readNoteRule(
  rule: AdapterNote,
  doc: Document,
  scope: Scope,
  read: NoteReadContext,
): { matched: boolean; notes: NoteText[] } {
  const elements = safeQueryAll(doc, rule.selector).filter((el) => isVisible(el, read.ctx));
  const notes: NoteText[] = [];
  for (const el of elements) {
    const text =
      rule.read === 'value'
        ? controlValue(el, read.ctx)
        : renderedText(el, { ctx: read.ctx, exclude: read.excluded });
    const label =
      'constant' in rule.label
        ? rule.label.constant
        : previousLabel(el, rule.label.previous, read.ctx) || labelFor(el, read.ctx);
    const note = makeNote('note', el, scope, text, label, read);
    if (note) notes.push(note);
  }
  return { matched: elements.length > 0, notes };
}

export function applyAdapterCharges(
  adapters: readonly SiteAdapter[],
  doc: Document,
  read: ChargeReadContext,
  out: AdapterReading,
): void {
  const scope: Scope = { root: doc, prefix: '' };
  for (const adapter of adapters) {
    const found: Array<ChargeLine[] | undefined> = [
      ...(adapter.chargeTables ?? []).map((rule) => readTableRule(rule, doc, scope, read, out)),
      ...(adapter.chargeText ?? []).map((rule) => readTextRule(rule, doc, scope, read, out)),
      ...(adapter.chargeFields ?? []).map((rule) => readFieldsRule(rule, doc, scope, read, out)),
    ];
    for (const lines of found) if (lines) out.charges = [...(out.charges ?? []), ...lines];
  }
}

export function applyAdapterNotes(
  adapters: readonly SiteAdapter[],
  doc: Document,
  read: NoteReadContext,
  out: AdapterReading,
): void {
  const scope: Scope = { root: doc, prefix: '' };
  for (const adapter of adapters) {
    for (const rule of adapter.notes ?? []) {
      const { matched, notes } = readNoteRule(rule, doc, scope, read);
      if (matched) out.notes = [...(out.notes ?? []), ...notes];
    }
  }
}
