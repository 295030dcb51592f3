/**
 * Charge lines shown as list items that start with their code and have no code label: a charge-capture
 * list of "97116 Gait training · Qty: 3 · GP" entries. Read only when no grid, control or labelled field gave
 * a line. A list of codes without shown units (a code reference, a pick list) is not a claim, so an item
 * counts only when it shows its units ("Qty: 3", "Units 2", "x 2"); items inside a note are the note's words.
 */
import type { ChargeLine } from '../engine/model';
import { chargeFromFields, type ChargeReadContext } from './charges';
import { inlineFields } from './label-charges';
import { shortText } from './rendered-text';
import type { Scope } from './selectors';
import { isInsideAny } from './tree';
import { isVisible } from './visibility';
import { isProcedureCode, parseModifiers } from './text';

const ITEMS = 'li, [role="listitem"]';
/** An item longer than this is prose that happens to start with a code, not one charge line. */
const MAX_ITEM_CHARS = 200;
/** Units written as a count after the description: "x 2", "× 3", "2 units". */
const COUNT = /(?:^|\s)(?:[x×]\s?(\d{1,2})|(\d{1,2})\s?units?)(?![\w])/i;
/** A chip or badge holding modifiers only: "GP", "GP 59", "KX, CQ". */
const MODIFIER_CHIP = /^[0-9A-Z]{2}(?:[\s,]+[0-9A-Z]{2}){0,3}$/;

/** Modifiers shown in their own chips inside the item. */
function chipModifiers(item: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(item.querySelectorAll('*'))) {
    if (el.childElementCount > 0) continue;
    const text = (el.textContent ?? '').trim();
    if (MODIFIER_CHIP.test(text)) found.push(...parseModifiers(text));
  }
  return found;
}

export function chargesFromListItems(
  scopes: readonly Scope[],
  noteContainers: readonly Element[],
  read: ChargeReadContext,
): { charges: ChargeLine[]; items: Element[] } {
  const charges: ChargeLine[] = [];
  const items: Element[] = [];
  for (const scope of scopes) {
    for (const item of Array.from(scope.root.querySelectorAll(ITEMS))) {
      if (isInsideAny(item, noteContainers) || !isVisible(item, read.ctx)) continue;
      // An item holding a nested list is a group; its own items are read in turn.
      if (item.querySelector(ITEMS)) continue;
      const text = shortText(item, read.ctx);
      if (text.length > MAX_ITEM_CHARS) continue;
      const first = /^[^\w]*(\w+)/.exec(text)?.[1] ?? '';
      if (!isProcedureCode(first)) continue;
      const inline = inlineFields(text.slice(text.indexOf(first) + first.length));
      const count = COUNT.exec(text);
      const units = inline.units ?? count?.[1] ?? count?.[2];
      if (units === undefined) continue;
      const modifiers = parseModifiers([...(inline.modifiers ?? []), ...chipModifiers(item)].join(' '));
      const line = chargeFromFields(
        { ...inline, code: first, units, modifiers },
        item,
        scope,
        'Charge list',
        read,
      );
      if (!line) continue;
      charges.push(line);
      items.push(item);
    }
  }
  return { charges, items };
}
