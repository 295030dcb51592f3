/**
 * The worker's report store: the latest snapshot of every accepted frame of each tab and the tab's report,
 * kept in the worker's memory only. A report is computed once per change of a snapshot, of the settings or
 * of the tables, and then served from here to every popup and overlay that asks. Patient text never goes to
 * storage; when the worker restarts, the tab's frames are asked to resend.
 */
import type { FrameSnapshot } from '../reader/snapshot';
import { mergeFrames } from '../reader/merge';
import { analyzeEncounter, RULES, type EditTables } from '../engine/index';
import { bySeverity, type Finding, type Severity } from '../engine/model';
import { decidePayer } from '../reader/payer-methods';
import { summarizeRead } from '../reader/read-summary';
import {
  createEncounterMemory,
  encounterKeyFromUrl,
  encounterKeyOf,
  type EncounterMemory,
} from '../reader/encounter-memory';
import { reviewDay } from '../engine/day-review';
import type { Cut, IgnoredFrame, IgnoreReason, TabReport } from '../messages/to-content';
import type { EffectiveSettings } from '../shared/policy';
import { defaultSiteSettings, type SiteSettings } from '../shared/settings';
import { FRAMES_PER_TAB, SNAPSHOT_CHAR_CAP, TAB_CHAR_CAP } from '../shared/limits';

interface FrameEntry {
  origin: string;
  snapshot: FrameSnapshot;
  chars: number;
  cuts: Cut[];
}

interface TabEntry {
  /** The top frame's site: the tab's settings come from it. */
  origin: string;
  frames: Map<number, FrameEntry>;
  ignored: Map<number, IgnoredFrame>;
  report?: TabReport;
  /** The settings and tables the cached report was computed with; another pair means it is out of date. */
  basis?: { settings: EffectiveSettings; tables: EditTables | undefined };
  revision: number;
}

const tabs = new Map<number, TabEntry>();
/** Per tab, for the tab's life: what other views of the encounter on screen showed (see encounter-memory). */
const memories = new Map<number, { origin: string; memory: EncounterMemory }>();

function memoryFor(tabId: number, origin: string): EncounterMemory {
  let held = memories.get(tabId);
  if (held?.origin !== origin) {
    held = { origin, memory: createEncounterMemory() };
    memories.set(tabId, held);
  }
  return held.memory;
}
const MAX_IGNORED_LISTED = 50;

/** Counters for the benchmark's analyses-per-change figure. No note content. */
export const storeStats = { changes: 0, analyses: 0 };

export function knowsTab(tabId: number): boolean {
  return tabs.has(tabId);
}

export function tabIds(): number[] {
  return [...tabs.keys()];
}

function entryFor(tabId: number, topOrigin: string): TabEntry {
  let entry = tabs.get(tabId);
  if (!entry || entry.origin !== topOrigin) {
    entry = { origin: topOrigin, frames: new Map(), ignored: new Map(), revision: entry?.revision ?? 0 };
    tabs.set(tabId, entry);
  }
  return entry;
}

function noteChars(snapshot: FrameSnapshot): number {
  return snapshot.notes.reduce((sum, note) => sum + note.text.length, 0);
}

/** Cuts the notes of a snapshot to `budget` characters, keeping whole notes first and the start of the next. */
function cutNotes(snapshot: FrameSnapshot, budget: number): FrameSnapshot {
  let left = budget;
  const notes = [];
  for (const note of snapshot.notes) {
    if (left <= 0) break;
    notes.push(note.text.length <= left ? note : { ...note, text: note.text.slice(0, left) });
    left -= Math.min(left, note.text.length);
  }
  return { ...snapshot, notes };
}

/** `changed`: whether what the tab's report is computed from changed, so the tab needs analysing again. */
export type PutResult =
  { accepted: true; changed: boolean } | { accepted: false; reason: IgnoreReason; changed: boolean };

