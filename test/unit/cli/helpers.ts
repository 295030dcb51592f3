import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main, type CliIo } from '../../../src/cli/check';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const NOTE = path.join(FIXTURES, 'notes/gait-20min.txt');
export const ENCOUNTER = path.join(FIXTURES, 'encounters/medicare-pta.json');

/** Runs the command in-process with captured streams; `io` overrides the defaults (cwd, stdin, ...). */
export async function run(argv: readonly string[], io: Partial<CliIo> & { input?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const { input, ...rest } = io;
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
    stdin:
      input === undefined
        ? undefined
        : async function* () {
            // Two chunks, split inside a multi-byte character when there is one, as a pipe may deliver it.
            const bytes = Buffer.from(input);
            const cut = Math.max(1, Math.floor(bytes.length / 2));
            yield bytes.subarray(0, cut);
            yield bytes.subarray(cut);
          },
    ...rest,
  });
  return { code, stdout, stderr };
}

export function tmpDir(): { dir: string; file: (name: string, content: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gaitguard-cli-'));
  return {
    dir,
    file(name, content) {
      const full = path.join(dir, name);
      writeFileSync(full, content);
      return full;
    },
  };
}

/** The fixture encounter on one line, for NDJSON. */
export function encounterLine(change: (e: Record<string, unknown>) => void = () => undefined): string {
  const data = JSON.parse(readFileSync(ENCOUNTER, 'utf8')) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data);
}
