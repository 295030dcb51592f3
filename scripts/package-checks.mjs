// What a store package may contain, checked on the shipped builds before they are zipped (scripts/package.mjs)
// and by test/e2e/shipped-builds.e2e.ts. Returns the problems found; an empty list means the build may ship.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Hosts that only the test builds (dist/test/*) may name: the demo and e2e servers. */
export const TEST_ONLY_HOSTS = /(^|\/\/|\*\.)(127\.0\.0\.1|localhost|\[::1\])([:/]|$)/;

/** The current Firefox Extended Support Release, which managed desktops run. */
export const FIREFOX_ESR = 140;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * @param {string} dir a built extension directory
 * @param {'chrome' | 'firefox'} browser
 * @param {{ version: string }} expected
 * @returns {string[]}
 */
export function shippedBuildProblems(dir, browser, expected) {
  const problems = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const hostLists = {
    host_permissions: manifest.host_permissions ?? [],
    optional_host_permissions: manifest.optional_host_permissions ?? [],
    content_scripts: (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  };
  for (const [key, hosts] of Object.entries(hostLists))
    for (const host of hosts)
      if (TEST_ONLY_HOSTS.test(host)) problems.push(`${key} names the test-only host ${host}`);
  if (/test build/i.test(manifest.name)) problems.push(`the name is the test build's: ${manifest.name}`);
  if (manifest.version !== expected.version)
    problems.push(`manifest version ${manifest.version} is not package.json's ${expected.version}`);
  if (manifest.web_accessible_resources)
    problems.push('web_accessible_resources would let pages load GaitGuard files');
  if (!manifest.homepage_url) problems.push('no homepage_url');

  const files = filesUnder(dir).map((file) => relative(dir, file).split('\\').join('/'));
  for (const file of files) {
    if (file.endsWith('.map')) problems.push(`source map ${file}`);
    else if (
      /\.(js|mjs|css|html)$/.test(file) &&
      /[#@] sourceMappingURL=/.test(readFileSync(join(dir, file), 'utf8'))
    )
      problems.push(`${file} points at a source map`);
  }
  for (const needed of ['privacy.html', ...Object.values(manifest.icons ?? {})])
    if (!files.includes(needed)) problems.push(`${needed} is missing`);

  if (browser === 'firefox') {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!gecko?.id) problems.push('no browser_specific_settings.gecko.id (AMO and policies need a fixed id)');
    if (manifest.action?.default_area !== 'navbar') problems.push('action.default_area is not navbar');
    // Managed hospital desktops run the ESR; a higher minimum makes the force-install fail on them.
    const minimum = Number.parseFloat(gecko?.strict_min_version ?? '0');
    if (minimum > FIREFOX_ESR)
      problems.push(`strict_min_version ${minimum} excludes Firefox ESR ${FIREFOX_ESR}`);
    if (manifest.background?.service_worker)
      problems.push('Firefox needs background.scripts, not a service worker');
  } else {
    if (manifest.browser_specific_settings) problems.push('browser_specific_settings in the Chrome build');
    if (!manifest.background?.service_worker) problems.push('no background.service_worker');
    if (manifest.action?.default_area) problems.push('action.default_area is Firefox-only');
  }
  return problems;
}
