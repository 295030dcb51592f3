/**
 * The page reader: a snapshot of the notes and charge lines the coder sees in one frame. Pure DOM, no
 * extension APIs: it runs in content scripts and, under jsdom, in the CLI.
 */
import type { ChargeLine, NoteText, ProviderRole } from '../engine/model';
import { MAX_CHARGE_LINES } from '../engine/limits';
import { SITE_ADAPTERS } from './adapters';
import {
  adapterMatches,
  applyAdapterCharges,
  applyAdapterNotes,
  type AdapterReading,
} from './adapters/interpret';
import {
  ariaGrid,
  chargesFromControls,
  chargesFromGrid,
  tableGrid,
  type ChargeReadContext,
  type Grid,
} from './charges';
import {
  MAX_FOREIGN_ORIGINS,
  MAX_NOTES,
  MAX_WARNING_CHARS,
  MAX_WARNINGS,
  SCOPE_SEPARATOR,
} from './constants';
import { controlValue } from './controls';
import { labelFor } from './labels';
import { renderedText } from './rendered-text';
import { cssPath, resolveSelectorAll, type Scope } from './selectors';
import { frameDocument } from './tree';
import { isVisible } from './visibility';
import { chargesFromLabels } from './label-charges';
import { chargesFromListItems } from './list-charges';
import { readPageFacts, readTimeInOut } from './facts';
import { createReadContext, type ReadContext, type ReadEntry } from './read-context';
import { heuristicNotes, makeNote, type NoteReadContext, type NoteSource, type ReadNote } from './notes';
import { scanFrame, type Located, type ScanResult } from './scan';
import type { FrameSnapshot } from './snapshot';
import { truncate } from './text';

export interface ReaderOptions {
  /** Coder-picked note fields (saved per site); they win over adapters and heuristics. */
  noteSelectors?: string[];
  /** Coder-picked charge tables (saved per site); they win over adapters and heuristics. */
  chargeSelectors?: string[];
  /** Elements (and their content) the reader must never look at. */
  ignoreSelector?: string;
}

/** A snapshot plus what the watcher needs to keep it current. */
export interface FrameReading {
  snapshot: FrameSnapshot;
  /** Document, open shadow roots and inline editor documents that were read. */
  roots: Array<Document | ShadowRoot>;
  /** Same-origin child frames with their own URL (their own content script reads them). */
  childFrames: HTMLIFrameElement[];
  /** Form controls whose values were read: a value set by script fires no event, so the watcher polls these. */
  controls: Element[];
  /** What the watcher needs to update this reading without a full scan; absent when the read failed. */
  detail?: ReadingDetail;
}

/**
 * A note field whose text reaches the snapshot only through its own note: the one at `index` in
 * snapshot.notes. A textarea is read by value; an editor by the rendered text of its subtree, which then
 * holds nothing the scan collects (no fields, grids, page facts, frames or shadow roots).
 */
export interface TargetField {
  kind: 'value' | 'editable';
  el: Element;
  index: number;
  scope: Scope;
}

export interface ReadingDetail {
  /** The scan this reading came from: control values never change what a scan collects. */
  scan: ScanResult;
  /** Charge grids and rows left out of note text. */
  excluded: ReadonlySet<Element>;
  /** Whether the frame was laid out (false under jsdom); asking again would force a layout. */
  hasLayout: boolean;
  targets: TargetField[];
}

/** Picked selectors may cross shadow roots and editor iframes; keep the prefix that leads to each match. */
function pickedScope(selector: string, el: Element, doc: Document): Scope {
  const cut = selector.lastIndexOf(SCOPE_SEPARATOR.trim());
  if (cut < 0) return { root: doc, prefix: '' };
  const root = el.getRootNode() as Document | ShadowRoot;
  return { root, prefix: `${selector.slice(0, cut).trim()}${SCOPE_SEPARATOR}` };
}

