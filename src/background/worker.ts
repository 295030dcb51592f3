/**
 * The background worker: the report store of every tab (each tab's frames merged and analysed once per
 * change, the result pushed to the overlay and to any open popup over ports), the trust boundary for
 * content messages, and the per-site script registrations kept in step with settings and permissions.
 * Listeners are attached synchronously at start so a worker woken by an event receives it.
 */
import browser from 'webextension-polyfill';
import { acksOf, openCount } from '../ui/components/ack-store';
import { createMessageHandler, frameOriginOf, type ContentContext, type Reply } from './handle-message';
import {
  clearSetAside,
  loadEffectiveSettings,
  loadPolicyRead,
  loadSetAside,
  noteStorageChange,
  updateSettings,
} from './settings-store';
import {
  activeOrigins,
  hasOriginPermission,
  injectIntoOpenTabs,
  syncRegistration,
  teardownOpenTabs,
} from './sites';
import {
  cachedReport,
  dropFrame,
  dropFrameOrigin,
  dropTab,
  frameOfMergedId,
  ignoreFrame,
  knownOrigins,
  knowsTab,
  pageSafeReport,
  putFrame,
  reportFor,
  siteSettingsFor,
  storeStats,
  tabIds,
  tabOrigin,
  worstSeverity,
} from './tab-reports';
import { createDebouncer } from './debounce';
import { createWriteLimiter, frameVerdict } from './frame-trust';
import {
  addFramePort,
  postToFrame,
  postToWatchers,
  removeFramePort,
  unwatch,
  watchedTabs,
  watchTab,
} from './ports';
import type { ContentToBackground, PageToBackground } from '../messages/to-background';
import type { BackgroundToContent, TabReport } from '../messages/to-content';
import { FRAME_PORT, TAB_STATE_PORT, WatchTabMessageSchema, type TabState } from '../messages/to-page';
import type { Evidence, RuleId, Severity } from '../engine/model';
import { defaultSiteSettings, originPattern, siteOriginOf } from '../shared/settings';
import type { Settings, SiteSettings } from '../shared/settings';
import {
  ANALYSIS_DEBOUNCE_MS,
  ANALYSIS_MAX_WAIT_MS,
  ANALYSIS_TAB_SHARE,
  SETTINGS_WRITES_PER_MINUTE,
} from '../shared/limits';
import { describeSiteState } from './site-state';
import {
  buildOptionsState,
  loadImportedTables,
  noteTablesChange,
  parseTablesFile,
  saveImportedTables,
} from './options-state';
import { initActionLook, showActionLook } from './toolbar';

const BADGE_COLOURS: Record<Severity, string> = { error: '#b3261e', warning: '#8a5300', info: '#1a5fb4' };

const resendAsked = new Set<number>();
/** Sites of frames the coder allowed in one tab although the page around them is not on (memory only). */
const allowedInTab = new Map<number, Set<string>>();
const writeLimiter = createWriteLimiter(SETTINGS_WRITES_PER_MINUTE);
/** The sites that are on and still permitted; kept current by reconcile(), read by every content message. */
let activeSet: Promise<Set<string>> | undefined;

function currentActive(): Promise<Set<string>> {
  activeSet ??= loadEffectiveSettings().then(async (settings) => new Set(await activeOrigins(settings)));
  return activeSet;
}

async function send(tabId: number, message: BackgroundToContent, frameId?: number): Promise<void> {
  if (frameId !== undefined && postToFrame(tabId, frameId, message)) return;
  await browser.tabs
    .sendMessage(tabId, message, frameId === undefined ? undefined : { frameId })
    .catch(() => undefined);
}

async function updateBadge(tabId: number, report: TabReport | undefined): Promise<void> {
  // Findings the coder marked reviewed (storage.session, see ack-store.ts) no longer count.
  const count = report ? openCount(report.findings, await acksOf(tabId)) : 0;
  const worst = report ? worstSeverity(report.findings) : undefined;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  if (worst)
    await browser.action
      .setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] })
      .catch(() => undefined);
  await showActionLook(tabId, tabOrigin(tabId), report);
}

/** Brings the tab's report up to date (computing it only if something changed) and pushes it everywhere. */
async function publish(tabId: number): Promise<void> {
  const [settings, tables] = await Promise.all([loadEffectiveSettings(), loadImportedTables()]);
  const started = performance.now();
  const report = reportFor(tabId, settings, tables);
  analysis.rest(tabId, (performance.now() - started) * (1 / ANALYSIS_TAB_SHARE - 1));
  await updateBadge(tabId, report);
  if (report) {
    const origin = tabOrigin(tabId);
    const site = origin ? settings.sites[origin] : undefined;
    await send(
      tabId,
      {
        type: 'report',
        report: pageSafeReport(tabId, report),
        overlayHidden: settings.overlayHidden,
        placement: site?.overlay,
      },
      0,
    );
  }
  await pushTabState(tabId);
}

