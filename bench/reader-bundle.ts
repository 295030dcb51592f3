/**
 * The page reader as one IIFE for pages that have no extension: the benchmark loads it into Chromium to time
 * readFrame and the watcher's re-scan where they really run (a page's main thread), not under jsdom.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./reader-entry.ts', import.meta.url));

/** Source of a script that defines `window.GaitGuardReader` = { readFrame, readFrameDetailed, watchPage }. */
export async function readerBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'chrome121',
      lib: { entry: ENTRY, formats: ['iife'], name: 'GaitGuardReader', fileName: 'reader' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no reader bundle');
}