function resolvePicked(
  doc: Document,
  selectors: string[] | undefined,
  kind: string,
  warnings: string[],
): Array<{ el: Element; scope: Scope }> {
  const found: Array<{ el: Element; scope: Scope }> = [];
  for (const selector of selectors ?? []) {
    if (!selector.trim()) continue;
    try {
      for (const el of resolveSelectorAll(doc, selector))
        found.push({ el, scope: pickedScope(selector, el, doc) });
    } catch {
      warnings.push(`A saved ${kind} selector is not valid CSS and was skipped: ${truncate(selector, 200)}`);
    }
  }
  return found;
}

function gridsWithin(el: Element, scope: Scope, ctx: ReadContext): Grid[] {
  const candidates = [
    el,
    ...Array.from(el.querySelectorAll('table, [role="grid"], [role="table"], [role="treegrid"]')),
  ];
  const grids: Grid[] = [];
  for (const candidate of candidates) {
    const grid =
      candidate.tagName === 'TABLE'
        ? tableGrid({ el: candidate as HTMLTableElement, scope }, ctx)
        : /^(grid|table|treegrid)$/.test(candidate.getAttribute('role') ?? '')
          ? ariaGrid({ el: candidate, scope }, ctx)
          : undefined;
    if (grid) grids.push(grid);
  }
  return grids;
}

interface ChargeOutcome {
  charges: ChargeLine[];
  containers: Set<Element>;
}

/** Where the therapist writes or the page shows the note: labels in there are the note's words. */
function noteContainers(scan: ScanResult): Element[] {
  return [...scan.editables, ...scan.reportCandidates].map(({ el }) => el);
}

function heuristicCharges(scan: ScanResult, read: ChargeReadContext): ChargeOutcome {
  const containers = new Set<Element>();
  const charges: ChargeLine[] = [];
  const grids: Grid[] = [];
  for (const located of scan.tables) {
    if (!isVisible(located.el, read.ctx)) continue;
    const grid = tableGrid(located, read.ctx);
    if (grid) grids.push(grid);
  }
  for (const located of scan.ariaGrids) {
    if (!isVisible(located.el, read.ctx)) continue;
    const grid = ariaGrid(located, read.ctx);
    if (grid) grids.push(grid);
  }
  const handledRows = new Set<Element>();
  for (const grid of grids) {
    const lines = chargesFromGrid(grid, read);
    if (lines.length === 0) continue;
    containers.add(grid.el);
    grid.rows.forEach((row) => handledRows.add(row.el));
    charges.push(...lines);
  }
  const controlRows = new Set<Element>(handledRows);
  charges.push(...chargesFromControls(scan.codeControls, controlRows, read));
  for (const row of controlRows) if (!handledRows.has(row)) containers.add(row);
  if (charges.length === 0) {
    const shown = chargesFromLabels(scan.codeLabels, noteContainers(scan), read);
    shown.groups.forEach((group) => containers.add(group));
    charges.push(...shown.charges);
  }
  if (charges.length === 0) {
    const listed = chargesFromListItems(scan.scopes, noteContainers(scan), read);
    listed.items.forEach((item) => containers.add(item));
    charges.push(...listed.charges);
  }
  return { charges, containers };
}

function pickedCharges(
  picked: Array<{ el: Element; scope: Scope }>,
  scan: ScanResult,
  read: ChargeReadContext,
): ChargeOutcome {
  const containers = new Set<Element>();
  const charges: ChargeLine[] = [];
  const handledRows = new Set<Element>();
  for (const { el, scope } of picked) {
    if (!isVisible(el, read.ctx)) continue;
    containers.add(el);
    for (const grid of gridsWithin(el, scope, read.ctx)) {
      grid.rows.forEach((row) => handledRows.add(row.el));
      charges.push(...chargesFromGrid(grid, read));
    }
    const controls: Located[] = scan.codeControls.filter((control) => el.contains(control.el));
    charges.push(...chargesFromControls(controls, handledRows, read));
  }
  return { charges, containers };
}

