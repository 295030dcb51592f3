// `npm run build:cli` (and `npm pack`, through prepack): the `gaitguard` command as one Node ESM file,
// dist/cli/gaitguard.mjs, with a shebang. esbuild bundles it: one call does a Node-platform ESM bundle
// with a banner and a define, and esbuild is already what tsx runs the sources with. The engine and the
// page reader are bundled; the runtime dependencies named in package.json stay imports (jsdom is loaded
// only for .html input), so `npm install` of the package brings them.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = 'dist/cli/gaitguard.mjs';
rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${pkg.engines.node.replace(/[^\d.]/g, '').split('.')[0]}`,
  external: Object.keys(pkg.dependencies),
  banner: { js: '#!/usr/bin/env node' },
  define: { __GAITGUARD_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`Built ${outfile} (${(readFileSync(outfile).length / 1024).toFixed(0)} KB)`);
