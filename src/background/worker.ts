/**
 * The background worker: merges each tab's frames, runs the rule engine, feeds the overlay, popup and badge,
 * and keeps per-site script registrations in step with settings and permissions. Listeners are attached
 * synchronously at start so a worker woken by an event receives it.
 */
import browser from 'webextension-polyfill';
import { createMessageHandler, type Reply } from './handle-message';
import { loadEffectiveSettings, updateSettings } from './settings-store';
import {
  activeOrigins,
  hasOriginPermission,
  injectIntoOpenTabs,
  syncRegistration,
  teardownOpenTabs,
} from './sites';
import {
  buildReport,
  dropFrame,
  dropOrigin,
  dropTab,
  frameOfMergedId,
  knownTabOrigins,
  knowsTab,
  putFrame,
  siteSettingsFor,
  tabOrigin,
  worstSeverity,
} from './tab-reports';
import type { ContentToBackground, PageToBackground } from '../messages/to-background';
import type { BackgroundToContent, TabReport } from '../messages/to-content';
import type { Evidence, RuleId, Severity } from '../engine/model';
import { defaultSiteSettings, originPattern, siteOriginOf } from '../shared/settings';
import type { Settings, SiteSettings } from '../shared/settings';
import { describeSiteState } from './site-state';
import { buildOptionsState, loadImportedTables, parseTablesFile, saveImportedTables } from './options-state';

const BADGE_COLOURS: Record<Severity, string> = { error: '#b3261e', warning: '#8a5300', info: '#1a5fb4' };

const pendingAnalysis = new Map<number, ReturnType<typeof setTimeout>>();
const resendAsked = new Set<number>();

async function send(tabId: number, message: BackgroundToContent, frameId?: number): Promise<void> {
  await browser.tabs
    .sendMessage(tabId, message, frameId === undefined ? undefined : { frameId })
    .catch(() => undefined);
}

async function updateBadge(tabId: number, report: TabReport | undefined): Promise<void> {
  const count = report?.findings.length ?? 0;
  const worst = report ? worstSeverity(report.findings) : undefined;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  if (worst)
    await browser.action
      .setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] })
      .catch(() => undefined);
}

async function analyzeTab(tabId: number): Promise<TabReport | undefined> {
  const settings = await loadEffectiveSettings();
  const report = buildReport(tabId, settings, await loadImportedTables());
  await updateBadge(tabId, report);
  if (report) {
    const origin = tabOrigin(tabId);
    const site = origin ? settings.sites[origin] : undefined;
    await send(
      tabId,
      { type: 'report', report, overlayHidden: settings.overlayHidden, placement: site?.overlay },
      0,
    );
  }
  return report;
}

/** Coalesces the bursts of snapshots that several frames send on load into one analysis. */
function scheduleAnalysis(tabId: number): void {
  const pending = pendingAnalysis.get(tabId);
  if (pending !== undefined) clearTimeout(pending);
  pendingAnalysis.set(
    tabId,
    setTimeout(() => {
      pendingAnalysis.delete(tabId);
      void analyzeTab(tabId);
    }, 30),
  );
}

async function revealEvidence(tabId: number, evidence: Evidence): Promise<Reply> {
  const mergedId = evidence.kind === 'note' ? evidence.noteId : evidence.chargeId;
  const location = frameOfMergedId(mergedId);
  if (!location) return { ok: false, error: 'That evidence is no longer on the page' };
  await send(tabId, { type: 'reveal', evidence, localId: location.localId }, location.frameId);
  return { ok: true };
}

/**
 * After an update the old content scripts are orphaned; the new ones are injected into open tabs of enabled
 * sites and replace them (the old ones leave on the new instance's signal), so coders need not reload.
 */
async function afterInstall(reason: string): Promise<void> {
  await reconcile();
  if (reason !== 'update') return;
  const origins = await activeOrigins(await loadEffectiveSettings());
  await Promise.all(origins.map((origin) => injectIntoOpenTabs(origin)));
}

async function reconcile(): Promise<void> {
  const settings = await loadEffectiveSettings();
  await syncRegistration(await activeOrigins(settings));
}