function pickedNote(
  { el, scope }: { el: Element; scope: Scope },
  read: NoteReadContext,
): NoteText | undefined {
  const frameBody = el.tagName === 'IFRAME' ? (el as HTMLIFrameElement).contentDocument?.body : undefined;
  const target = frameBody ?? el;
  const text =
    target.tagName === 'TEXTAREA' || target.tagName === 'INPUT'
      ? controlValue(target, read.ctx)
      : renderedText(target, { ctx: read.ctx, exclude: read.excluded });
  const targetScope = frameBody
    ? { root: frameBody.ownerDocument, prefix: `${cssPath(el, scope)}${SCOPE_SEPARATOR}` }
    : scope;
  return makeNote('note', target, targetScope, text, labelFor(el, read.ctx) || 'Picked note field', read);
}

function uniqueIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = seen.get(item.id) ?? 0;
    seen.set(item.id, count + 1);
    return count === 0 ? item : { ...item, id: `${item.id}~${count + 1}` };
  });
}

function withinLimits<T extends { source: { selector?: string; label?: string; url?: string } }>(item: T): T {
  const source = { ...item.source };
  if (source.selector !== undefined && source.selector.length > 2048) delete source.selector;
  if (source.label !== undefined) source.label = truncate(source.label, 500);
  if (source.url !== undefined) source.url = truncate(source.url, 4096);
  return { ...item, source };
}

function emptySnapshot(url: string, warnings: string[]): FrameSnapshot {
  return { url: truncate(url, 4096), notes: [], charges: [], foreignFrameOrigins: [], warnings };
}

function documentUrl(doc: Document): string {
  try {
    return doc.URL || 'about:blank';
  } catch {
    return 'about:blank';
  }
}

const ROLE_ORDER: readonly ProviderRole[] = ['PT', 'PTA', 'aide'];

interface FullReading {
  reading: FrameReading & { detail: ReadingDetail };
  sources: Array<NoteSource | undefined>;
  /** What the read looked at, and on whose behalf. */
  log: ReadEntry[];
  /** Saved selectors or a site adapter took part: both find elements by selector. */
  bySelector: boolean;
}

