/**
 * The worker's copy of the settings, the policy and their combination, read from storage once and then kept
 * in step through storage.onChanged, so no analysis or popup request reads storage. Every write goes through
 * one queue: a write starts from the result of the one before it, so a burst of writes cannot lose one.
 */
import browser from 'webextension-polyfill';
import type { Settings } from '../shared/settings';
import { readStoredSettings } from '../shared/settings-migrate';
import { SettingsSchema } from '../shared/settings';
import { applyPolicy, parsePolicy, type EffectiveSettings, type PolicyRead } from '../shared/policy';

const KEY = 'settings';
/** Where a settings record that cannot be read is kept, untouched, for the coder or support to recover. */
export const SET_ASIDE_KEY = 'settingsSetAside';

export interface SetAsideRecord {
  problem: string;
  at: string;
  record: unknown;
}

let settingsCache: Promise<Settings> | undefined;
let policyCache: Promise<PolicyRead> | undefined;
let effectiveCache: { settings: Settings; policy: PolicyRead; effective: EffectiveSettings } | undefined;
let writeQueue: Promise<unknown> = Promise.resolve();

async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get([KEY, SET_ASIDE_KEY]);
  const read = readStoredSettings(stored[KEY]);
  if (read.kind === 'corrupt') {
    // The unreadable record is copied aside before anything can overwrite it; an earlier copy is kept.
    if (stored[SET_ASIDE_KEY] === undefined) {
      const aside: SetAsideRecord = {
        problem: read.problem,
        at: new Date().toISOString(),
        record: stored[KEY],
      };
      await browser.storage.local.set({ [SET_ASIDE_KEY]: aside });
    }
  } else if (read.kind === 'ok' && read.migratedFrom !== undefined) {
    await browser.storage.local.set({ [KEY]: read.settings });
  }
  return read.settings;
}

export function loadSettings(): Promise<Settings> {
  settingsCache ??= readSettings().catch((error: unknown) => {
    settingsCache = undefined;
    throw error;
  });
  return settingsCache;
}

async function readPolicy(): Promise<PolicyRead> {
  try {
    return parsePolicy(await browser.storage.managed.get(null));
  } catch {
    // Managed storage rejects when no policy is installed (Firefox) or is absent (Chromium on some builds).
    return { policy: undefined, problems: [] };
  }
}

export function loadPolicyRead(): Promise<PolicyRead> {
  policyCache ??= readPolicy();
  return policyCache;
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [settings, policy] = await Promise.all([loadSettings(), loadPolicyRead()]);
  if (effectiveCache?.settings !== settings || effectiveCache.policy !== policy) {
    effectiveCache = { settings, policy, effective: applyPolicy(settings, policy.policy) };
  }
  return effectiveCache.effective;
}

export async function loadSetAside(): Promise<SetAsideRecord | undefined> {
  const stored = (await browser.storage.local.get(SET_ASIDE_KEY))[SET_ASIDE_KEY] as
    SetAsideRecord | undefined;
  return stored && typeof stored === 'object' ? stored : undefined;
}

export async function clearSetAside(): Promise<void> {
  await browser.storage.local.remove(SET_ASIDE_KEY);
}

/** Applies a change to the latest settings, after every write queued before it. */
export function updateSettings(change: (settings: Settings) => void): Promise<Settings> {
  const run = writeQueue.then(async () => {
    const next = structuredClone(await loadSettings());
    change(next);
    const valid = SettingsSchema.parse(next);
    await browser.storage.local.set({ [KEY]: valid });
    settingsCache = Promise.resolve(valid);
    return valid;
  });
  writeQueue = run.catch(() => undefined);
  return run;
}

/**
 * Keeps the copies current when storage changes under the worker (another window's write, a policy push).
 * Returns what changed so the caller can re-analyse.
 */
export function noteStorageChange(
  changes: Record<string, { newValue?: unknown }>,
  area: string,
): { settings: boolean; policy: boolean } {
  if (area === 'managed') {
    policyCache = undefined;
    return { settings: false, policy: true };
  }
  if (area !== 'local' || !(KEY in changes)) return { settings: false, policy: false };
  const read = readStoredSettings(changes[KEY]?.newValue);
  settingsCache = read.kind === 'corrupt' ? undefined : Promise.resolve(read.settings);
  return { settings: true, policy: false };
}
