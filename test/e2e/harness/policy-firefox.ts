/**
 * Hospital policy for Firefox: policies.json in the installation's distribution folder, whose
 * "3rdparty" → "Extensions" section becomes the add-on's storage.managed. Needs root, as in CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realpathSync } from 'node:fs';
import { GECKO_ID } from './paths';

function distributionDir(): string {
  const binary = realpathSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  // Debian's /usr/bin/firefox-esr links to /usr/lib/firefox-esr/firefox-esr.
  return join(dirname(binary), 'distribution');
}

export function canWriteFirefoxPolicy(): boolean {
  try {
    const dir = distributionDir();
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, '.gaitguard-probe');
    writeFileSync(probe, '{}');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** Installs the policy and returns a function that puts back whatever policies.json was there before. */
export function writeFirefoxPolicy(policy: unknown): () => void {
  const file = join(distributionDir(), 'policies.json');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(
    file,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2),
  );
  return () => (previous === undefined ? rmSync(file, { force: true }) : writeFileSync(file, previous));
}
