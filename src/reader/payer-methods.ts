/**
 * Which unit method a payer shown on the page calls for. The table is data: an organisation replaces or
 * extends it (hospital policy `payerMethods`), and the coder can still override the method per site.
 * Medicare Part B uses the CMS method; Medicare Advantage plans commonly follow it but each plan decides;
 * Medicaid varies by state; commercial payers commonly use the per-code method (domain notes §9).
 */
import * as z from 'zod/mini';
import { UnitMethodSchema, type UnitMethod } from '../engine/model';

export const PayerMethodRowSchema = z.object({
  /** Words that must all appear in the payer name, whole and in any case ("medicare advantage"). */
  match: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The method to use, or 'site' when the payer says nothing reliable (the site's setting then decides). */
  method: z.union([UnitMethodSchema, z.literal('site')]),
  /** Whether Medicare's own rules (GP/CQ payment policy) apply. */
  medicare: z.boolean(),
});
export type PayerMethodRow = z.infer<typeof PayerMethodRowSchema>;

/** First matching row wins, so the more specific names come first. */
export const DEFAULT_PAYER_METHODS: readonly PayerMethodRow[] = [
  { match: 'medicare advantage', method: 'cms', medicare: false },
  { match: 'medicare replacement', method: 'cms', medicare: false },
  { match: 'medicare hmo', method: 'cms', medicare: false },
  { match: 'medicare ppo', method: 'cms', medicare: false },
  { match: 'medicare supplement', method: 'site', medicare: true },
  { match: 'medigap', method: 'site', medicare: true },
  { match: 'medicare', method: 'cms', medicare: true },
  { match: 'medicaid', method: 'site', medicare: false },
  { match: 'workers compensation', method: 'site', medicare: false },
  { match: 'workers comp', method: 'site', medicare: false },
  { match: 'commercial', method: 'per-code', medicare: false },
  { match: 'aetna', method: 'per-code', medicare: false },
  { match: 'cigna', method: 'per-code', medicare: false },
  { match: 'unitedhealthcare', method: 'per-code', medicare: false },
  { match: 'united healthcare', method: 'per-code', medicare: false },
  { match: 'blue cross', method: 'per-code', medicare: false },
  { match: 'blue shield', method: 'per-code', medicare: false },
  { match: 'bcbs', method: 'per-code', medicare: false },
  { match: 'anthem', method: 'per-code', medicare: false },
  { match: 'self pay', method: 'per-code', medicare: false },
];

/**
 * How the method was chosen: the payer the page shows ('page'); the coder's choice for this site, which wins
 * over the page ('override'); the site setting because the page shows no payer ('site') or shows one the
 * table does not map to a method ('unmapped').
 */
export type PayerBasis = 'page' | 'override' | 'site' | 'unmapped';

export interface PayerDecision {
  /** The payer name as the page shows it, when it shows one. */
  pageName?: string;
  method: UnitMethod;
  medicare: boolean;
  basis: PayerBasis;
}

export interface SitePayerSetting {
  method: UnitMethod;
  medicare: boolean;
  /** True when the coder chose the method for this site, which then wins over the page's payer. */
  override?: boolean;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The first row whose words all appear in the payer's name. */
export function matchPayer(
  name: string,
  rows: readonly PayerMethodRow[] = DEFAULT_PAYER_METHODS,
): PayerMethodRow | undefined {
  const nameWords = words(name);
  const joined = ` ${nameWords.join(' ')} `;
  return rows.find((row) => {
    const wanted = words(row.match);
    // A run of words ("blue cross") must appear together, in order.
    return wanted.length > 0 && joined.includes(` ${wanted.join(' ')} `);
  });
}

/** The method for this encounter: the coder's override, else the page's payer, else the site setting. */
export function decidePayer(
  pageName: string | undefined,
  site: SitePayerSetting,
  rows: readonly PayerMethodRow[] = DEFAULT_PAYER_METHODS,
): PayerDecision {
  const named = pageName?.trim() ? { pageName: pageName.trim() } : {};
  if (site.override) return { ...named, method: site.method, medicare: site.medicare, basis: 'override' };
  if (!named.pageName) return { method: site.method, medicare: site.medicare, basis: 'site' };
  const row = matchPayer(named.pageName, rows);
  if (!row || row.method === 'site') {
    return { ...named, method: site.method, medicare: row ? row.medicare : site.medicare, basis: 'unmapped' };
  }
  return { ...named, method: row.method, medicare: row.medicare, basis: 'page' };
}
