/**
 * Dated edit tables (MUE, NCCI PTP, the KX threshold). An organisation can replace them through EngineOptions.tables; the
 * engine picks, for each encounter, the newest table whose effective date is on or before the date of
 * service (the newest table when the date is unknown).
 */
import * as z from 'zod/mini';
import mue20240701 from './tables/mue-2024-07-01.json';
import kxThresholds from './tables/kx-thresholds.json';
import ncci20240701 from './tables/ncci-ptp-2024-07-01.json';
import { PATTERNS } from './note/patterns';

const IsoDateSchema = z.string().check(z.regex(PATTERNS.isoDate));
const CodeSchema = z.string().check(z.regex(PATTERNS.chargeCode));

export const MueTableSchema = z.object({
  kind: z.literal('mue'),
  effective: IsoDateSchema,
  /** Last day in force, when the table was withdrawn without a successor. */
  expires: z.optional(IsoDateSchema),
  source: z.string().check(z.maxLength(500)),
  values: z.record(
    CodeSchema,
    z.object({
      units: z.number().check(z.int(), z.minimum(0), z.maximum(9999)),
      mai: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3))),
    }),
  ),
});
export type MueTable = z.infer<typeof MueTableSchema>;

export const NcciPairSchema = z.object({
  column1: CodeSchema,
  column2: CodeSchema,
  /** 0: never bypassed; 1: a distinct-service modifier may bypass; 9: not applicable. */
  modifierIndicator: z.union([z.literal(0), z.literal(1), z.literal(9)]),
});
export type NcciPair = z.infer<typeof NcciPairSchema>;

export const NcciTableSchema = z.object({
  kind: z.literal('ncci-ptp'),
  effective: IsoDateSchema,
  expires: z.optional(IsoDateSchema),
  source: z.string().check(z.maxLength(500)),
  pairs: z.array(NcciPairSchema).check(z.maxLength(100_000)),
});
export type NcciTable = z.infer<typeof NcciTableSchema>;

/**
 * The year's Medicare amount for physical and speech therapy together past which a therapy line needs KX,
 * set each year in the Physician Fee Schedule final rule.
 */
export const KxThresholdSchema = z.object({
  kind: z.literal('kx'),
  effective: IsoDateSchema,
  expires: z.optional(IsoDateSchema),
  source: z.string().check(z.maxLength(500)),
  /** Dollars: past this, the line needs KX. */
  amount: z.number().check(z.minimum(0), z.maximum(1_000_000)),
  /** Dollars: past this, claims may be chosen for targeted medical review. */
  reviewAmount: z.optional(z.number().check(z.minimum(0), z.maximum(1_000_000))),
});
export type KxThreshold = z.infer<typeof KxThresholdSchema>;

export const EditTablesSchema = z.object({
  mue: z.array(MueTableSchema).check(z.maxLength(100)),
  ncci: z.array(NcciTableSchema).check(z.maxLength(100)),
  /** Optional so that a tables file from before KX still imports; the shipped thresholds apply then. */
  kx: z.optional(z.array(KxThresholdSchema).check(z.maxLength(100))),
});
export type EditTables = z.infer<typeof EditTablesSchema>;

export const DEFAULT_TABLES: EditTables = EditTablesSchema.parse({
  mue: [mue20240701],
  ncci: [ncci20240701],
  kx: kxThresholds,
});

/** The table in force on a date of service (ISO dates compare as strings). */
export function tableInForce<T extends { effective: string; expires?: string | undefined }>(
  tables: readonly T[],
  dateOfService: string | undefined,
): T | undefined {
  let best: T | undefined;
  for (const table of tables) {
    if (dateOfService !== undefined) {
      if (table.effective > dateOfService) continue;
      if (table.expires !== undefined && table.expires < dateOfService) continue;
    }
    if (!best || table.effective > best.effective) best = table;
  }
  return best;
}
