/**
 * Applies actionLook to each tab's toolbar button: after each analysis (from the worker's badge update), when
 * a tab navigates, and when settings or permissions change.
 */
import browser from 'webextension-polyfill';
import type { TabReport } from '../messages/to-content';
import { siteOriginOf } from '../shared/settings';
import { t } from '../ui/i18n';
import { summarize } from '../ui/components/summary';
import { actionLook, type ActionLook } from './action-look';
import { loadEffectiveSettings } from './settings-store';
import { hasOriginPermission } from './sites';
import { describeSiteState } from './site-state';

/** The manifest's look, for a tab whose address the extension may not read (no permission for it). */
const DEFAULT_LOOK = (): ActionLook => ({
  path: { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' },
  title: t('actionTitle'),
});

async function lookFor(origin: string | undefined, report: TabReport | undefined): Promise<ActionLook> {
  if (!origin) return DEFAULT_LOOK();
  const state = describeSiteState(await loadEffectiveSettings(), origin, await hasOriginPermission(origin));
  return actionLook(state, report ? summarize(report) : undefined, (key) => t(key));
}

/**
 * Sets one tab's icon and title. `origin` is the tab's site when the caller knows it (the tab's report);
 * otherwise the tab's address is asked for, which the browser gives only for sites GaitGuard may read.
 * A tab that closed meanwhile is not an error.
 */
export async function showActionLook(
  tabId: number,
  origin: string | undefined,
  report?: TabReport,
): Promise<void> {
  const site = origin ?? siteOriginOf((await browser.tabs.get(tabId).catch(() => undefined))?.url);
  const look = await lookFor(site, report);
  await Promise.all([
    browser.action.setIcon({ tabId, path: look.path }),
    browser.action.setTitle({ tabId, title: look.title }),
  ]).catch(() => undefined);
}

async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : showActionLook(tab.id, siteOriginOf(tab.url)))),
  );
}

/**
 * Keeps the look current as tabs navigate and as settings or permissions change. Attached synchronously at
 * the worker's start, like its other listeners.
 */
export function initActionLook(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading')
      void showActionLook(tabId, siteOriginOf(tab.url));
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'managed') void refreshAllTabs();
  });
  browser.permissions.onAdded.addListener(() => void refreshAllTabs());
  browser.permissions.onRemoved.addListener(() => void refreshAllTabs());
}
