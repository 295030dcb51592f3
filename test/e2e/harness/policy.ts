/**
 * Hospital policy for Chromium on Linux: a JSON file in /etc/chromium/policies/managed whose "3rdparty"
 * section becomes the extension's storage.managed. Policy is keyed by extension id, so the test copies the
 * test build and gives it a fixed public key (test-only; the shipped builds carry no key).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_TEST_BUILD } from './paths';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Public half of a key made for these tests only; it gives the copied build a stable extension id. */
const TEST_PUBLIC_KEY = readFileSync(new URL('./policy-key.txt', import.meta.url), 'utf8').trim();

export function extensionIdFromKey(base64Key: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((hex) => String.fromCharCode(97 + parseInt(hex, 16))).join('');
}

export function canWritePolicy(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    const probe = join(CHROMIUM_POLICY_DIR, '.gaitguard-probe');
    writeFileSync(probe, '{}');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

export interface PolicyBuild {
  path: string;
  extensionId: string;
  remove(): void;
}

export function keyedTestBuild(): PolicyBuild {
  const path = mkdtempSync(join(tmpdir(), 'gaitguard-policy-build-'));
  cpSync(CHROME_TEST_BUILD, path, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
  manifest.key = TEST_PUBLIC_KEY;
  writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return {
    path,
    extensionId: extensionIdFromKey(TEST_PUBLIC_KEY),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export function writeChromiumPolicy(extensionId: string, policy: unknown): () => void {
  const file = join(CHROMIUM_POLICY_DIR, 'gaitguard-e2e.json');
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return () => rmSync(file, { force: true });
}
