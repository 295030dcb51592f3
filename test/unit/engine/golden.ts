/**
 * The golden set's encounters: `npm run golden` (scripts/golden.ts) compares their findings with the ones
 * recorded in golden-findings.json and prints the differences; `npm run golden -- --update` records them
 * again, which is only right when a change of findings is intended (say so in the commit).
 *
 * Notes: the corpus, the fixtures, the traps, the bench notes, adversarial shapes at 50 KB (long enough for
 * every mention cap), and golden-notes.json (every note the unit tests fed the engine when it was
 * recorded, and their string literals). Each is varied in case and whitespace and paired with several
 * charge sets and payers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPICAL_CHARGES, TYPICAL_NOTE, longNote } from '../../../bench/fixtures/notes';
import type { EngineOptions } from '../../../src/engine/index';
import { parseChargeList } from '../../../src/engine/index';
import type { ChargeLine, Encounter, NoteText } from '../../../src/engine/model';
import { EncounterSchema } from '../../../src/engine/model';
import { TRAPS } from './traps';
import { CORPUS_DIR } from '../../corpus-dir';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = CORPUS_DIR;
const FIXTURES = path.resolve(HERE, '../../fixtures');
export const GOLDEN_FILE = path.join(HERE, 'golden-findings.json');

export interface GoldenCase {
  key: string;
  encounter: Encounter;
  options?: EngineOptions;
  /** Set on the first case of each distinct note set: its analysis is recorded too. */
  analysisKey?: string;
}

const CHARGE_SETS = [
  '97116:2:GP',
  '97116:3',
  '97116:1:GP:CQ',
  TYPICAL_CHARGES,
  '97116:2:GP,97530:2:GP,96000:1',
  '97116:0:GP,97110:2:GP',
  '97116:6:GP,97150:1:GP',
  '97116:2:GP:KX,97112:1:GP:59,97140:1:GP',
];

const PAYERS: readonly Encounter['payer'][] = [
  { name: 'Medicare Part B', method: 'cms', medicare: true },
  { name: 'Commercial', method: 'per-code', medicare: false },
  { name: 'Medicare Advantage', method: 'per-code', medicare: true },
];

/** Shapes that push the scanners to their caps and worst paths (from bench/adversarial.ts and patterns.test.ts). */
const ADVERSARIAL_UNITS = [
  ' ',
  ' \t\n',
  '9',
  'a',
  'gait training ',
  'min ',
  '97116 23 ',
  '(97116): ',
  'Time in 9:05 ',
  'verbal cues for gait with CGA ',
  'gait amb walk ',
  "1' 2' 3-4 min ",
  'Gait training 23 min\n',
  'PLAN:\n',
  'Doe, PTA ',
  'time in 9:05 time in 9:0',
  'Intervention | Minutes\nGait | 2',
  'laps in hallway for endurance, stairs x4 with step-to pattern, 10 m walk 0.8 m/s, group gait class. ',
];

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Case and whitespace variants: the scanners lower-case the note, and layout depends on blanks and line ends. */
const VARIANTS: ReadonlyArray<readonly [string, (text: string) => string]> = [
  ['as-is', (t) => t],
  ['upper', (t) => t.toUpperCase()],
  ['lower', (t) => t.toLowerCase()],
  ['crlf', (t) => t.replace(/\n/g, '\r\n')],
  ['doubled-blanks', (t) => t.replace(/ /g, '  ')],
  ['tabs', (t) => t.replace(/ /g, '\t')],
];

function notesOf(text: string, split: boolean): NoteText[] {
  if (!split) return [{ id: 'note-1', text, source: { label: 'Note' } }];
  // Two note fields, cut at the middle line end, so mentions and minutes come from two notes.
  const cut = text.indexOf('\n', text.length >> 1);
  const at = cut < 0 ? text.length >> 1 : cut + 1;
  return [
    { id: 'note-1', text: text.slice(0, at), source: { label: 'Subjective' } },
    { id: 'note-2', text: text.slice(at), source: { label: 'Objective' } },
  ];
}

