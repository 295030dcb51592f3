/**
 * Reading the stored settings record across versions. Each migration takes the record one version forward;
 * a record that still fails to parse is never replaced by defaults: the caller keeps it aside and the options
 * page says so, because defaults would silently wipe every site and pick the coder set up.
 */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './settings';

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n record into version n + 1. Version 1 records carried no version field. */
const MIGRATIONS: Record<number, Migration> = {
  // Version 2 keys sites by scheme, host and port. Version 1 keys were already URL.origin (port included),
  // so the sites carry over; only the version is new.
  1: (record) => ({ ...record, version: 2 }),
};

export type StoredSettings =
  | { kind: 'absent'; settings: Settings }
  | { kind: 'ok'; settings: Settings; migratedFrom?: number }
  | { kind: 'corrupt'; settings: Settings; problem: string };

function versionOf(record: Record<string, unknown>): number {
  return typeof record.version === 'number' && Number.isInteger(record.version) ? record.version : 1;
}

export function readStoredSettings(raw: unknown): StoredSettings {
  if (raw === undefined) return { kind: 'absent', settings: structuredClone(DEFAULT_SETTINGS) };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return corrupt('the record is not an object');
  }
  let record = raw as Record<string, unknown>;
  const from = versionOf(record);
  if (from > SETTINGS_VERSION) {
    return corrupt(`the record was written by a newer GaitGuard (settings version ${from})`);
  }
  for (let version = from; version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) return corrupt(`no way to read settings version ${version}`);
    record = step(record);
  }
  const parsed = SettingsSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    return corrupt(`${issue?.message ?? 'invalid record'}${where}`);
  }
  return from === SETTINGS_VERSION
    ? { kind: 'ok', settings: parsed.data }
    : { kind: 'ok', settings: parsed.data, migratedFrom: from };
}

function corrupt(problem: string): StoredSettings {
  return { kind: 'corrupt', settings: structuredClone(DEFAULT_SETTINGS), problem };
}
