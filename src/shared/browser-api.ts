/**
 * The extension API without webextension-polyfill, for the content script (where the polyfill was about
 * 3 KB gzip of a script injected into every EHR frame) and for i18n. Firefox provides the promise-based
 * `browser`; Chrome's `chrome` returns promises for every call made through this module in MV3
 * (storage, runtime.sendMessage and connect, i18n.getMessage is synchronous in both). What the polyfill
 * adds beyond that, a listener's returned promise becoming the reply, is not used here: the content
 * script's onMessage listener never replies. The worker and extension pages keep the polyfill.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

const api = (scope.browser ?? scope.chrome) as typeof Browser;
export default api;