const analysis = createDebouncer<number>(
  (tabId) => void publish(tabId),
  ANALYSIS_DEBOUNCE_MS,
  ANALYSIS_MAX_WAIT_MS,
);

async function tabState(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const origin = siteOriginOf(tab?.url);
  const [settings, tables] = await Promise.all([loadEffectiveSettings(), loadImportedTables()]);
  // A pending analysis will push its own state; until then the last report stands.
  const report = analysis.pending(tabId) ? cachedReport(tabId) : reportFor(tabId, settings, tables);
  const site = origin ? siteSettingsFor(settings, origin) : undefined;
  const state = origin
    ? describeSiteState(settings, origin, await hasOriginPermission(origin))
    : 'unsupported';
  return {
    tabId,
    origin,
    state,
    locked: origin ? settings.lockedOrigins.includes(origin) : false,
    method: site?.method ?? 'cms',
    medicare: site?.medicare ?? true,
    ...(report ? { report } : {}),
    overlayHidden: settings.overlayHidden,
  };
}

async function pushTabState(tabId: number): Promise<void> {
  if (!watchedTabs().has(tabId)) return;
  postToWatchers(tabId, { type: 'tab-state', state: await tabState(tabId) });
}

async function revealEvidence(tabId: number, evidence: Evidence): Promise<Reply> {
  const mergedId = evidence.kind === 'note' ? evidence.noteId : evidence.chargeId;
  const location = frameOfMergedId(mergedId);
  if (!location) return { ok: false, error: 'That evidence is no longer on the page' };
  await send(tabId, { type: 'reveal', evidence, localId: location.localId }, location.frameId);
  return { ok: true };
}

/**
 * After an update the old content scripts are orphaned (their port to the old worker closes, so they
 * leave); the new ones are injected into open tabs of enabled sites, so coders need not reload.
 */
async function afterInstall(reason: string): Promise<void> {
  await reconcile();
  if (reason !== 'update') return;
  const origins = await activeOrigins(await loadEffectiveSettings());
  await Promise.all(origins.map((origin) => injectIntoOpenTabs(origin)));
}

let reconciling: Promise<unknown> = Promise.resolve();

/**
 * Brings the active sites and the script registration in line with settings and permissions. Runs one at
 * a time: a settings change and the popup's own request both reconcile, and two overlapping registrations
 * of the same script id would fail.
 */
function reconcile(): Promise<Set<string>> {
  const run = reconciling.then(async () => {
    const settings = await loadEffectiveSettings();
    const active = activeOrigins(settings).then((origins) => new Set(origins));
    activeSet = active;
    await syncRegistration([...(await active)]);
    return active;
  });
  reconciling = run.catch(() => undefined);
  return run;
}

async function fromContent(message: ContentToBackground, context: ContentContext): Promise<Reply> {
  const { tabId, frameId, topOrigin, frameOrigin } = context;
  if (message.type === 'frame-gone') {
    dropFrame(tabId, frameId);
    if (frameId === 0) {
      resendAsked.delete(tabId);
      analysis.cancel(tabId);
      await updateBadge(tabId, undefined);
      await pushTabState(tabId);
    } else {
      analysis.schedule(tabId);
    }
    return { ok: true };
  }
  const settings = await loadEffectiveSettings();
  const verdict = frameVerdict(
    settings,
    await currentActive(),
    topOrigin,
    frameOrigin,
    allowedInTab.get(tabId),
  );
  if (verdict) {
    if (message.type === 'snapshot') {
      if (ignoreFrame(tabId, frameId, topOrigin, frameOrigin, verdict)) analysis.schedule(tabId);
      // A frame of a site that is off or paused has no business running: it is told to stop.
      if (verdict !== 'top-origin-off') void send(tabId, { type: 'teardown' }, frameId);
    }
    return { ok: false, error: `Ignored: ${verdict}` };
  }
  switch (message.type) {
    case 'snapshot': {
      const wasKnown = knowsTab(tabId);
      const put = putFrame(tabId, frameId, topOrigin, frameOrigin, message.snapshot);
      // After a worker restart the other frames' parts are gone: ask every frame of the tab once.
      if (!wasKnown && !resendAsked.has(tabId)) {
        resendAsked.add(tabId);
        void send(tabId, { type: 'resend' });
      }
      if (put.changed) analysis.schedule(tabId);
      return put.accepted ? { ok: true } : { ok: false, error: `Ignored: ${put.reason}` };
    }
    case 'reveal-request':
      if (frameId !== 0) return { ok: false, error: 'Rejected: only the top frame shows findings' };
      return revealEvidence(tabId, message.evidence);
    case 'save-overlay': {
      const refused = refuseWrite(context);
      if (refused) return refused;
      await updateSettings((own) => {
        const site = own.sites[topOrigin];
        if (site) site.overlay = message.placement;
      });
      return { ok: true };
    }
    case 'save-pick': {
      const refused = refuseWrite(context);
      if (refused) return refused;
      await updateSettings((own) =>
        editSite(own, topOrigin, (site) => {
          site[message.kind === 'note' ? 'noteSelectors' : 'chargeSelectors'] = [message.selector];
        }),
      );
      return { ok: true };
    }
  }
}

