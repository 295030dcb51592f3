/**
 * The command line gives no all-clear where nothing could be judged: a fee sheet with no note anywhere, or a
 * note with no 97116 line, names what is missing in the text and the JSON, as the extension's panel does.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/check';

const ROOT = path.resolve(__dirname, '../../..');

async function check(file: string, ...options: string[]) {
  let stdout = '';
  const code = await main([...options, path.join(ROOT, file)], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    color: false,
  });
  return { code, stdout };
}

describe('check: no verdict without a note and a 97116 line', () => {
  it('a fee sheet with no note says the charges were not compared with a note', async () => {
    const { stdout } = await check('test/fixtures/pages/fee-sheet-no-note.html');
    expect(stdout).toContain('No note text found');
    expect(stdout).not.toMatch(/No findings|agree with the note/);
    const json = JSON.parse((await check('test/fixtures/pages/fee-sheet-no-note.html', '--json')).stdout);
    expect(json.missing).toEqual(['note']);
  });

  it('a note with no charge line says there is no 97116 line', async () => {
    const { stdout } = await check('test/fixtures/pages/note-no-charge.html');
    expect(stdout).toContain('No 97116 charge line found');
    expect(stdout).not.toMatch(/No findings|agree with the note/);
  });

  it('a note with its charges still gives the all-clear, with nothing missing', async () => {
    const { stdout } = await check('demo/pages/clean-note.html');
    expect(stdout).toContain('No findings');
    const json = JSON.parse((await check('demo/pages/clean-note.html', '--json')).stdout);
    expect(json.missing).toEqual([]);
  });
});