/**
 * Whether two values of message data (plain objects, arrays, strings, numbers) hold the same. Strings
 * compare by content, so a frame that sends its unchanged megabyte note again costs one comparison.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameData(left[key], right[key]));
}

/**
 * Records a frame's snapshot, within the caps. `frameOrigin` is the frame's own site as the browser reported
 * the sender; the top frame's origin is the site the tab's settings come from.
 */
export function putFrame(
  tabId: number,
  frameId: number,
  topOrigin: string,
  frameOrigin: string,
  snapshot: FrameSnapshot,
): PutResult {
  const entry = entryFor(tabId, topOrigin);
  if (!entry.frames.has(frameId) && entry.frames.size >= FRAMES_PER_TAB) {
    const changed = ignoreFrame(tabId, frameId, topOrigin, frameOrigin, 'too-many-frames');
    return { accepted: false, reason: 'too-many-frames', changed };
  }
  const cuts: Cut[] = [];
  let kept = snapshot;
  const total = noteChars(snapshot);
  if (total > SNAPSHOT_CHAR_CAP) {
    kept = cutNotes(kept, SNAPSHOT_CHAR_CAP);
    cuts.push({ what: 'snapshot-chars', origin: frameOrigin, kept: SNAPSHOT_CHAR_CAP, total });
  }
  let others = 0;
  for (const [id, frame] of entry.frames) if (id !== frameId) others += frame.chars;
  const room = Math.max(0, TAB_CHAR_CAP - others);
  const chars = noteChars(kept);
  if (chars > room) {
    kept = cutNotes(kept, room);
    cuts.push({ what: 'tab-chars', origin: frameOrigin, kept: room, total: chars });
  }
  // A frame past the tab's cap sends text that is cut to nothing, and a page may re-send what it showed: what
  // the report is computed from is then the same, and the tab is not analysed again for it.
  const before = entry.frames.get(frameId);
  if (
    before?.origin === frameOrigin &&
    !entry.ignored.has(frameId) &&
    sameData(before.cuts, cuts) &&
    sameData(before.snapshot, kept)
  ) {
    return { accepted: true, changed: false };
  }
  entry.frames.set(frameId, { origin: frameOrigin, snapshot: kept, chars: Math.min(chars, room), cuts });
  entry.ignored.delete(frameId);
  entry.basis = undefined;
  storeStats.changes += 1;
  return { accepted: true, changed: true };
}

/**
 * Notes that a frame's messages are not used, so the report can say which frames were left out and why.
 * Returns whether the tab's report changed for it (a frame already listed for the same reason changes nothing).
 */
export function ignoreFrame(
  tabId: number,
  frameId: number,
  topOrigin: string,
  frameOrigin: string,
  reason: IgnoreReason,
): boolean {
  const entry = entryFor(tabId, topOrigin);
  const had = entry.frames.delete(frameId);
  const before = entry.ignored.get(frameId);
  if (before?.origin === frameOrigin && before.reason === reason && !had) return false;
  if (!before && entry.ignored.size >= MAX_IGNORED_LISTED) {
    if (had) entry.basis = undefined;
    return had;
  }
  entry.ignored.set(frameId, { origin: frameOrigin, reason });
  entry.basis = undefined;
  return true;
}

export function dropFrame(tabId: number, frameId: number): void {
  const entry = tabs.get(tabId);
  if (!entry) return;
  entry.frames.delete(frameId);
  entry.ignored.delete(frameId);
  entry.basis = undefined;
  // Leaving the top document ends the tab's picture. So does losing its last frame: a child frame's last
  // snapshot can land after the top frame said it was gone, and must not keep an empty tab alive.
  if (frameId === 0 || entry.frames.size === 0) tabs.delete(tabId);
}

