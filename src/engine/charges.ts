/** Charge lists as typed on the command line: "97116:3:GP,97110:1:GP:CQ". */
import type { ChargeLine } from './model';
import { ChargeLineSchema, MAX_CHARGE_LINES } from './model';
import { PATTERNS } from './note/patterns';

/** Parses `CODE:UNITS[:MOD...]` items joined by commas. Throws an Error with a one-line message. */
export function parseChargeList(list: string): ChargeLine[] {
  const items = list.split(',').map((item) => item.trim());
  if (list.trim() === '')
    throw new Error('charge list is empty (expected CODE:UNITS[:MOD...], e.g. 97116:2:GP)');
  if (items.length > MAX_CHARGE_LINES) throw new Error(`charge list has more than ${MAX_CHARGE_LINES} lines`);
  return items.map((item, index) => {
    const where = `charge ${index + 1} ("${item.slice(0, 40)}")`;
    if (item === '') throw new Error(`charge ${index + 1} is empty (two commas in a row?)`);
    const [rawCode = '', rawUnits, ...rawModifiers] = item.split(':').map((part) => part.trim());
    const code = rawCode.toUpperCase();
    if (!PATTERNS.chargeCode.test(code))
      throw new Error(`${where}: code must be 5 letters or digits, e.g. 97116`);
    if (rawUnits === undefined || rawUnits === '')
      throw new Error(`${where}: units are missing (CODE:UNITS)`);
    if (!PATTERNS.chargeUnits.test(rawUnits)) throw new Error(`${where}: units must be a whole number 0-999`);
    const modifiers = rawModifiers.map((m) => m.toUpperCase());
    const bad = modifiers.find((m) => !PATTERNS.chargeModifier.test(m));
    if (bad !== undefined)
      throw new Error(`${where}: modifier "${bad}" must be 2 letters or digits, e.g. GP`);
    if (modifiers.length > 8) throw new Error(`${where}: at most 8 modifiers`);
    return ChargeLineSchema.parse({
      id: `charges-arg-${index + 1}`,
      code,
      units: Number(rawUnits),
      modifiers,
      status: 'unbilled',
      source: { label: 'command line' },
    });
  });
}