async function fromContent(
  message: ContentToBackground,
  context: { tabId: number; frameId: number; topOrigin: string },
): Promise<Reply> {
  const { tabId, frameId, topOrigin } = context;
  switch (message.type) {
    case 'snapshot': {
      const wasKnown = knowsTab(tabId);
      putFrame(tabId, frameId, topOrigin, message.snapshot);
      // After a worker restart the other frames' parts are gone: ask every frame of the tab once.
      if (!wasKnown && !resendAsked.has(tabId)) {
        resendAsked.add(tabId);
        void send(tabId, { type: 'resend' });
      }
      scheduleAnalysis(tabId);
      return { ok: true };
    }
    case 'frame-gone':
      dropFrame(tabId, frameId);
      if (frameId === 0) {
        resendAsked.delete(tabId);
        await updateBadge(tabId, undefined);
      } else {
        scheduleAnalysis(tabId);
      }
      return { ok: true };
    case 'reveal-request':
      return revealEvidence(tabId, message.evidence);
    case 'save-overlay':
      await updateSettings((settings) => {
        const site = settings.sites[topOrigin];
        if (site) site.overlay = message.placement;
      });
      return { ok: true };
    case 'save-pick':
      await updateSettings((own) =>
        editSite(own, topOrigin, (site) => {
          site[message.kind === 'note' ? 'noteSelectors' : 'chargeSelectors'] = [message.selector];
        }),
      );
      await send(tabId, { type: 'resend' });
      return { ok: true };
  }
}

async function fromPage(message: PageToBackground): Promise<Reply> {
  switch (message.type) {
    case 'get-tab-state': {
      const tab = await browser.tabs.get(message.tabId).catch(() => undefined);
      const origin = siteOriginOf(tab?.url);
      const settings = await loadEffectiveSettings();
      const report = knowsTab(message.tabId)
        ? buildReport(message.tabId, settings, await loadImportedTables())
        : undefined;
      const site = origin ? siteSettingsFor(settings, origin) : undefined;
      const state = origin
        ? describeSiteState(settings, origin, await hasOriginPermission(origin))
        : 'unsupported';
      return {
        ok: true,
        data: {
          origin,
          state,
          locked: origin ? settings.lockedOrigins.includes(origin) : false,
          method: site?.method ?? 'cms',
          medicare: site?.medicare ?? true,
          report,
          overlayHidden: settings.overlayHidden,
        },
      };
    }
    case 'enable-site': {
      if (!(await hasOriginPermission(message.origin))) {
        return { ok: false, error: `GaitGuard has no permission for ${message.origin} yet` };
      }
      await updateSettings((own) => editSite(own, message.origin, (site) => (site.state = 'on')));
      await reconcile();
      await injectIntoOpenTabs(message.origin);
      return { ok: true };
    }
    case 'pause-site': {
      if (await isLocked(message.origin)) return LOCKED;
      await updateSettings((own) =>
        editSite(own, message.origin, (site) => (site.state = message.paused ? 'paused' : 'on')),
      );
      await reconcile();
      if (message.paused) await stopOriginTabs(message.origin);
      else await injectIntoOpenTabs(message.origin);
      return { ok: true };
    }
    case 'disable-site': {
      const settings = await loadEffectiveSettings();
      if (settings.lockedOrigins.includes(message.origin)) return LOCKED;
      await stopOriginTabs(message.origin);
      // A site an (unlocked) policy lists would come back "on"; the coder's "off" is kept as paused.
      await updateSettings((own) => {
        if (settings.policyOrigins.includes(message.origin)) {
          editSite(own, message.origin, (site) => (site.state = 'paused'));
        } else {
          delete own.sites[message.origin];
        }
      });
      await browser.permissions.remove({ origins: [originPattern(message.origin)] }).catch(() => false);
      await reconcile();
      return { ok: true };
    }
    case 'set-site-method': {
      if (await isLocked(message.origin)) return LOCKED;
      await updateSettings((own) =>
        editSite(own, message.origin, (site) => {
          site.method = message.method;
          site.medicare = message.medicare;
          site.methodOverride = true;
        }),
      );
      await reanalyzeOrigin(message.origin);
      return { ok: true };
    }
    case 'set-rule-enabled': {
      const settings = await loadEffectiveSettings();
      if (settings.lockedRules.includes(message.rule)) return LOCKED;
      const toggle = (rules: RuleId[]) => {
        const others = rules.filter((rule) => rule !== message.rule);
        return message.enabled ? others : [...others, message.rule];
      };
      const { origin } = message;
      await updateSettings((own) => {
        if (origin) editSite(own, origin, (site) => (site.disabledRules = toggle(site.disabledRules ?? [])));
        else own.disabledRules = toggle(own.disabledRules);
      });
      await reanalyzeAll();
      return { ok: true };
    }
    case 'reveal':
      return revealEvidence(message.tabId, message.evidence);
    case 'get-settings':
      return { ok: true, data: await buildOptionsState(await loadEffectiveSettings()) };
    case 'import-tables': {
      const parsed = parseTablesFile(message.tables);
      if (!parsed.ok) return parsed;
      await saveImportedTables(parsed.tables);
      await reanalyzeAll();
      return { ok: true };
    }
    case 'reset-tables':
      await saveImportedTables(undefined);
      await reanalyzeAll();
      return { ok: true };
    case 'toggle-overlay': {
      const settings = await updateSettings((own) => {
        own.overlayHidden = !own.overlayHidden;
      });
      await broadcastOverlayVisibility(settings.overlayHidden);
      return { ok: true, data: { overlayHidden: settings.overlayHidden } };
    }
  }
}

