/**
 * Builds the Medplum encounter app (test/e2e/medplum-app) with the repo's vite into a fresh folder, for an
 * end-to-end test to serve. Built at test setup so nothing of Medplum or React is committed or shipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const APP_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Builds the app and returns the folder that holds its index.html. */
export async function buildMedplumApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'gaitguard-medplum-app-'));
  await build({
    configFile: false,
    root: APP_DIR,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        // Mantine marks its modules 'use client' for React Server Components, which a page bundle ignores.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return outDir;
}
