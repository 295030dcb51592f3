import type { ChargeLine, Encounter, Finding, RuleId } from '../../../src/engine/model';
import { EncounterSchema } from '../../../src/engine/model';
import type { EngineOptions } from '../../../src/engine/index';
import { analyzeEncounter, parseChargeList } from '../../../src/engine/index';

export interface EncounterSpec {
  note?: string | string[];
  charges?: string;
  lines?: ChargeLine[];
  medicare?: boolean;
  method?: 'cms' | 'per-code';
  dateOfService?: string;
  furnishedBy?: Encounter['furnishedBy'];
}

export function encounter(spec: EncounterSpec): Encounter {
  const notes = spec.note === undefined ? [] : Array.isArray(spec.note) ? spec.note : [spec.note];
  const medicare = spec.medicare ?? true;
  return EncounterSchema.parse({
    dateOfService: spec.dateOfService ?? '2024-09-10',
    payer: {
      name: medicare ? 'Medicare Part B' : 'Commercial',
      method: spec.method ?? (medicare ? 'cms' : 'per-code'),
      medicare,
    },
    notes: notes.map((text, i) => ({ id: `note-${i + 1}`, text, source: { label: `field ${i + 1}` } })),
    charges: [...(spec.charges ? parseChargeList(spec.charges) : []), ...(spec.lines ?? [])],
    furnishedBy: spec.furnishedBy,
  });
}

export function run(spec: EncounterSpec, options?: EngineOptions): Finding[] {
  return analyzeEncounter(encounter(spec), options);
}

export function rulesFired(spec: EncounterSpec, options?: EngineOptions): RuleId[] {
  return run(spec, options).map((f) => f.rule);
}

export function findingOf(spec: EncounterSpec, rule: RuleId): Finding | undefined {
  return run(spec).find((f) => f.rule === rule);
}
