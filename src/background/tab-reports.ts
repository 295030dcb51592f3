/**
 * The merged picture of each tab: the latest snapshot of every frame, kept in the worker's memory only.
 * Patient text never goes to storage; when the worker restarts, the tab's frames are asked to resend.
 */
import type { FrameSnapshot } from '../reader/snapshot';
import { mergeFrames } from '../reader/merge';
import { decidePayer } from '../reader/payer-methods';
import { summarizeRead } from '../reader/read-summary';
import { analyzeEncounter, type EditTables } from '../engine/index';
import { reviewDay } from '../engine/day-review';
import type { Finding, Severity } from '../engine/model';
import { bySeverity } from '../engine/model';
import type { TabReport } from '../messages/to-content';
import type { EffectiveSettings } from '../shared/policy';
import { defaultSiteSettings, type SiteSettings } from '../shared/settings';

interface TabFrames {
  origin: string;
  frames: Map<number, FrameSnapshot>;
}

const tabs = new Map<number, TabFrames>();

export function knowsTab(tabId: number): boolean {
  return tabs.has(tabId);
}

/** Records a frame's snapshot. The top frame's origin is the site the tab's settings come from. */
export function putFrame(tabId: number, frameId: number, topOrigin: string, snapshot: FrameSnapshot): void {
  let entry = tabs.get(tabId);
  if (!entry || entry.origin !== topOrigin) {
    entry = { origin: topOrigin, frames: new Map() };
    tabs.set(tabId, entry);
  }
  entry.frames.set(frameId, snapshot);
}

export function dropFrame(tabId: number, frameId: number): void {
  const entry = tabs.get(tabId);
  if (!entry) return;
  entry.frames.delete(frameId);
  // Leaving the top document ends the tab's picture. So does losing its last frame: a child frame's last
  // snapshot can land after the top frame said it was gone, and must not keep an empty tab alive.
  if (frameId === 0 || entry.frames.size === 0) tabs.delete(tabId);
}

export function dropTab(tabId: number): void {
  tabs.delete(tabId);
}

export function dropOrigin(origin: string): number[] {
  const dropped: number[] = [];
  for (const [tabId, entry] of tabs) {
    if (entry.origin === origin) {
      tabs.delete(tabId);
      dropped.push(tabId);
    }
  }
  return dropped;
}

/** The sites of the tabs GaitGuard currently holds reports for. */
export function knownTabOrigins(): Set<string> {
  return new Set([...tabs.values()].map((entry) => entry.origin));
}

export function tabOrigin(tabId: number): string | undefined {
  return tabs.get(tabId)?.origin;
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

export function buildReport(
  tabId: number,
  settings: EffectiveSettings,
  tables: EditTables | undefined,
): TabReport | undefined {
  const entry = tabs.get(tabId);
  if (!entry) return undefined;
  const site = siteSettingsFor(settings, entry.origin);
  const frames = [...entry.frames].map(([frameId, snapshot]) => ({ frameId, snapshot }));
  const payerName = frames.find((frame) => frame.snapshot.payerName)?.snapshot.payerName;
  const payer = decidePayer(payerName, {
    method: site.method,
    medicare: site.medicare,
    override: site.methodOverride === true,
  });
  const encounter = mergeFrames(frames, {
    name: payerName ?? (payer.medicare ? 'Medicare' : 'Commercial'),
    method: payer.method,
    medicare: payer.medicare,
  });
  const encounterId = frames.find((frame) => frame.snapshot.encounterId)?.snapshot.encounterId;
  const disabledRules = [...settings.disabledRules, ...(site.disabledRules ?? [])];
  const findings = analyzeEncounter(encounter, { disabledRules, tables });
  const foreignOrigins = new Set<string>();
  const warnings = new Set<string>();
  for (const { snapshot } of frames) {
    snapshot.foreignFrameOrigins.forEach((origin) => foreignOrigins.add(origin));
    snapshot.warnings.forEach((warning) => warnings.add(warning));
  }
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
    read: summarizeRead({ encounter, payer, ...(encounterId ? { encounterId } : {}) }),
    day: reviewDay(encounter, findings, tables),
  };
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (!worst || bySeverity(finding.severity, worst) < 0) worst = finding.severity;
  }
  return worst;
}
