/**
 * The daily-note corpus of test/fixtures/daily-notes: our own PT daily treatment notes, each with its charge
 * lines and the verdict of every rule written before the engine was run on it (see the folder's README).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Encounter, Finding, RuleId, Severity } from '../../../src/engine/model';
import { EncounterSchema, RULE_IDS } from '../../../src/engine/model';
import { parseChargeList } from '../../../src/engine/index';

export const DAILY_NOTES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/daily-notes',
);

export type Verdict = Severity | '-';

export interface DailyNote {
  id: string;
  title: string;
  style: string;
  payer: 'medicare' | 'commercial';
  charges: string;
  furnishedBy?: Encounter['furnishedBy'];
  clean: boolean;
  overbilled: boolean;
  expect: Record<RuleId, Verdict>;
  text: string;
}

const VERDICTS: readonly string[] = ['-', 'info', 'warning', 'error'];

function parseNote(id: string, raw: string): DailyNote {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`${id}: no front-matter block`);
  const [, head = '', text = ''] = match;
  const fields = new Map<string, string>();
  const expect: Partial<Record<RuleId, Verdict>> = {};
  let inExpect = false;
  for (const line of head.split('\n')) {
    const indented = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (inExpect && indented) {
      const [, rule = '', verdict = ''] = indented;
      if (!(RULE_IDS as readonly string[]).includes(rule)) throw new Error(`${id}: unknown rule ${rule}`);
      if (!VERDICTS.includes(verdict)) throw new Error(`${id}: ${rule} has verdict "${verdict}"`);
      expect[rule as RuleId] = verdict as Verdict;
      continue;
    }
    const field = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!field) throw new Error(`${id}: cannot read front-matter line "${line}"`);
    const [, key = '', value = ''] = field;
    inExpect = key === 'expect';
    if (!inExpect) fields.set(key, value);
  }
  const missing = RULE_IDS.filter((rule) => expect[rule] === undefined);
  if (missing.length > 0) throw new Error(`${id}: no verdict for ${missing.join(', ')}`);
  const payer = fields.get('payer');
  if (payer !== 'medicare' && payer !== 'commercial')
    throw new Error(`${id}: payer must be medicare|commercial`);
  const tags = (fields.get('tags') ?? '').split(/[\s,]+/).filter(Boolean);
  const furnished = fields.get('furnished-by');
  return {
    id,
    title: fields.get('title') ?? id,
    style: fields.get('style') ?? '',
    payer,
    charges: fields.get('charges') ?? '',
    furnishedBy: furnished ? (furnished.split(/[\s,]+/) as Encounter['furnishedBy']) : undefined,
    clean: tags.includes('clean'),
    overbilled: tags.includes('overbilled'),
    expect: expect as Record<RuleId, Verdict>,
    text,
  };
}

export function dailyNotes(): DailyNote[] {
  return readdirSync(DAILY_NOTES_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) =>
      parseNote(file.replace(/\.txt$/, ''), readFileSync(path.join(DAILY_NOTES_DIR, file), 'utf8')),
    );
}

export function encounterOf(note: DailyNote, text = note.text): Encounter {
  const medicare = note.payer === 'medicare';
  return EncounterSchema.parse({
    dateOfService: '2024-09-10',
    payer: medicare
      ? { name: 'Medicare Part B', method: 'cms', medicare: true }
      : { name: 'Commercial PPO', method: 'per-code', medicare: false },
    notes: [{ id: 'note', text, source: { label: 'daily note' } }],
    charges: note.charges ? parseChargeList(note.charges) : [],
    furnishedBy: note.furnishedBy,
  });
}

const RANK: Readonly<Record<Verdict, number>> = { '-': 0, info: 1, warning: 2, error: 3 };

/** Each rule's verdict from findings: its most severe finding, or '-'. */
export function verdictsOf(findings: readonly Finding[]): Record<RuleId, Verdict> {
  const verdicts = Object.fromEntries(RULE_IDS.map((rule) => [rule, '-'])) as Record<RuleId, Verdict>;
  for (const f of findings) if (RANK[f.severity] > RANK[verdicts[f.rule]]) verdicts[f.rule] = f.severity;
  return verdicts;
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  /** Fired as expected but at another severity. */
  severity: number;
}

export function scoreTable(
  results: readonly { note: DailyNote; actual: Record<RuleId, Verdict> }[],
): Map<RuleId, RuleScore> {
  const table = new Map<RuleId, RuleScore>(
    RULE_IDS.map((rule) => [rule, { tp: 0, fp: 0, fn: 0, severity: 0 }]),
  );
  for (const { note, actual } of results) {
    for (const rule of RULE_IDS) {
      const score = table.get(rule) as RuleScore;
      const want = note.expect[rule];
      const got = actual[rule];
      if (want !== '-' && got !== '-') {
        score.tp++;
        if (want !== got) score.severity++;
      } else if (want === '-' && got !== '-') score.fp++;
      else if (want !== '-' && got === '-') score.fn++;
    }
  }
  return table;
}

export function formatScoreTable(table: ReadonlyMap<RuleId, RuleScore>, notes: number): string {
  const width = Math.max(...RULE_IDS.map((r) => r.length));
  const lines = [
    `daily-note corpus: ${notes} notes`,
    `${'rule'.padEnd(width)}  TP  FP  FN  severity≠`,
    ...[...table].map(
      ([rule, s]) =>
        `${rule.padEnd(width)}  ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${String(s.severity).padStart(9)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
