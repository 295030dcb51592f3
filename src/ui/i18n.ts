/**
 * UI strings come from _locales/<lang>/messages.json through the browser's i18n API, so a new language is a
 * new messages.json and nothing else. Keys are typed from the English file.
 */
import browser from '../shared/browser-api';
import type englishMessages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof englishMessages;

const cache = new Map<string, string>();

export function t(key: MessageKey, ...substitutions: string[]): string {
  const cacheKey = substitutions.length === 0 ? key : `${key}\u0000${substitutions.join('\u0000')}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  try {
    const text = browser.i18n.getMessage(key, substitutions) || key;
    cache.set(cacheKey, text);
    return text;
  } catch {
    // The extension context is gone (reloaded under an open page); prewarm() keeps what that state needs.
    return key;
  }
}

/** Looks strings up while the extension context is alive, for UI that must still speak after it dies. */
export function prewarm(keys: readonly MessageKey[]): void {
  for (const key of keys) t(key);
}
