import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TABLES } from '../../../src/engine/index';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { parseTablesFile, describeTables } = await import('../../../src/background/options-state');

describe('importing replacement edit tables', () => {
  it('accepts a valid file and describes what is in it', () => {
    const parsed = parseTablesFile(structuredClone(DEFAULT_TABLES));
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(describeTables(parsed.tables).map((table) => table.name)).toEqual([
        'MUE',
        'NCCI PTP',
        'KX threshold',
        'KX threshold',
        'KX threshold',
      ]);
  });

  it('still imports a tables file written before KX thresholds existed', () => {
    const { mue, ncci } = structuredClone(DEFAULT_TABLES);
    const parsed = parseTablesFile({ mue, ncci });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(describeTables(parsed.tables).map((table) => table.name)).toEqual(['MUE', 'NCCI PTP']);
  });

  it('names the first problem of a bad file', () => {
    const broken = structuredClone(DEFAULT_TABLES) as unknown as { mue: { effective: string }[] };
    broken.mue[0]!.effective = 'July 2024';
    const parsed = parseTablesFile(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^Not a valid tables file: .*\(at mue\.0\.effective\)\.$/);
  });

  it('refuses a file with no table at all, and non-objects', () => {
    expect(parseTablesFile({ mue: [], ncci: [] })).toEqual({
      ok: false,
      error: 'The file holds no MUE, NCCI or KX table.',
    });
    expect(parseTablesFile('[]').ok).toBe(false);
    expect(parseTablesFile(null).ok).toBe(false);
  });
});