function readFrameUnsafe(doc: Document, options: ReaderOptions, cachedScan?: ScanResult): FullReading {
  const url = documentUrl(doc);
  const scan = cachedScan ?? scanFrame(doc, { ignoreSelector: options.ignoreSelector });
  const ctx = createReadContext(doc, scan.validIgnoreSelector);
  const warnings = [...scan.warnings];
  const providerRoles = new Set<ProviderRole>();
  const chargeRead: ChargeReadContext = { ctx, url, assumedUnits: 0, providerRoles };
  const adapters = SITE_ADAPTERS.filter((adapter) => adapterMatches(adapter, doc));
  const adapterReading: AdapterReading = {
    adapterIds: adapters.map((adapter) => adapter.id),
    chargeContainers: [],
  };

  const pickedChargeEls = resolvePicked(doc, options.chargeSelectors, 'charge table', warnings);
  let chargeOutcome: ChargeOutcome | undefined;
  if (pickedChargeEls.some(({ el }) => isVisible(el, ctx))) {
    chargeOutcome = pickedCharges(pickedChargeEls, scan, chargeRead);
    if (chargeOutcome.charges.length === 0) {
      warnings.push('The charge table picked for this site shows no charge lines GaitGuard can read.');
    }
  } else {
    if (pickedChargeEls.length === 0 && (options.chargeSelectors ?? []).some((s) => s.trim())) {
      warnings.push('The charge table picked for this site was not found on this page.');
    }
    applyAdapterCharges(adapters, doc, chargeRead, adapterReading);
    chargeOutcome = adapterReading.charges
      ? { charges: adapterReading.charges, containers: new Set(adapterReading.chargeContainers) }
      : heuristicCharges(scan, chargeRead);
  }
  if (chargeRead.assumedUnits > 0) {
    warnings.push(`${chargeRead.assumedUnits} charge line(s) show no units; 1 unit was assumed for each.`);
  }

  const noteRead: NoteReadContext = { ctx, url, warnings, excluded: chargeOutcome.containers };
  const pickedNoteEls = resolvePicked(doc, options.noteSelectors, 'note field', warnings);
  let notes: ReadNote[];
  if (pickedNoteEls.some(({ el }) => isVisible(el, ctx))) {
    notes = pickedNoteEls
      .filter(({ el }) => isVisible(el, ctx))
      .map((picked) => pickedNote(picked, noteRead))
      .filter((note): note is NoteText => note !== undefined)
      .map((note) => ({ note }));
  } else {
    if (pickedNoteEls.length === 0 && (options.noteSelectors ?? []).some((s) => s.trim())) {
      warnings.push('The note field picked for this site was not found on this page.');
    }
    applyAdapterNotes(adapters, doc, noteRead, adapterReading);
    notes = adapterReading.notes?.map((note) => ({ note })) ?? heuristicNotes(scan, noteRead);
  }
  const timeNote = readTimeInOut(scan.timeControls, ctx, url);
  if (timeNote) notes.push({ note: timeNote });

  const facts = readPageFacts(scan.factLabels, ctx);
  for (const role of providerRoles) if (!facts.furnishedBy.includes(role)) facts.furnishedBy.push(role);

  if (notes.length > MAX_NOTES) {
    warnings.push(`The page shows ${notes.length} note fields; only the first ${MAX_NOTES} were read.`);
    notes = notes.slice(0, MAX_NOTES);
  }
  const sources = notes.map(({ source }) => source);
  let charges = chargeOutcome.charges;
  if (charges.length > MAX_CHARGE_LINES) {
    warnings.push(
      `The page shows ${charges.length} charge lines; only the first ${MAX_CHARGE_LINES} were read.`,
    );
    charges = charges.slice(0, MAX_CHARGE_LINES);
  }

  const snapshot: FrameSnapshot = {
    url: truncate(url, 4096),
    notes: uniqueIds(notes.map(({ note }) => note)).map(withinLimits),
    charges: uniqueIds(charges).map(withinLimits),
    foreignFrameOrigins: scan.foreignOrigins
      .slice(0, MAX_FOREIGN_ORIGINS)
      .map((origin) => truncate(origin, 300)),
    warnings: [...new Set(warnings)]
      .slice(0, MAX_WARNINGS)
      .map((warning) => truncate(warning, MAX_WARNING_CHARS)),
  };
  const title = doc.title?.trim();
  if (title) snapshot.title = truncate(title, 1000);
  if (facts.dateOfService) snapshot.dateOfService = facts.dateOfService;
  if (facts.payerName) snapshot.payerName = facts.payerName;
  if (facts.payerMethodHint) snapshot.payerMethodHint = facts.payerMethodHint;
  if (facts.encounterId) snapshot.encounterId = facts.encounterId;
  const roles = ROLE_ORDER.filter((role) => facts.furnishedBy.includes(role));
  if (roles.length > 0) snapshot.furnishedBy = roles;

  const controls = [
    ...scan.textareas.map(({ el }) => el),
    ...scan.codeControls.map(({ el }) => el),
    ...scan.timeControls.map(({ el }) => el),
  ];
  for (const container of chargeOutcome.containers) {
    controls.push(...Array.from(container.querySelectorAll('input, select')));
  }
  const bySelector =
    adapters.length > 0 ||
    [...(options.noteSelectors ?? []), ...(options.chargeSelectors ?? [])].some((s) => s.trim());
  const detail: ReadingDetail = {
    scan,
    excluded: chargeOutcome.containers,
    hasLayout: ctx.hasLayout,
    targets: [],
  };
  return {
    reading: {
      snapshot,
      roots: scan.scopes.map((scope) => scope.root),
      childFrames: scan.childFrames,
      controls,
      detail,
    },
    sources,
    log: ctx.log,
    bySelector,
  };
}

function isWithin(node: Node, el: Element): boolean {
  return node === el || el.contains(node);
}

