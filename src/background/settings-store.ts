import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/settings';
import { applyPolicy, PolicySchema, type EffectiveSettings, type Policy } from '../shared/policy';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = SettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: SettingsSchema.parse(settings) });
}

export async function updateSettings(change: (settings: Settings) => void): Promise<Settings> {
  const settings = await loadSettings();
  change(settings);
  await saveSettings(settings);
  return settings;
}

/** Managed storage rejects when no policy is installed (Firefox) or is absent (Chromium on some builds). */
export async function loadPolicy(): Promise<Policy | undefined> {
  try {
    const managed = await browser.storage.managed.get(null);
    if (!managed || Object.keys(managed).length === 0) return undefined;
    const parsed = PolicySchema.safeParse(managed);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [settings, policy] = await Promise.all([loadSettings(), loadPolicy()]);
  return applyPolicy(settings, policy);
}
