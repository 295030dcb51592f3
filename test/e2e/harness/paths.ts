import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The test-only builds (production code plus localhost host permissions); see scripts/build.mjs. */
export const CHROME_TEST_BUILD = resolve(ROOT, 'dist/test/chrome');
export const FIREFOX_TEST_BUILD = resolve(ROOT, 'dist/test/firefox');
export const GECKO_ID = 'gaitguard@gaitguard.app';
/** Pinned so tests can open extension pages at a known moz-extension:// address. */
export const FIREFOX_UUID = '3c9f1e2a-6b4d-4e8f-9a70-2d5b8c1e4f60';
