/**
 * "No network, no remote code" as a property of the shipped files: the built JavaScript of both browsers
 * contains no network or code-from-string API, and the manifests' CSP forbids both. Reads dist/ as built
 * by `node scripts/build.mjs` (the e2e run builds first).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './harness/paths';

// GG_BUILD_DIR points the checks at one (deliberately broken) copy, to show they fail.
const BUILDS = process.env.GG_BUILD_DIR
  ? [process.env.GG_BUILD_DIR]
  : ['dist/chrome', 'dist/firefox', 'dist/test/chrome', 'dist/test/firefox'];

/** APIs that send data off the machine or turn strings into code. No allowlist: none occurs in the build. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['fetch(', /\bfetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['sendBeacon', /sendBeacon/],
  ['importScripts', /importScripts/],
  ['eval(', /\beval\s*\(/],
  ['new Function(', /new\s+Function\s*\(/],
  ['Function(', /\bFunction\s*\(\s*["'`]/],
  ['remote import', /\bimport\s*\(\s*["'`]https?:/],
  ['http(s) URL in a src', /src\s*=\s*["'`]https?:/],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(BUILDS)('%s', (build) => {
  const dir = resolve(ROOT, build);
  const all = files(dir);
  const scripts = all.filter((file) => /\.(m?js|html)$/.test(file));

  it('has built scripts to check', () => {
    expect(scripts.some((file) => file.endsWith('content-script.js'))).toBe(true);
    expect(scripts.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(3);
  });

  it('contains no network call and no code-from-string in any script or page', () => {
    const hits: string[] = [];
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of FORBIDDEN) {
        const match = pattern.exec(text);
        if (match)
          hits.push(
            `${relative(dir, file)}: ${name} …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`,
          );
      }
    }
    expect(hits).toEqual([]);
  });

  it('loads no script from outside the package', () => {
    for (const file of all.filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
        expect(match[1]).not.toMatch(/^(https?:)?\/\//);
    }
  });

  it("has a CSP without unsafe-eval, with connect-src 'none'", () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string; sandbox?: string };
    };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*connect-src 'none'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*object-src 'none'\s*(;|$)/);
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  });
});
