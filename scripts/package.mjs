// `npm run package`: the store packages from the shipped builds (never from dist/test), versioned from
// package.json, in artifacts/:
//   gaitguard-chrome-<version>.zip    Chrome Web Store / Edge Add-ons
//   gaitguard-firefox-<version>.zip   addons.mozilla.org (or signing for self-distribution)
//   gaitguard-source-<version>.zip    the source AMO asks for with bundled code, with SOURCE-BUILD.md
// Before zipping: scripts/package-checks.mjs on both builds (no test-only host, no source map, manifest
// keys per browser) and `web-ext lint` as addons.mozilla.org runs it (no --self-hosted), which must report
// no error. GAITGUARD_HOSTS (see scripts/build.mjs and docs/DEPLOYMENT.md) makes a hospital build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedBuildProblems } from './package-checks.mjs';

const { version, engines } = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result;
};

run('node', ['scripts/build.mjs']);

let failed = false;
for (const browser of ['chrome', 'firefox']) {
  for (const problem of shippedBuildProblems(`dist/${browser}`, browser, { version })) {
    console.error(`dist/${browser}: ${problem}`);
    failed = true;
  }
}
if (failed) process.exit(1);

const lint = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--no-config-discovery', '--output', 'json'],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const report = JSON.parse(lint.stdout || '{}');
for (const kind of ['errors', 'warnings'])
  for (const message of report[kind] ?? [])
    console.log(
      `web-ext lint ${kind.slice(0, -1)}: ${message.code} ${message.file ?? ''} ${message.message}`,
    );
if (!report.summary || report.summary.errors > 0) {
  console.error(
    `web-ext lint: ${report.summary?.errors ?? 'no'} errors; addons.mozilla.org would refuse the upload`,
  );
  process.exit(1);
}

mkdirSync('artifacts', { recursive: true });
const names = [];
for (const browser of ['chrome', 'firefox']) {
  const name = `gaitguard-${browser}-${version}.zip`;
  if (existsSync(`artifacts/${name}`)) rmSync(`artifacts/${name}`);
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    `dist/${browser}`,
    '--artifacts-dir',
    'artifacts',
    '--filename',
    name,
    '--no-config-discovery',
  ]);
  names.push(name);
}

// The source archive: the committed tree, plus uncommitted changes to tracked files when there are any (so
// the archive builds what was just packaged), plus the build instructions for the reviewer.
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
  encoding: 'utf8',
}).stdout.trim();
const tree = dirty ? spawnSync('git', ['stash', 'create'], { encoding: 'utf8' }).stdout.trim() : 'HEAD';
if (dirty)
  console.warn('The source archive includes uncommitted changes to tracked files; commit before submitting.');
const hosts = process.env.GAITGUARD_HOSTS ? `GAITGUARD_HOSTS="${process.env.GAITGUARD_HOSTS}" ` : '';
const instructions = join(mkdtempSync(join(tmpdir(), 'gaitguard-source-')), 'SOURCE-BUILD.md');
writeFileSync(
  instructions,
  `# Building GaitGuard ${version} from this source

The Firefox package gaitguard-firefox-${version}.zip is dist/firefox as built here; vite bundles and minifies
the TypeScript in src/ (no code is generated from anything outside this archive, and nothing is fetched at
run time).

Requirements: Linux, macOS or Windows; Node.js ${engines.node} (tested with Node 20) and npm 10.

    npm ci
    ${hosts}node scripts/build.mjs

The extension is then in dist/firefox (dist/chrome is the Chrome build; dist/test/ holds test-only builds
that are never shipped). The package is that directory zipped: \`npx web-ext build --source-dir dist/firefox\`.
All dependencies are pinned by package-lock.json. Built this way the files are byte-identical to the
package's, except that the service worker chunk's file name (assets/worker.ts-<hash>.js, and the one line
of service-worker-loader.js naming it) can carry another hash: the bundler derives it from the build
directory's path, not from the contents, which are identical.
`,
);
const source = `gaitguard-source-${version}.zip`;
if (existsSync(`artifacts/${source}`)) rmSync(`artifacts/${source}`);
run('git', [
  'archive',
  '--format=zip',
  `--prefix=gaitguard-${version}/`,
  `--add-file=${instructions}`,
  `--output=artifacts/${source}`,
  tree,
]);
rmSync(instructions);
names.push(source);

for (const name of names)
  console.log(`artifacts/${name}  ${(statSync(`artifacts/${name}`).size / 1024).toFixed(1)} KB`);
console.log(
  `Packages for ${version} are in artifacts/ (web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings)`,
);
