// Builds dist/chrome and dist/firefox from the one manifest.json, then derives the TEST-ONLY builds
// dist/test/chrome and dist/test/firefox: identical code plus host_permissions for 127.0.0.1 and localhost,
// so the demo and the end-to-end tests can switch a local site on without a permission prompt.
// The test builds are never packaged or shipped (scripts/package.mjs reads dist/chrome and dist/firefox only).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Zero-click deployments: policy cannot grant optional host permissions, so a hospital build that must run
 * without the coder's click lists its EHR origins here and they become install-time host_permissions:
 *   GAITGUARD_HOSTS="https://emr.example.org,https://fees.example.org" npm run package
 */
const deploymentHosts = (process.env.GAITGUARD_HOSTS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean)
  .map((origin) => {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`GAITGUARD_HOSTS: ${origin} is not http(s)`);
    return `${url.protocol}//${url.hostname}/*`;
  });

const started = Date.now();
for (const browser of ['chrome', 'firefox']) {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, GAITGUARD_BROWSER: browser },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // crx lists runtime-imported scripts as web_accessible_resources for every page. GaitGuard injects its
  // content script through the scripting API only, so no page needs to load (or can fingerprint) it.
  const manifestPath = `dist/${browser}/manifest.json`;
  const built = JSON.parse(readFileSync(manifestPath, 'utf8'));
  delete built.web_accessible_resources;
  if (deploymentHosts.length > 0) built.host_permissions = deploymentHosts;
  writeFileSync(manifestPath, `${JSON.stringify(built, null, 2)}\n`);
  // crx also emits an ES-module copy of the content script that nothing loads; the IIFE file is the one used.
  for (const file of readdirSync(`dist/${browser}/assets`)) {
    if (file.startsWith('content-script.ts-')) rmSync(`dist/${browser}/assets/${file}`);
  }
}

export const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
rmSync('dist/test', { recursive: true, force: true });
for (const browser of ['chrome', 'firefox']) {
  const target = `dist/test/${browser}`;
  cpSync(`dist/${browser}`, target, { recursive: true });
  const manifest = JSON.parse(readFileSync(`${target}/manifest.json`, 'utf8'));
  manifest.host_permissions = TEST_HOSTS;
  manifest.name = `${manifest.short_name ?? 'GaitGuard'} (test build)`;
  writeFileSync(`${target}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}
console.log(
  `Built dist/chrome, dist/firefox and the test-only dist/test/* in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