/** Drops every frame of `origin` in every tab (the site was turned off or paused); returns the tabs touched. */
export function dropFrameOrigin(origin: string): number[] {
  const touched: number[] = [];
  for (const [tabId, entry] of tabs) {
    if (entry.origin === origin) {
      tabs.delete(tabId);
      memories.delete(tabId);
      touched.push(tabId);
      continue;
    }
    let changed = false;
    for (const [frameId, frame] of entry.frames) {
      if (frame.origin !== origin) continue;
      entry.frames.delete(frameId);
      changed = true;
    }
    if (!changed) continue;
    entry.basis = undefined;
    if (entry.frames.size === 0) tabs.delete(tabId);
    touched.push(tabId);
  }
  return touched;
}

export function dropTab(tabId: number): void {
  tabs.delete(tabId);
  memories.delete(tabId);
}

/** The sites of every frame GaitGuard currently holds, top frames and others. */
export function knownOrigins(): Set<string> {
  const origins = new Set<string>();
  for (const entry of tabs.values()) {
    origins.add(entry.origin);
    for (const frame of entry.frames.values()) origins.add(frame.origin);
  }
  return origins;
}

export function tabOrigin(tabId: number): string | undefined {
  return tabs.get(tabId)?.origin;
}

/** The site of one frame the store holds. */
export function frameOrigin(tabId: number, frameId: number): string | undefined {
  return tabs.get(tabId)?.frames.get(frameId)?.origin;
}

/** The frame that holds a merged note or charge id (merge prefixes ids with "<frameId>:"). */
export function frameOfMergedId(mergedId: string): { frameId: number; localId: string } | undefined {
  const match = /^(\d+):(.*)$/s.exec(mergedId);
  if (!match) return undefined;
  return { frameId: Number(match[1]), localId: match[2] ?? '' };
}

export function siteSettingsFor(settings: EffectiveSettings, origin: string): SiteSettings {
  return settings.sites[origin] ?? defaultSiteSettings(origin);
}

/** The tab's report, computed only when a snapshot, the settings or the tables changed since the last one. */
export function reportFor(
  tabId: number,
  settings: EffectiveSettings,
  tables: EditTables | undefined,
): TabReport | undefined {
  const entry = tabs.get(tabId);
  if (!entry) return undefined;
  if (entry.report && entry.basis?.settings === settings && entry.basis.tables === tables)
    return entry.report;
  entry.revision += 1;
  entry.report = analyze(tabId, entry, settings, tables);
  entry.basis = { settings, tables };
  storeStats.analyses += 1;
  return entry.report;
}

/** The last report computed, whatever changed since (for a popup that opens while an analysis is pending). */
export function cachedReport(tabId: number): TabReport | undefined {
  return tabs.get(tabId)?.report;
}

