/**
 * The extension API without webextension-polyfill, for the content script, the popup, the side panel, the
 * options page and i18n (the polyfill is about 3 KB gzip, loaded into every EHR frame and every page
 * opening). Firefox provides the promise-based `browser`; Chrome's `chrome` returns promises for every
 * call made through this module in MV3 (storage, tabs, windows, permissions, action, runtime.sendMessage
 * and connect; i18n.getMessage is synchronous in both). What the polyfill adds beyond that, a listener's
 * returned promise becoming the reply, is used only by the worker, which keeps the polyfill.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

const api = (scope.browser ?? scope.chrome) as typeof Browser;
export default api;