const LOCKED: Reply = { ok: false, error: 'Set by your organisation' };

async function isLocked(origin: string): Promise<boolean> {
  return (await loadEffectiveSettings()).lockedOrigins.includes(origin);
}

/** Changes the coder's own entry for a site, creating it with defaults the first time. */
function editSite(settings: Settings, origin: string, change: (site: SiteSettings) => void): void {
  const site = settings.sites[origin] ?? defaultSiteSettings(origin);
  change(site);
  settings.sites[origin] = site;
}

async function stopOriginTabs(origin: string): Promise<void> {
  await teardownOpenTabs(origin);
  clearOriginTabs(origin);
}

function clearOriginTabs(origin: string): void {
  for (const tabId of dropOrigin(origin)) void updateBadge(tabId, undefined);
}

async function reanalyzeOrigin(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: originPattern(origin) }).catch(() => []);
  await Promise.all(
    tabs.map((tab) => (tab.id !== undefined && knowsTab(tab.id) ? analyzeTab(tab.id) : undefined)),
  );
}

async function reanalyzeAll(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id !== undefined && knowsTab(tab.id) ? analyzeTab(tab.id) : undefined)),
  );
}

async function broadcastOverlayVisibility(hidden: boolean): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id !== undefined && knowsTab(tab.id)
        ? send(tab.id, { type: 'toggle-overlay', hidden }, 0)
        : undefined,
    ),
  );
}

const handleMessage = createMessageHandler({
  extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  fromContent,
  fromPage,
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, sender),
);
browser.runtime.onInstalled.addListener((details) => void afterInstall(details.reason));
browser.runtime.onStartup.addListener(() => void reconcile());
browser.permissions.onRemoved.addListener(() => void reconcileAndRelease());
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void reconcileAndRelease();
});
browser.tabs.onRemoved.addListener((tabId) => {
  dropTab(tabId);
  resendAsked.delete(tabId);
});
browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-overlay') void fromPage({ type: 'toggle-overlay' });
});

// Tabs' content survives the worker being stopped, but our memory of them does not: rebuild on wake.
void reconcileAndRelease();

/**
 * After a permission is withdrawn in the browser's own settings (or policy changes), the registration
 * follows, and open tabs of sites no longer active lose their reader and report now rather than at reload.
 * Their URLs may already be hidden from us, so the tabs are found through the reports we hold.
 */
async function reconcileAndRelease(): Promise<void> {
  await reconcile();
  const settings = await loadEffectiveSettings();
  const active = new Set(await activeOrigins(settings));
  for (const origin of knownTabOrigins()) {
    // A tab whose top site was never switched on holds a reader only in a frame of another, enabled site.
    if (active.has(origin) || !(origin in settings.sites)) continue;
    for (const tabId of dropOrigin(origin)) {
      void updateBadge(tabId, undefined);
      void send(tabId, { type: 'teardown' });
    }
  }
}
