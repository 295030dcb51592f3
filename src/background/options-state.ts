/** What the options page shows, and the organisation's replacement edit tables (settings, never PHI). */
import browser from 'webextension-polyfill';
import { DEFAULT_TABLES, EditTablesSchema, type EditTables } from '../engine/index';
import type { EffectiveSettings } from '../shared/policy';

const TABLES_KEY = 'tables';

export interface OptionsState extends EffectiveSettings {
  tables: { name: string; effective: string }[];
  tablesImported: boolean;
  /** Policy keys and entries that did not parse and were left out. */
  policyProblems: string[];
  /** A stored settings record that could not be read, kept aside rather than replaced. */
  setAside?: { problem: string; at: string };
}

export const TABLES_STORAGE_KEY = TABLES_KEY;

let tablesCache: Promise<EditTables | undefined> | undefined;

function parseStoredTables(stored: unknown): EditTables | undefined {
  if (stored === undefined) return undefined;
  const parsed = EditTablesSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** The imported tables, read from storage once and then kept current by `noteTablesChange`. */
export function loadImportedTables(): Promise<EditTables | undefined> {
  tablesCache ??= browser.storage.local
    .get(TABLES_KEY)
    .then((stored) => parseStoredTables(stored[TABLES_KEY]))
    .catch(() => {
      tablesCache = undefined;
      return undefined;
    });
  return tablesCache;
}

/** Keeps the copy current when storage changes; true when the tables changed. */
export function noteTablesChange(changes: Record<string, { newValue?: unknown }>, area: string): boolean {
  if (area !== 'local' || !(TABLES_KEY in changes)) return false;
  tablesCache = Promise.resolve(parseStoredTables(changes[TABLES_KEY]?.newValue));
  return true;
}

/** Validates a replacement file; the error names the first problem so the coder can fix the file. */
export function parseTablesFile(
  raw: unknown,
): { ok: true; tables: EditTables } | { ok: false; error: string } {
  const parsed = EditTablesSchema.safeParse(raw);
  if (parsed.success) {
    if (parsed.data.mue.length === 0 && parsed.data.ncci.length === 0 && !parsed.data.kx?.length) {
      return { ok: false, error: 'The file holds no MUE, NCCI or KX table.' };
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
    ...(tables.kx ?? []).map((table) => ({ name: 'KX threshold', effective: table.effective })),
  ];
}

export async function buildOptionsState(
  settings: EffectiveSettings,
  policyProblems: string[],
  setAside: { problem: string; at: string } | undefined,
): Promise<OptionsState> {
  const imported = await loadImportedTables();
  return {
    ...settings,
    tables: describeTables(imported ?? DEFAULT_TABLES),
    tablesImported: imported !== undefined,
    policyProblems,
    ...(setAside ? { setAside: { problem: setAside.problem, at: setAside.at } } : {}),
  };
}
