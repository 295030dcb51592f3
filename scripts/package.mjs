// `npm run package`: the two store packages from the shipped builds (never from dist/test), versioned from
// package.json: artifacts/gaitguard-chrome-<version>.zip and artifacts/gaitguard-firefox-<version>.zip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('node', ['scripts/build.mjs']);
run('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-config-discovery']);
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
}
console.log(`Packages for ${version} are in artifacts/`);