/** True when something the scan collected lies inside the editor: typing there could change it. */
function holdsScanned(el: Element, scan: ScanResult): boolean {
  const located = [
    ...scan.textareas,
    ...scan.editables,
    ...scan.tables,
    ...scan.ariaGrids,
    ...scan.codeControls,
    ...scan.timeControls,
  ];
  if (located.some((item) => item.el !== el && isWithin(item.el, el))) return true;
  if (scan.factLabels.some(({ node }) => el.contains(node))) return true;
  if ([...scan.childFrames, ...scan.foreignFrames].some((frame) => el.contains(frame))) return true;
  return scan.scopes.some(({ root }) => {
    const holder =
      root.nodeType === 11 ? (root as ShadowRoot).host : (root as Document).defaultView?.frameElement;
    return holder != null && el.contains(holder);
  });
}

/** Fields whose own note is the only part of the snapshot that their value or text reaches. */
function targetFields({ reading, sources, bySelector, log }: FullReading): TargetField[] {
  const { scan } = reading.detail;
  const targets: TargetField[] = [];
  sources.forEach((source, index) => {
    if (!source) return;
    const { el, kind } = source;
    const foreign = log.some((entry) => {
      if (entry.owner === el) return false;
      if (kind === 'value') return entry.node === el;
      // An editor's text must reach nothing but its note: no label, cell or fact read inside or around it.
      return isWithin(entry.node, el) || (entry.node.nodeType === 1 && (entry.node as Element).contains(el));
    });
    if (foreign) return;
    if (kind === 'editable') {
      // Saved selectors and site adapters find elements by selector; new markup in the editor could match.
      if (bySelector || holdsScanned(el, scan)) return;
    }
    const located = [...scan.textareas, ...scan.editables].find((item) => item.el === el);
    if (located) targets.push({ kind, el, index, scope: located.scope });
  });
  return targets;
}

/**
 * Reads one frame; with `cachedScan`, the scan of a page whose markup has not changed since (only control
 * values have), which gives the same reading as a fresh scan without walking the page again.
 */
export function readFrameReusing(
  doc: Document,
  options: ReaderOptions,
  cachedScan?: ScanResult,
): FrameReading {
  const full = readFrameUnsafe(doc, options, cachedScan);
  full.reading.detail.targets = targetFields(full);
  return full.reading;
}

/** Reads one frame and reports what else the watcher must keep an eye on. Never throws. */
export function readFrameDetailed(doc: Document, options: ReaderOptions = {}): FrameReading {
  try {
    return readFrameReusing(doc, options);
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unknown error';
    return {
      snapshot: emptySnapshot(documentUrl(doc), [`The page could not be read (${reason}).`]),
      roots: [doc],
      childFrames: [],
      controls: [],
    };
  }
}

/** A snapshot of what the coder sees in this frame. Pure, synchronous, never mutates the DOM, never throws. */
export function readFrame(doc: Document, options: ReaderOptions = {}): FrameSnapshot {
  return readFrameDetailed(doc, options).snapshot;
}

const MAX_FRAME_DEPTH = 10;

/**
 * Reads a frame and every accessible same-origin child frame with its own URL, depth first, parent first.
 * For the CLI, where no content script runs in child frames; in a browser each frame reads itself.
 */
export function readFrameTree(doc: Document, options: ReaderOptions = {}): FrameSnapshot[] {
  const snapshots: FrameSnapshot[] = [];
  const visited = new Set<Document>();
  const visit = (current: Document, depth: number): void => {
    if (visited.has(current) || depth > MAX_FRAME_DEPTH) return;
    visited.add(current);
    const reading = readFrameDetailed(current, options);
    snapshots.push(reading.snapshot);
    for (const frame of reading.childFrames) {
      const child = frameDocument(frame);
      if (child?.documentElement) visit(child, depth + 1);
    }
  };
  visit(doc, 0);
  return snapshots;
}

/**
 * False for an inline editor frame (about:blank or srcdoc inside a same-origin parent): the parent frame
 * reads it, so a content script injected there (match_about_blank) must not report it a second time.
 */
export function shouldReportFrame(doc: Document): boolean {
  const url = documentUrl(doc);
  if (url !== 'about:blank' && url !== 'about:srcdoc') return true;
  try {
    return !doc.defaultView?.frameElement;
  } catch {
    return true;
  }
}