/** Writes that outlive the page come from the top frame of the page itself, a few a minute at most. */
function refuseWrite(context: ContentContext): Reply | undefined {
  if (context.frameId !== 0 || context.frameOrigin !== context.topOrigin) {
    return { ok: false, error: 'Rejected: only the page itself may save settings' };
  }
  if (!writeLimiter.allow(context.tabId)) return { ok: false, error: 'Rejected: too many writes' };
  return undefined;
}

async function enableOrigins(origins: readonly string[], tabId: number | undefined): Promise<Reply> {
  const valid = origins.map((origin) => siteOriginOf(origin)).filter((origin) => origin !== undefined);
  if (valid.length !== origins.length) return { ok: false, error: 'Not a web site origin' };
  for (const origin of valid) {
    if (!(await hasOriginPermission(origin))) {
      return { ok: false, error: `GaitGuard has no permission for ${origin} yet` };
    }
  }
  await updateSettings((own) => {
    for (const origin of valid) editSite(own, origin, (site) => (site.state = 'on'));
  });
  if (tabId !== undefined) {
    const allowed = allowedInTab.get(tabId) ?? new Set();
    valid.forEach((origin) => allowed.add(origin));
    allowedInTab.set(tabId, allowed);
  }
  await reconcile();
  await Promise.all(valid.map((origin) => injectIntoOpenTabs(origin)));
  if (tabId !== undefined) void send(tabId, { type: 'resend' });
  return { ok: true };
}