function analyze(
  tabId: number,
  entry: TabEntry,
  settings: EffectiveSettings,
  tables: EditTables | undefined,
): TabReport {
  const site = siteSettingsFor(settings, entry.origin);
  const frames = [...entry.frames].map(([frameId, frame]) => ({ frameId, snapshot: frame.snapshot }));
  const payerName = frames.find((frame) => frame.snapshot.payerName)?.snapshot.payerName;
  const payer = decidePayer(payerName, {
    method: site.method,
    medicare: site.medicare,
    override: site.methodOverride === true,
  });
  const onScreen = mergeFrames(frames, {
    name: payerName ?? (payer.medicare ? 'Medicare' : 'Commercial'),
    method: payer.method,
    medicare: payer.medicare,
  });
  const shownId = frames.find((frame) => frame.snapshot.encounterId)?.snapshot.encounterId;
  const topUrl = entry.frames.get(0)?.snapshot.url;
  const key = encounterKeyOf(topUrl, shownId);
  // An app that shows no encounter number still names the encounter in its route: the coder sees which
  // encounter the memory holds, so a lent note is never attributed to an encounter they cannot identify.
  const addressId = shownId ? undefined : topUrl && encounterKeyFromUrl(topUrl);
  const encounterId = shownId ?? addressId;
  const remembered = memoryFor(tabId, entry.origin).view(key, onScreen, Date.now());
  const encounter = remembered.encounter;
  const disabledRules = [...settings.disabledRules, ...(site.disabledRules ?? [])];
  const findings = analyzeEncounter(encounter, { disabledRules, tables });
  const foreignOrigins = new Set<string>();
  const warnings = new Set<string>();
  const cuts: Cut[] = [];
  for (const frame of entry.frames.values()) {
    frame.snapshot.foreignFrameOrigins.forEach((origin) => foreignOrigins.add(origin));
    frame.snapshot.warnings.forEach((warning) => warnings.add(warning));
    cuts.push(...frame.cuts);
  }
  const ignoredFrames = [...entry.ignored.values()];
  const frameCount = entry.frames.size + ignoredFrames.length;
  const tooMany = ignoredFrames.filter((frame) => frame.reason === 'too-many-frames').length;
  if (tooMany > 0) {
    cuts.push({ what: 'frames', origin: entry.origin, kept: entry.frames.size, total: frameCount });
  }
  for (const frame of ignoredFrames) if (frame.reason !== 'too-many-frames') foreignOrigins.add(frame.origin);
  const hasGait = encounter.charges.some((line) => line.code === '97116' && line.status !== 'deleted');
  return {
    status: encounter.notes.length === 0 && !hasGait ? 'empty' : 'ready',
    findings,
    noteCount: encounter.notes.length,
    chargeCount: encounter.charges.filter((line) => line.status !== 'deleted').length,
    foreignOrigins: [...foreignOrigins].filter(
      (origin) => origin !== entry.origin && settings.sites[origin]?.state !== 'on',
    ),
    warnings: [...warnings],
    method: payer.method,
    medicare: payer.medicare,
    read: summarizeRead({
      encounter,
      payer,
      ...(encounterId ? { encounterId, encounterFrom: addressId ? 'address' : 'page' } : {}),
      offScreenIds: remembered.offScreenIds,
      encounterChanged: remembered.changed,
    }),
    day: reviewDay(encounter, findings, tables),
    ignoredFrames,
    cuts,
    detailsInPopup: false,
    revision: entry.revision,
  };
}

/**
 * The copy of a report that may enter the top page's DOM. Text read in a frame of another site (quotes,
 * messages built from its numbers, its warnings) stays out: the top page could read it from there. Such a
 * finding keeps only its rule's title and points to the popup.
 */
export function pageSafeReport(tabId: number, report: TabReport): TabReport {
  const entry = tabs.get(tabId);
  if (!entry) return report;
  const foreignFrames = new Set<number>();
  for (const [frameId, frame] of entry.frames) if (frame.origin !== entry.origin) foreignFrames.add(frameId);
  if (foreignFrames.size === 0) return report;
  const fromForeign = (finding: Finding) =>
    finding.evidence.some((evidence) => {
      const location = frameOfMergedId(evidence.kind === 'note' ? evidence.noteId : evidence.chargeId);
      return location !== undefined && foreignFrames.has(location.frameId);
    });
  const ownWarnings = new Set<string>();
  for (const [frameId, frame] of entry.frames) {
    if (!foreignFrames.has(frameId)) frame.snapshot.warnings.forEach((warning) => ownWarnings.add(warning));
  }
  let reduced = false;
  const findings = report.findings.map((finding) => {
    if (!fromForeign(finding)) return finding;
    reduced = true;
    const title = RULES.find((rule) => rule.id === finding.rule)?.title ?? finding.rule;
    return { ...finding, message: title, explanation: '', evidence: [], fix: '' };
  });
  const warnings = report.warnings.filter((warning) => ownWarnings.has(warning));
  // The summary of what was read and the day's table name fields and charge lines of every frame, the
  // other site's included: they stay in the popup.
  const { read, day, ...rest } = report;
  return {
    ...rest,
    findings,
    warnings,
    detailsInPopup:
      reduced || warnings.length !== report.warnings.length || read !== undefined || day !== undefined,
  };
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (!worst || bySeverity(finding.severity, worst) < 0) worst = finding.severity;
  }
  return worst;
}
