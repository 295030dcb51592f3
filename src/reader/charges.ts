/**
 * Charge lines found by structure and meaning: tables and ARIA grids whose headers name a code column,
 * and groups of form controls whose names or labels name a code field. Never by position, and never from
 * a bare 5-digit number elsewhere in the page (zip codes, MRNs).
 */
import type { ChargeLine, ChargeStatus, ProviderRole } from '../engine/model';
import { controlValue } from './controls';
import { labelFor } from './labels';
import { shortText } from './rendered-text';
import { cssPath, type Scope } from './selectors';
import { isVisible } from './visibility';
import { logValueRead, type ReadContext } from './read-context';
import { fieldValue, readRowFields, type ChargeRowFields, type FieldOf } from './row-fields';
export { labelsNoControl, shownBesideLabel } from './row-fields';
import { classifyControlName, classifyLabel, type ChargeField } from './fields';
import type { Located } from './scan';
import {
  findProcedureCode,
  isProcedureCode,
  parseModifiers,
  parseWholeNumber,
  stableId,
  trailingModifiers,
} from './text';

export type ColumnMap = Partial<Record<ChargeField, number[]>>;

export interface GridRow {
  el: Element;
  /** Cells by column index (a cell spanning two columns appears twice). */
  cells: Element[];
}

export interface Grid {
  el: Element;
  scope: Scope;
  columns: ColumnMap;
  rows: GridRow[];
  label: string;
}

export interface ChargeReadContext {
  ctx: ReadContext;
  url: string;
  /** Lines whose units were not shown and were taken as 1. */
  assumedUnits: number;
  providerRoles: Set<ProviderRole>;
}

export type { ChargeRowFields } from './row-fields';

const CONTROL_SELECTOR =
  'input:not([type="hidden"]):not([type="button"]):not([type="submit"]), select, textarea';

export function roleFromText(text: string): ProviderRole | undefined {
  if (/\bPTA\b|physical therapist assistant|therapy assistant/i.test(text)) return 'PTA';
  if (/\b(DPT|PT|MPT|MSPT)\b|physical therapist/i.test(text)) return 'PT';
  if (/\baide\b|\btech(nician)?\b/i.test(text)) return 'aide';
  return undefined;
}

export function expandCells(cells: Element[], colIndex?: (cell: Element) => number | undefined): Element[] {
  const expanded: Element[] = [];
  for (const cell of cells) {
    const explicit = colIndex?.(cell);
    if (explicit !== undefined) {
      expanded[explicit] = cell;
      continue;
    }
    const span = Math.min(Math.max(Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1, 1), 50);
    for (let i = 0; i < span; i++) expanded.push(cell);
  }
  return expanded;
}

function headerColumns(cells: Element[], ctx: ReadContext): ColumnMap {
  const columns: ColumnMap = {};
  cells.forEach((cell, index) => {
    if (index > 0 && cells[index - 1] === cell) return;
    const field = classifyLabel(shortText(cell, ctx));
    if (field) (columns[field] ??= []).push(index);
  });
  return columns;
}

function looksLikeHeader(columns: ColumnMap): boolean {
  return Object.keys(columns).length >= 2 && columns.code !== undefined;
}

function gridLabel(el: Element, ctx: ReadContext): string {
  const caption = el.tagName === 'TABLE' ? (el as HTMLTableElement).caption : null;
  if (caption) {
    const text = shortText(caption, ctx);
    if (text) return text;
  }
  return labelFor(el, ctx) || 'Charges';
}