async function fromPage(message: PageToBackground): Promise<Reply> {
  switch (message.type) {
    case 'get-tab-state':
      return { ok: true, data: await tabState(message.tabId) };
    case 'enable-site':
      return enableOrigins([message.origin], message.tabId);
    case 'enable-sites':
      return enableOrigins(message.origins, message.tabId);
    case 'pause-site': {
      if (await isLocked(message.origin)) return LOCKED;
      await updateSettings((own) =>
        editSite(own, message.origin, (site) => (site.state = message.paused ? 'paused' : 'on')),
      );
      await reconcile();
      if (message.paused) await stopOrigin(message.origin);
      else await injectIntoOpenTabs(message.origin);
      return { ok: true };
    }
    case 'disable-site': {
      const settings = await loadEffectiveSettings();
      if (settings.lockedOrigins.includes(message.origin)) return LOCKED;
      // A site an (unlocked) policy lists would come back "on"; the coder's "off" is kept as paused.
      await updateSettings((own) => {
        if (settings.policyOrigins.includes(message.origin)) {
          editSite(own, message.origin, (site) => (site.state = 'paused'));
        } else {
          delete own.sites[message.origin];
        }
      });
      await stopOrigin(message.origin);
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
      return { ok: true };
    }
    case 'clear-picks':
      await updateSettings((own) => {
        const site = own.sites[message.origin];
        if (site) delete site[message.kind === 'note' ? 'noteSelectors' : 'chargeSelectors'];
      });
      return { ok: true };
    case 'reveal':
      return revealEvidence(message.tabId, message.evidence);
    case 'get-settings': {
      const [settings, policy, setAside] = await Promise.all([
        loadEffectiveSettings(),
        loadPolicyRead(),
        loadSetAside(),
      ]);
      return { ok: true, data: await buildOptionsState(settings, policy.problems, setAside) };
    }
    case 'dismiss-set-aside':
      await clearSetAside();
      return { ok: true };
    case 'get-worker-stats':
      return { ok: true, data: { ...storeStats } };
    case 'import-tables': {
      const parsed = parseTablesFile(message.tables);
      if (!parsed.ok) return parsed;
      await saveImportedTables(parsed.tables);
      return { ok: true };
    }
    case 'reset-tables':
      await saveImportedTables(undefined);
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

/**
 * Stops GaitGuard in every frame of a site, in every tab: tabs showing it on top, and frames of it inside
 * other sites' pages. What those frames sent is dropped from the reports.
 */
async function stopOrigin(origin: string): Promise<void> {
  await teardownOpenTabs(origin);
  for (const tabId of tabIds()) {
    for (const frameId of framesOf(tabId, origin)) void send(tabId, { type: 'teardown' }, frameId);
  }
  for (const tabId of dropFrameOrigin(origin)) {
    if (knowsTab(tabId)) analysis.schedule(tabId);
    else {
      void updateBadge(tabId, undefined);
      void pushTabState(tabId);
    }
  }
}

const frameOrigins = new Map<number, Map<number, string>>();

function framesOf(tabId: number, origin: string): number[] {
  return [...(frameOrigins.get(tabId) ?? [])].filter(([, at]) => at === origin).map(([frameId]) => frameId);
}

/** After settings, policy or tables change: every report and every open popup is brought up to date. */
function republishAll(): void {
  for (const tabId of tabIds()) analysis.schedule(tabId);
  for (const tabId of watchedTabs()) if (!knowsTab(tabId)) void pushTabState(tabId);
}

async function broadcastOverlayVisibility(hidden: boolean): Promise<void> {
  await Promise.all(tabIds().map((tabId) => send(tabId, { type: 'toggle-overlay', hidden }, 0)));
}

const handleMessage = createMessageHandler({
  extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  fromContent,
  fromPage,
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, sender),
);

browser.runtime.onConnect.addListener((port) => {
  const sender = port.sender;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  if (port.name === TAB_STATE_PORT) {
    // Only GaitGuard's own pages may follow a tab's full report.
    let from: URL | undefined;
    try {
      from = sender?.url ? new URL(sender.url) : undefined;
    } catch {
      from = undefined;
    }
    if (!from || `${from.protocol}//${from.host}` !== extensionOrigin) return port.disconnect();
    port.onMessage.addListener((raw: unknown) => {
      const parsed = WatchTabMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      watchTab(port, parsed.data.tabId);
      void pushTabState(parsed.data.tabId);
    });
    port.onDisconnect.addListener(() => unwatch(port));
    return;
  }
  if (port.name === FRAME_PORT) {
    const tabId = sender?.tab?.id;
    const frameId = sender?.frameId ?? 0;
    const origin = sender ? frameOriginOf(sender) : undefined;
    if (tabId === undefined || tabId < 0 || !origin) return port.disconnect();
    addFramePort(tabId, frameId, port);
    const known = frameOrigins.get(tabId) ?? new Map<number, string>();
    known.set(frameId, origin);
    frameOrigins.set(tabId, known);
    // The browser closes the port when the frame's document goes (navigation, removal, tab closed): that,
    // not an event the page could dispatch, is when the frame's part of the report ends.
    port.onDisconnect.addListener(() => {
      if (!removeFramePort(tabId, frameId, port)) return;
      frameOrigins.get(tabId)?.delete(frameId);
      if (!knowsTab(tabId)) return;
      void fromContent({ type: 'frame-gone' }, { tabId, frameId, topOrigin: '', frameOrigin: origin });
    });
    return;
  }
  port.disconnect();
});

initActionLook();
browser.runtime.onInstalled.addListener((details) => void afterInstall(details.reason));
browser.runtime.onStartup.addListener(() => void reconcile());
browser.permissions.onRemoved.addListener(() => void reconcileAndRelease());
browser.permissions.onAdded.addListener(() => void reconcileAndRelease());
browser.storage.onChanged.addListener((changes, area) => {
  const changed = noteStorageChange(changes, area);
  const tables = noteTablesChange(changes, area);
  if (changed.settings || changed.policy) void reconcileAndRelease().then(republishAll);
  else if (tables) republishAll();
});
browser.tabs.onRemoved.addListener((tabId) => {
  dropTab(tabId);
  analysis.cancel(tabId);
  resendAsked.delete(tabId);
  allowedInTab.delete(tabId);
  frameOrigins.delete(tabId);
  writeLimiter.forget(tabId);
});
browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-overlay') void fromPage({ type: 'toggle-overlay' });
});

// Tabs' content survives the worker being stopped, but our memory of them does not: rebuild on wake.
void reconcileAndRelease();

/**
 * After a permission is added or withdrawn in the browser's own settings, or settings or policy change, the
 * registration follows, and every frame of a site no longer active loses its reader and its part of the
 * reports now rather than at reload. Their URLs may be hidden from us, so frames are found through the store.
 */
async function reconcileAndRelease(): Promise<void> {
  const active = await reconcile();
  for (const origin of knownOrigins()) {
    if (!active.has(origin)) await stopOrigin(origin);
  }
}
