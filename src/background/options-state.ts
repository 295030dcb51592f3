/** What the options page shows, and the organisation's replacement edit tables (settings, never PHI). */
import browser from 'webextension-polyfill';
import { DEFAULT_TABLES, EditTablesSchema, type EditTables } from '../engine/index';
import type { EffectiveSettings } from '../shared/policy';

const TABLES_KEY = 'tables';

export interface OptionsState extends EffectiveSettings {
  tables: { name: string; effective: string }[];
  tablesImported: boolean;
}

export async function loadImportedTables(): Promise<EditTables | undefined> {
  const stored = (await browser.storage.local.get(TABLES_KEY))[TABLES_KEY];
  if (stored === undefined) return undefined;
  const parsed = EditTablesSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** Validates a replacement file; the error names the first problem so the coder can fix the file. */
export function parseTablesFile(
  raw: unknown,
): { ok: true; tables: EditTables } | { ok: false; error: string } {
  const parsed = EditTablesSchema.safeParse(raw);
  if (parsed.success) {
    if (parsed.data.mue.length === 0 && parsed.data.ncci.length === 0) {
      return { ok: false, error: 'The file holds no MUE or NCCI table.' };
    }
    return { ok: true, tables: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.')})` : '';
  return { ok: false, error: `Not a valid tables file: ${issue?.message ?? 'unknown problem'}${where}.` };
}

export async function saveImportedTables(tables: EditTables | undefined): Promise<void> {
  if (tables) await browser.storage.local.set({ [TABLES_KEY]: tables });
  else await browser.storage.local.remove(TABLES_KEY);
}

export function describeTables(tables: EditTables): { name: string; effective: string }[] {
  return [
    ...tables.mue.map((table) => ({ name: 'MUE', effective: table.effective })),
    ...tables.ncci.map((table) => ({ name: 'NCCI PTP', effective: table.effective })),
  ];
}

export async function buildOptionsState(settings: EffectiveSettings): Promise<OptionsState> {
  const imported = await loadImportedTables();
  return {
    ...settings,
    tables: describeTables(imported ?? DEFAULT_TABLES),
    tablesImported: imported !== undefined,
  };
}
