/**
 * Our encounters (../encounters.ts) as the FHIR resources Medplum's provider app reads: the chart note is a
 * ClinicalImpression's note on the encounter, each billed code a ChargeItem whose context is the encounter,
 * its CPT coding in `code` (with a display, Medplum's pill shows the display in place of the code),
 * its modifiers in the chargeitem-modifier extension and its units in `quantity`.
 */
import type {
  ChargeItem,
  ClinicalImpression,
  Encounter,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import type { DemoEncounter } from '../encounters';

export const CPT_SYSTEM = 'http://www.ama-assn.org/go/cpt';
export const CHARGE_ITEM_MODIFIER_URL = 'http://hl7.org/fhir/StructureDefinition/chargeitem-modifier';
const MODIFIER_SYSTEM = 'http://terminology.hl7.org/CodeSystem/modifiers';

/** The resources of one encounter, as the Medplum server would hold them. */
export function resourcesOf(encounter: DemoEncounter): Resource[] {
  const subject = { reference: `Patient/${encounter.patient.id}` };
  const context = { reference: `Encounter/${encounter.id}` };
  const { patient: who, practitioner: by } = encounter;
  const patient: Patient = {
    resourceType: 'Patient',
    id: who.id,
    name: [{ given: [who.given], family: who.family }],
    birthDate: who.birthDate,
  };
  const practitioner: Practitioner = {
    resourceType: 'Practitioner',
    id: by.id,
    name: [{ given: [by.given], family: by.family, suffix: [by.credential] }],
  };
  const visit: Encounter = {
    resourceType: 'Encounter',
    id: encounter.id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject,
    participant: [{ individual: { reference: `Practitioner/${by.id}` } }],
    period: { start: '2026-11-30T14:00:00.000Z', end: '2026-11-30T14:45:00.000Z' },
  };
  const note: ClinicalImpression = {
    resourceType: 'ClinicalImpression',
    id: `note-${encounter.id}`,
    status: 'in-progress',
    subject,
    encounter: context,
    note: [{ text: encounter.note }],
  };
  return [
    patient,
    practitioner,
    visit,
    note,
    ...encounter.charges.map((charge, index): ChargeItem => ({
      resourceType: 'ChargeItem',
      id: `chg-${encounter.id}-${index + 1}`,
      status: 'planned',
      subject,
      context,
      code: { coding: [{ system: CPT_SYSTEM, code: charge.code, display: charge.display }] },
      quantity: { value: charge.units },
      extension:
        charge.modifiers.length > 0
          ? [
              {
                url: CHARGE_ITEM_MODIFIER_URL,
                valueCodeableConcept: {
                  coding: charge.modifiers.map((code) => ({ system: MODIFIER_SYSTEM, code })),
                },
              },
            ]
          : [],
    })),
  ];
}
