/**
 * What the content script and the report pages carry. The content script runs in every EHR frame and the
 * popup and side panel only display the report the worker pushes; neither needs the engine's analysis nor
 * zod. One value import from a module that builds schemas at its top level (the model, a message or settings
 * module) is enough to bring zod back: a bundler must keep a call it cannot prove pure. The budgets are
 * measured in `npm run bench`; this test names the module that brought the weight back.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** The source files that end up in the bundle of one entry (tree-shaken, as the release build does). */
async function bundled(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file),
  );
}

const ZOD = /node_modules\/zod\//;
/** Chrome's MV3 API and Firefox's `browser` both return promises; only the worker needs the polyfill. */
const POLYFILL = /node_modules\/webextension-polyfill\//;
/** Engine files the content script may carry: the shared size limits, no analysis and no model schemas. */
const ENGINE_IN_CONTENT = new Set(['src/engine/limits.ts']);

describe('bundle contents', () => {
  it('the content script carries no zod, no polyfill and none of the engine', async () => {
    const files = await bundled('src/content/content-script.ts');
    expect(files).toContain('src/reader/frame-reader.ts');
    expect(files.filter((file) => ZOD.test(file) || POLYFILL.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/engine/') && !ENGINE_IN_CONTENT.has(file))).toEqual(
      [],
    );
  });

  it('the pill carries no part of the pages: no Preact, no review control, no read summary', async () => {
    const files = await bundled('src/content/content-script.ts');
    expect(files).toContain('src/ui/overlay/pill-findings.ts');
    const pageOnly =
      /^src\/ui\/(popup|sidepanel|options)\/|^src\/ui\/components\/(review|read-summary|finding-list)|node_modules\/preact\//;
    expect(files.filter((file) => pageOnly.test(file))).toEqual([]);
  });

  for (const page of ['popup', 'sidepanel']) {
    it(`the ${page} carries no zod, polyfill, engine or reader: it shows the pushed report`, async () => {
      const files = await bundled(`src/ui/${page}/main.tsx`);
      expect(files).toContain('src/ui/components/finding-list.tsx');
      expect(files.filter((file) => ZOD.test(file) || POLYFILL.test(file))).toEqual([]);
      expect(files.filter((file) => /^src\/(engine|reader)\//.test(file))).toEqual([]);
    });
  }
});