/** A table whose header row names a code column; header cells may be <th> or bold <td> (OpenEMR). */
export function tableGrid(located: Located<HTMLTableElement>, ctx: ReadContext): Grid | undefined {
  const table = located.el;
  const rows = Array.from(table.rows);
  for (let index = 0; index < Math.min(rows.length, 5); index++) {
    const row = rows[index];
    if (!row) continue;
    const cells = expandCells(Array.from(row.cells));
    const columns = headerColumns(cells, ctx);
    if (!looksLikeHeader(columns)) continue;
    const body = rows.slice(index + 1).filter((candidate) => candidate.parentElement?.tagName !== 'THEAD');
    return {
      el: table,
      scope: located.scope,
      columns,
      rows: body.map((bodyRow) => ({ el: bodyRow, cells: expandCells(Array.from(bodyRow.cells)) })),
      label: gridLabel(table, ctx),
    };
  }
  return undefined;
}

function ownedBy(el: Element, selector: string, owner: Element): boolean {
  return el.parentElement?.closest(selector) === owner || el.closest(selector) === owner;
}

/**
 * Elements matching `selector` under `el` in the tree as rendered: into open shadow roots, and through each
 * slot to the light-DOM children assigned to it (a design-system table whose rows the app passes in).
 * The walk does not enter a match, nor an element matching `stop` (a nested grid or row).
 */
function composedWithin(el: Element, selector: string, stop: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Element, depth: number): void => {
    if (depth > 40 || found.length >= 2000) return;
    let children: Element[];
    if (node.shadowRoot) children = Array.from(node.shadowRoot.children);
    else if (node.tagName === 'SLOT') {
      const assigned = (node as HTMLSlotElement).assignedElements?.() ?? [];
      children = assigned.length > 0 ? assigned : Array.from(node.children);
    } else children = Array.from(node.children);
    for (const child of children) {
      if (child.matches(selector)) found.push(child);
      else if (!child.matches(stop)) visit(child, depth + 1);
    }
  };
  visit(el, 0);
  return found;
}

/** A grid built from elements with ARIA roles (role=grid/table, row, columnheader, gridcell). */
export function ariaGrid(located: Located, ctx: ReadContext): Grid | undefined {
  const grid = located.el;
  const gridSelector = '[role="grid"],[role="table"],[role="treegrid"]';
  const composed = grid.shadowRoot !== null || grid.getRootNode() !== grid.ownerDocument;
  const rowEls = composed
    ? composedWithin(grid, '[role="row"]', gridSelector)
    : Array.from(grid.querySelectorAll('[role="row"]')).filter((row) => ownedBy(row, gridSelector, grid));
  const cellSelector = '[role="gridcell"],[role="cell"],[role="columnheader"],[role="rowheader"]';
  const colIndex = (cell: Element): number | undefined => {
    const value = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
    return Number.isFinite(value) && value >= 1 ? value - 1 : undefined;
  };
  const rows = rowEls.map((row) => ({
    el: row,
    cells: expandCells(
      composed || row.shadowRoot
        ? composedWithin(row, cellSelector, '[role="row"]')
        : Array.from(row.querySelectorAll(cellSelector)).filter(
            (cell) => cell.closest('[role="row"]') === row,
          ),
      colIndex,
    ),
  }));
  const headerIndex = rows.findIndex((row) =>
    row.cells.some((cell) => cell.getAttribute('role') === 'columnheader'),
  );
  if (headerIndex < 0) return undefined;
  const header = rows[headerIndex];
  if (!header) return undefined;
  const columns = headerColumns(header.cells, ctx);
  if (!looksLikeHeader(columns)) return undefined;
  return {
    el: grid,
    scope: located.scope,
    columns,
    rows: rows.filter((_, index) => index !== headerIndex),
    label: gridLabel(grid, ctx),
  };
}

export function cellValue(cell: Element | undefined, ctx: ReadContext): string {
  if (!cell) return '';
  const controls = Array.from(cell.querySelectorAll(CONTROL_SELECTOR));
  const values = controls
    .map((control) => controlValue(control, ctx))
    .filter(Boolean)
    .join(' ');
  // Chips beside an empty search box: the box holds nothing, the chips hold the modifiers.
  if (values) return values;
  const text = shortText(cell, ctx);
  if (text) return text;
  const hidden = cell.querySelector('input[type="hidden"]');
  if (!hidden) return '';
  logValueRead(ctx, hidden);
  return (hidden as HTMLInputElement).value;
}

