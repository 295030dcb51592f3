/**
 * The manifests and contents of the builds that ship (dist/chrome, dist/firefox) as the stores and browsers
 * expect them, checked with the same function `npm run package` runs before zipping
 * (scripts/package-checks.mjs). Reads dist/ as built by `node scripts/build.mjs` (the e2e run builds first).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedBuildProblems } from '../../scripts/package-checks.mjs';
import { ROOT } from './harness/paths';

const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
type Manifest = Record<string, unknown> & {
  action: Record<string, unknown>;
  icons: Record<string, string>;
  background: Record<string, unknown>;
};
const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(resolve(ROOT, dir, 'manifest.json'), 'utf8')) as Manifest;

describe.each(['chrome', 'firefox'] as const)('the %s build', (browser) => {
  const dir = resolve(ROOT, `dist/${browser}`);
  const manifest = manifestOf(dir);

  it('passes the package checks (no test-only host, no source map, the right keys for the browser)', () => {
    expect(shippedBuildProblems(dir, browser, { version })).toEqual([]);
  });

  it('asks for site access only optionally, and carries the listing keys', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.homepage_url).toMatch(/^https:\/\//);
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    expect(manifest.version).toBe(version);
  });

  it('differs from its test build only in the test hosts and the name', () => {
    const test = manifestOf(`dist/test/${browser}`);
    expect(test.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const { host_permissions: _h, name: _n, ...shipped } = manifest;
    const { host_permissions: _th, name: _tn, ...testRest } = test;
    expect(testRest).toEqual(shipped);
  });
});

/** Every .js file of a build, by its path inside the build. */
function scriptsOf(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.js'),
  );
  return new Map(files.sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

describe.each(['chrome', 'firefox'] as const)('the %s build’s code', (browser) => {
  const shipped = scriptsOf(resolve(ROOT, `dist/${browser}`));

  it('is the code the end-to-end tests run (the test build’s scripts, byte for byte)', () => {
    const tested = scriptsOf(resolve(ROOT, `dist/test/${browser}`));
    expect([...shipped.keys()]).toEqual([...tested.keys()]);
    for (const [file, code] of shipped) expect(code === tested.get(file), file).toBe(true);
  });

  it('attaches every shadow root closed, so the page’s scripts see host.shadowRoot === null', () => {
    const modes = [...shipped.values()].flatMap((code) =>
      [...code.matchAll(/attachShadow\(\s*\{\s*mode\s*:\s*(["'`])(\w+)\1/g)].map((match) => match[2]),
    );
    const calls = [...shipped.values()].reduce(
      (sum, code) => sum + code.split('attachShadow(').length - 1,
      0,
    );
    // Every call is one of the literal ones read here: none takes its mode from elsewhere.
    expect(modes.length).toBe(calls);
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes)).toEqual(new Set(['closed']));
  });
});

describe('browser-specific manifest keys', () => {
  it('Firefox: toolbar button on the navbar, a fixed add-on id, background scripts', () => {
    const manifest = manifestOf('dist/firefox');
    expect(manifest.action.default_area).toBe('navbar');
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: 'gaitguard@gaitguard.app', data_collection_permissions: { required: ['none'] } },
    });
    expect(manifest.background.scripts).toBeDefined();
    expect(manifest.storage).toBeUndefined();
  });
  it('Chrome: a service worker and the managed-policy schema, no Firefox keys', () => {
    const manifest = manifestOf('dist/chrome');
    expect(manifest.background.service_worker).toBeDefined();
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(manifest.action.default_area).toBeUndefined();
  });
});

describe('the package checks find what must not ship', () => {
  it('the test build: its hosts and its name', () => {
    const problems = shippedBuildProblems(resolve(ROOT, 'dist/test/chrome'), 'chrome', { version });
    expect(problems).toContain('host_permissions names the test-only host http://127.0.0.1/*');
    expect(problems).toContain('host_permissions names the test-only host http://localhost/*');
    expect(problems.some((p) => p.startsWith('the name is the test build'))).toBe(true);
  });
  it('a source map, a sourceMappingURL comment, a missing privacy page, a minimum above the ESR', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'gaitguard-shipped-')), 'firefox');
    cpSync(resolve(ROOT, 'dist/firefox'), copy, { recursive: true });
    writeFileSync(join(copy, 'assets/worker.js.map'), '{}');
    writeFileSync(join(copy, 'assets/extra.js'), 'void 0;\n//# sourceMappingURL=extra.js.map\n');
    rmSync(join(copy, 'privacy.html'));
    const manifest = manifestOf(copy);
    manifest.content_scripts = [{ matches: ['http://localhost:8765/*'], js: ['x.js'] }];
    (
      manifest.browser_specific_settings as { gecko: { strict_min_version: string } }
    ).gecko.strict_min_version = '142.0';
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const problems = shippedBuildProblems(copy, 'firefox', { version });
    expect(problems).toEqual(
      expect.arrayContaining([
        'source map assets/worker.js.map',
        'assets/extra.js points at a source map',
        'content_scripts names the test-only host http://localhost:8765/*',
        'privacy.html is missing',
        'strict_min_version 142 excludes Firefox ESR 140',
      ]),
    );
  });
});
