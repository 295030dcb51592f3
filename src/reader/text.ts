/** String helpers shared by the reader: code and modifier parsing, ids, hashing. */
import { MAX_READABLE_ID_CHARS } from './constants';

const CODE_PATTERN = /(?:^|[^0-9A-Za-z])([0-9]{5}|[A-Za-z][0-9]{4})(?![0-9A-Za-z])/;
const MODIFIER_PATTERN = /^[0-9A-Z]{2}$/;

/** The first CPT/HCPCS-looking token (5 digits, or a letter and 4 digits), upper-cased. */
export function findProcedureCode(text: string): { code: string; rest: string } | undefined {
  const match = CODE_PATTERN.exec(text);
  if (!match?.[1]) return undefined;
  const end = match.index + match[0].length;
  return { code: match[1].toUpperCase(), rest: text.slice(end) };
}

export function isProcedureCode(text: string): boolean {
  return /^([0-9]{5}|[A-Za-z][0-9]{4})$/.test(text.trim());
}

/** "GP:59", "GP, 59", "GP 59", "GP-59" → ["GP", "59"]; anything that is not a 2-character modifier is dropped. */
/**
 * Modifiers that badges or chips render side by side with no space between them ("GPCQ", "GP59"): read
 * as pairs only when every pair is one a therapy claim carries, so no word is ever taken apart.
 */
const RUN_MODIFIERS = new Set([
  'GP',
  'GO',
  'GN',
  'CQ',
  'CO',
  'KX',
  '59',
  'XE',
  'XP',
  'XS',
  'XU',
  '25',
  '76',
  '77',
]);

function modifierRun(part: string): string[] {
  if (part.length < 4 || part.length > 16 || part.length % 2 !== 0) return [];
  const pairs = part.match(/.{2}/g) ?? [];
  return pairs.every((pair) => RUN_MODIFIERS.has(pair)) ? pairs : [];
}

export function parseModifiers(text: string): string[] {
  const out: string[] = [];
  for (const part of text.toUpperCase().split(/[\s:,;\-/|×]+/)) {
    const found = MODIFIER_PATTERN.test(part) ? [part] : modifierRun(part);
    for (const modifier of found) if (!out.includes(modifier) && out.length < 8) out.push(modifier);
    if (out.length === 8) break;
  }
  return out;
}

/** Modifiers written right after a code in the same cell: "97116-GP", "97116:GP:59". */
export function trailingModifiers(rest: string): string[] {
  const match = /^\s*[-:]\s*([0-9A-Za-z]{2}(?:\s*[-:,]\s*[0-9A-Za-z]{2})*)(?![0-9A-Za-z])/.exec(rest);
  return match?.[1] ? parseModifiers(match[1]) : [];
}

export function parseWholeNumber(text: string): number | undefined {
  const match = /(?:^|[^\d.])(\d{1,4})(?:\.0+)?(?![\d.])/.exec(` ${text.trim()}`);
  if (!match?.[1]) return undefined;
  return Number.parseInt(match[1], 10);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** FNV-1a, 32 bit, as 8 hex digits. */
export function hashString(text: string, seed = 0x811c9dc5): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** An id derived from where the element sits, so re-reading the same DOM gives the same id. */
export function stableId(prefix: string, selector: string): string {
  const readable = `${prefix}:${selector}`;
  return readable.length <= MAX_READABLE_ID_CHARS
    ? readable
    : `${prefix}#${hashString(selector)}${hashString(selector, 0x2f3a9b1d)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Dates as EHRs print them: 2024-05-14, 05/14/2024, 5/14/24, May 14, 2024, 14 May 2024. */
export function parseDisplayedDate(text: string): string | undefined {
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/.exec(text);
  if (us) {
    const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    return isoDate(year, Number(us[1]), Number(us[2]));
  }
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month = MONTHS.indexOf(monthFirst[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) return isoDate(Number(monthFirst[3]), month + 1, Number(monthFirst[2]));
  }
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst) {
    const month = MONTHS.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return isoDate(Number(dayFirst[3]), month + 1, Number(dayFirst[1]));
  }
  return undefined;
}