function makeEncounter(
  notes: NoteText[],
  charges: string,
  payer: Encounter['payer'],
  extra: Partial<Encounter> = {},
): Encounter {
  const lines: ChargeLine[] = parseChargeList(charges);
  return EncounterSchema.parse({ dateOfService: '2024-09-10', payer, notes, charges: lines, ...extra });
}

export function goldenNotes(): [string, string][] {
  const named: [string, string][] = [];
  for (const file of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    named.push([`corpus/${file}`, readFileSync(path.join(CORPUS, file), 'utf8')]);
  for (const file of readdirSync(path.join(FIXTURES, 'notes')).sort())
    named.push([`fixture/${file}`, readFileSync(path.join(FIXTURES, 'notes', file), 'utf8')]);
  for (const file of readdirSync(path.join(FIXTURES, 'encounters')).sort()) {
    const data = JSON.parse(readFileSync(path.join(FIXTURES, 'encounters', file), 'utf8')) as Encounter;
    for (const note of data.notes) named.push([`fixture/${file}/${note.id}`, note.text]);
  }
  TRAPS.forEach((trap, i) => named.push([`trap/${i}`, trap.note]));
  named.push(['bench/typical', TYPICAL_NOTE]);
  named.push([
    'bench/typical-plateau',
    TYPICAL_NOTE.replace('Good\nrehab potential for the stated goals.', 'Pt has plateaued in\ngait speed.'),
  ]);
  named.push(['bench/long-20k', longNote(20_000)]);
  ADVERSARIAL_UNITS.forEach((unit, i) => named.push([`adversarial/${i}`, fill(unit, 50_000)]));
  const recorded = JSON.parse(readFileSync(path.join(HERE, 'golden-notes.json'), 'utf8')) as string[];
  recorded.forEach((text, i) => named.push([`recorded/${i}`, text]));
  return named;
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const [name, text] of goldenNotes()) {
    const big = text.length > 20_000;
    for (const [variant, vary] of VARIANTS) {
      if (big && variant !== 'as-is' && variant !== 'upper') continue;
      const varied = vary(text);
      const full = variant === 'as-is' && !big;
      const chargeSets = full ? CHARGE_SETS : [CHARGE_SETS[0] ?? '', TYPICAL_CHARGES];
      for (const [c, charges] of chargeSets.entries()) {
        for (const [p, payer] of PAYERS.entries()) {
          if (!full && p === 2) continue;
          const split = full && c === 3;
          const first = p === 0 && (c === 0 || split);
          cases.push({
            key: `${name}|${variant}|${charges}|${payer.name}${split ? '|split' : ''}`,
            encounter: makeEncounter(notesOf(varied, split), charges, payer),
            ...(first ? { analysisKey: `${name}|${variant}${split ? '|split' : ''}` } : {}),
          });
        }
      }
      if (full) {
        cases.push({
          key: `${name}|${variant}|furnished-by-PTA`,
          encounter: makeEncounter(notesOf(varied, false), '97116:2:GP', PAYERS[0]!, {
            furnishedBy: ['PTA'],
          }),
        });
        cases.push({
          key: `${name}|${variant}|language-rules-off`,
          encounter: makeEncounter(notesOf(varied, false), '97116:2:GP', PAYERS[0]!),
          options: {
            disabledRules: ['repetitive-walking', 'documentation-incomplete', 'units-exceed-minutes'],
          },
        });
      }
    }
  }
  // The benchmark's 1 MB notes, once each: the mention caps and bounded windows at full size.
  cases.push({
    key: 'bench/long-1mb',
    encounter: makeEncounter(notesOf(longNote(1_000_000), false), TYPICAL_CHARGES, PAYERS[0]!),
  });
  for (const [i, unit] of ADVERSARIAL_UNITS.entries())
    cases.push({
      key: `adversarial-1mb/${i}`,
      encounter: makeEncounter(notesOf(fill(unit, 1_000_000), false), '97116:2:GP', PAYERS[0]!),
    });
  return cases;
}