function cellFlag(cell: Element | undefined, ctx: ReadContext): boolean | undefined {
  if (!cell) return undefined;
  const box = cell.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
  if (box) {
    logValueRead(ctx, box);
    return box.checked;
  }
  const text = shortText(cell, ctx).toLowerCase();
  if (!text) return undefined;
  return /^(yes|y|x|true|✓|✔|billed|deleted|void)$/.test(text);
}

function columnValues(grid: Grid, row: GridRow, field: ChargeField, ctx: ReadContext): string[] {
  const indices = grid.columns[field] ?? [];
  return indices.map((index) => cellValue(row.cells[index], ctx)).filter(Boolean);
}

/** Row-wide signals: OpenEMR-style hidden inputs, checkboxes named del/billed, strike-through, row classes. */
function rowSignals(
  row: Element,
  ctx: ReadContext,
): {
  deleted: boolean;
  billed: boolean;
  codeType?: string;
  provider?: string;
} {
  let deleted = /\b(deleted|removed|voided?|strike)\b/i.test(row.getAttribute('class') ?? '');
  let billed = false;
  let codeType: string | undefined;
  let provider: string | undefined;
  if (/line-through/.test(row.getAttribute('style') ?? '')) deleted = true;
  for (const control of Array.from(row.querySelectorAll('input[name], select[name]'))) {
    const field = classifyControlName(control.getAttribute('name') ?? '');
    if (!field) continue;
    const input = control as HTMLInputElement;
    logValueRead(ctx, control);
    const value = control.tagName === 'SELECT' ? controlValue(control, ctx) : input.value;
    const on =
      input.type === 'checkbox' || input.type === 'radio'
        ? input.checked
        : value !== '' && value !== '0' && value !== 'false';
    if (field === 'deleted' && on) deleted = true;
    if (field === 'billed' && on) billed = true;
    if (field === 'codeType' && value) codeType = value;
    if (field === 'provider' && value) provider = value;
  }
  if (row.querySelector('s, del, strike')) deleted = true;
  return { deleted, billed, codeType, provider };
}

export function statusFrom(fields: ChargeRowFields): ChargeStatus {
  if (fields.deleted) return 'deleted';
  const status = (fields.status ?? '').toLowerCase();
  if (/deleted|void|removed|cancel/.test(status)) return 'deleted';
  if (fields.billed) return 'billed';
  if (
    /\b(billed|submitted|claimed|posted|sent)\b/.test(status) &&
    !/unbilled|not billed|not submitted/.test(status)
  ) {
    return 'billed';
  }
  return 'unbilled';
}

const ACCEPTED_CODE_TYPES = /cpt|hcpcs|^$/i;

/** Turns the fields read from one row into a charge line, or nothing if the row holds no procedure code. */
export function chargeFromFields(
  fields: ChargeRowFields,
  row: Element,
  scope: Scope,
  label: string,
  read: ChargeReadContext,
): ChargeLine | undefined {
  if (fields.codeType !== undefined && !ACCEPTED_CODE_TYPES.test(fields.codeType.trim())) return undefined;
  const found = findProcedureCode(fields.code);
  if (!found) return undefined;
  const modifiers = fields.modifiers.length > 0 ? fields.modifiers : trailingModifiers(found.rest);
  const shown = fields.units === undefined ? undefined : parseWholeNumber(fields.units);
  const unitsAssumed = shown === undefined || shown > 999;
  const units = shown === undefined || shown > 999 ? 1 : shown;
  if (unitsAssumed) read.assumedUnits++;
  const minutesValue = fields.minutes === undefined ? undefined : parseWholeNumber(fields.minutes);
  const role = fields.provider ? roleFromText(fields.provider) : undefined;
  if (role) read.providerRoles.add(role);
  const selector = cssPath(row, scope);
  const line: ChargeLine = {
    id: stableId('charge', selector),
    code: found.code,
    units,
    modifiers: modifiers.slice(0, 8),
    status: statusFrom(fields),
    source: { url: read.url, selector, label },
  };
  if (minutesValue !== undefined && minutesValue <= 1440) line.minutes = minutesValue;
  if (unitsAssumed) line.unitsAssumed = true;
  return line;
}

