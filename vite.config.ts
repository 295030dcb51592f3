/**
 * One manifest.json, two builds: `GAITGUARD_BROWSER=chrome|firefox vite build` writes dist/<browser>.
 * scripts/build.mjs runs both. The browser differences live in `manifestFor` and nowhere else.
 */
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import baseManifest from './manifest.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const browser: Browser = process.env.GAITGUARD_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/** The content script is registered at runtime for each enabled site, so it must be one self-contained file. */
export const CONTENT_SCRIPT_ENTRY = 'src/content/content-script.ts';

function manifestFor(target: Browser): ManifestV3Export {
  const manifest: Record<string, unknown> = structuredClone(baseManifest);
  manifest.version = pkg.version;
  if (target === 'firefox') {
    const background = manifest.background as { service_worker: string };
    manifest.background = { scripts: [background.service_worker], type: 'module' };
    delete manifest.minimum_chrome_version;
    // Firefox reads managed settings from policies.json; the Chrome schema key only draws a lint warning there.
    delete manifest.storage;
    // Firefox's side panel is the sidebar: same page, its own manifest key.
    const sidePanel = manifest.side_panel as { default_path: string };
    manifest.sidebar_action = {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_actionTitle__',
      default_icon: (manifest.action as { default_icon: unknown }).default_icon,
      open_at_install: false,
    };
    delete manifest.side_panel;
    // Firefox puts a new extension's button in the extensions panel, where the badge cannot be seen; the
    // findings count is the point of the button, so it starts on the toolbar (users can still move it).
    (manifest.action as Record<string, unknown>).default_area = 'navbar';
  } else {
    delete manifest.browser_specific_settings;
    manifest.permissions = [...(manifest.permissions as string[]), 'sidePanel'];
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig({
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: browser === 'firefox' ? 'firefox128' : 'chrome121',
    sourcemap: false,
    modulePreload: false,
    chunkSizeWarningLimit: 200,
    // The side panel page is named by side_panel (Chrome) or sidebar_action (Firefox); build it either way.
    rollupOptions: { input: { sidepanel: 'src/ui/sidepanel/index.html' } },
  },
  plugins: [
    crx({
      manifest: manifestFor(browser),
      browser,
      contentScripts: { standaloneFiles: [CONTENT_SCRIPT_ENTRY] },
    }),
  ],
});
