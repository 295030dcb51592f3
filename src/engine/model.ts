/**
 * The engine's data model. Every boundary (content script → worker, CLI file → engine, imported tables)
 * parses with these schemas, so the rules can trust their input.
 */
import * as z from 'zod/mini';

import { MAX_CHARGE_LINES, MAX_NOTE_CHARS } from './limits';

/** Notes longer than MAX_NOTE_CHARS are truncated by the readers before they reach the engine (with a warning). */
export { MAX_CHARGE_LINES, MAX_NOTE_CHARS };

/**
 * Every rule's id, in the order of the registry (src/engine/rules/index.ts, which checks the two agree).
 * Written out here because the content script and popup validate messages and settings with it and must not
 * load the rules themselves.
 */
export const RULE_IDS = [
  'units-exceed-minutes',
  'units-below-minutes',
  'minutes-not-documented',
  'units-over-mue',
  'repetitive-walking',
  'no-improvement-expected',
  'group-session',
  'motion-analysis',
  'ncci-pair',
  'gp-modifier-missing',
  'cq-modifier-missing',
  'kx-modifier-missing',
  'stairs-billed-separately',
  'documentation-incomplete',
] as const;
export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

/** Most serious first: the one order in which findings are sorted, grouped and counted everywhere. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Compares two severities in SEVERITIES order, for sorting (negative when `a` is more serious). */
export function bySeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export const UnitMethodSchema = z.enum(['cms', 'per-code']);
export type UnitMethod = z.infer<typeof UnitMethodSchema>;

/** Where a piece of text or a charge line was read: enough for the UI to point back at it. */
export const SourceSchema = z.object({
  /** Browser frame id (0 = top frame); absent outside a browser. */
  frameId: z.optional(z.number()),
  /** URL of the document it came from (or a file name in the CLI). */
  url: z.optional(z.string().check(z.maxLength(4096))),
  /** A CSS selector (within its frame) of the element it came from. */
  selector: z.optional(z.string().check(z.maxLength(2048))),
  /** Human label: the field's label, heading or column. */
  label: z.optional(z.string().check(z.maxLength(500))),
});
export type Source = z.infer<typeof SourceSchema>;

export const NoteTextSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  text: z.string().check(z.maxLength(MAX_NOTE_CHARS)),
  source: SourceSchema,
  /** The field's length before it was cut at MAX_NOTE_CHARS; absent when the whole field was read. */
  cutFrom: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** 'time' for the time in / time out line read from the page's clock fields, not a note the therapist wrote. */
  kind: z.optional(z.enum(['note', 'time'])),
});
export type NoteText = z.infer<typeof NoteTextSchema>;

export const ChargeStatusSchema = z.enum(['unbilled', 'billed', 'deleted']);
export type ChargeStatus = z.infer<typeof ChargeStatusSchema>;

export const ChargeLineSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** CPT/HCPCS code, upper-case, e.g. "97116" or "G0283". */
  code: z.string().check(z.regex(/^[0-9A-Z]{5}$/)),
  units: z.number().check(z.int(), z.minimum(0), z.maximum(999)),
  modifiers: z.array(z.string().check(z.regex(/^[0-9A-Z]{2}$/))).check(z.maxLength(8)),
  /** Minutes shown on the charge line itself, when the page shows them. */
  minutes: z.optional(z.number().check(z.minimum(0), z.maximum(1440))),
  status: ChargeStatusSchema,
  source: SourceSchema,
  /** True when the page showed no units for the line and 1 was assumed. */
  unitsAssumed: z.optional(z.boolean()),
});
export type ChargeLine = z.infer<typeof ChargeLineSchema>;

export const PayerSchema = z.object({
  name: z.string().check(z.maxLength(200)),
  method: UnitMethodSchema,
  medicare: z.boolean(),
});
export type Payer = z.infer<typeof PayerSchema>;

export const ProviderRoleSchema = z.enum(['PT', 'PTA', 'aide']);
export type ProviderRole = z.infer<typeof ProviderRoleSchema>;

export const EncounterSchema = z.object({
  /** ISO date (YYYY-MM-DD) of service, when known; picks the dated tables in force. */
  dateOfService: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  payer: PayerSchema,
  notes: z.array(NoteTextSchema).check(z.maxLength(200)),
  charges: z.array(ChargeLineSchema).check(z.maxLength(MAX_CHARGE_LINES)),
  /** Who furnished the care, when the page (not the note) says; the note analysis adds its own. */
  furnishedBy: z.optional(z.array(ProviderRoleSchema).check(z.maxLength(3))),
});
export type Encounter = z.infer<typeof EncounterSchema>;

export const EvidenceSchema = z.union([
  z.object({
    kind: z.literal('note'),
    noteId: z.string(),
    start: z.number(),
    end: z.number(),
    quote: z.string(),
  }),
  z.object({
    kind: z.literal('charge'),
    chargeId: z.string(),
    quote: z.string(),
  }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A citation: a manual section or a dated table. Plain text only; nothing is fetched. */
export const CitationSchema = z.object({
  title: z.string(),
  section: z.optional(z.string()),
  effective: z.optional(z.string()),
});
export type Citation = z.infer<typeof CitationSchema>;

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  severity: SeveritySchema,
  /** One line a coder understands at a glance. */
  message: z.string(),
  explanation: z.string(),
  evidence: z.array(EvidenceSchema),
  /** The suggested fix: "Bill 2 units", "Add GP", "Consider 97150". */
  fix: z.string(),
  source: CitationSchema,
});
export type Finding = z.infer<typeof FindingSchema>;