/** Reads the charge lines of a grid; rows without a procedure code (diagnoses, totals) are skipped. */
export function chargesFromGrid(grid: Grid, read: ChargeReadContext): ChargeLine[] {
  const lines: ChargeLine[] = [];
  const { ctx } = read;
  for (const row of grid.rows) {
    if (!isVisible(row.el, ctx)) continue;
    const codeText = columnValues(grid, row, 'code', ctx).join(' ');
    if (!codeText) continue;
    const signals = rowSignals(row.el, ctx);
    const deletedCell = (grid.columns.deleted ?? []).some(
      (index) => cellFlag(row.cells[index], ctx) === true,
    );
    const billedCell = (grid.columns.billed ?? []).some((index) => cellFlag(row.cells[index], ctx) === true);
    const unitsValues = columnValues(grid, row, 'units', ctx);
    const minutesValues = columnValues(grid, row, 'minutes', ctx);
    const typeValues = columnValues(grid, row, 'codeType', ctx);
    const fields: ChargeRowFields = {
      code: codeText,
      codeType: typeValues[0] ?? signals.codeType,
      units: unitsValues[0],
      modifiers: parseModifiers(columnValues(grid, row, 'modifiers', ctx).join(' ')),
      minutes: minutesValues[0],
      deleted: signals.deleted || deletedCell,
      billed: signals.billed || billedCell,
      status: columnValues(grid, row, 'status', ctx).join(' '),
      provider: columnValues(grid, row, 'provider', ctx)[0] ?? signals.provider,
    };
    const line = chargeFromFields(fields, row.el, grid.scope, grid.label, read);
    if (line) lines.push(line);
  }
  return lines;
}

export function fieldOfControl(control: Element, ctx: ReadContext): ChargeField | undefined {
  const byName = classifyControlName(control.getAttribute('name') ?? '') ?? classifyControlName(control.id);
  if (byName) return byName;
  return classifyLabel(labelFor(control, ctx));
}

/**
 * Charge lines kept in form controls outside any recognised grid: each code control's row is the largest
 * ancestor that holds no other code control (an OpenEMR table row, a Medplum card).
 */
export function chargesFromControls(
  codeControls: Located[],
  handledRows: Set<Element>,
  read: ChargeReadContext,
  fieldOf: FieldOf = fieldOfControl,
  fallbackLabel = 'Charges',
): ChargeLine[] {
  const { ctx } = read;
  const pending = codeControls.filter(({ el }) => !Array.from(handledRows).some((row) => row.contains(el)));
  const lines: ChargeLine[] = [];
  for (const { el, scope } of pending) {
    if (!isVisible(el, ctx)) continue;
    let row: Element = el.parentElement ?? el;
    for (
      let parent = row.parentElement;
      parent && parent.tagName !== 'BODY' && parent.tagName !== 'FORM';
      parent = parent.parentElement
    ) {
      const others = pending.filter((other) => other.el !== el && parent.contains(other.el));
      if (others.length > 0) break;
      row = parent;
    }
    const rest = readRowFields(row, el, ctx, fieldOf);
    const fields: ChargeRowFields = {
      ...rest,
      code: fieldValue(el, ctx),
      modifiers: parseModifiers(rest.modifiers.join(' ')),
    };
    if (!isProcedureCode(fields.code.split(/[\s:-]/)[0] ?? '')) continue;
    const line = chargeFromFields(fields, row, scope, labelFor(row, ctx) || fallbackLabel, read);
    if (line) {
      handledRows.add(row);
      lines.push(line);
    }
  }
  return lines;
}
