/**
 * A value shown next to its label, the way a read-only EHR view lays out a field: after a colon in the same
 * text, in the next text or element, in the label's own control, or in the block after the label's block
 * (a `dt` and its `dd`, a label cell and its value cell, a label div and its value div). Used for page
 * facts (date of service, payer) and for charge fields that render no input (a code pill, units in a
 * description list, modifier chips).
 */
import { controlValue } from './controls';
import { renderedText } from './rendered-text';
import { logTextRead, type ReadContext } from './read-context';
import { collapseWhitespace, truncate } from './text';

const MAX_VALUE_CHARS = 200;

/** A value element's text: its control's value, or what it shows, without the chips' remove buttons. */
export function valueElementText(el: Element, ctx: ReadContext): string {
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return controlValue(el, ctx);
  const control = el.querySelector('input:not([type="hidden"]), select');
  logTextRead(ctx, el);
  if (control && el.textContent?.trim() === '') return controlValue(control, ctx);
  // A removable chip is the modifier plus a button ("GP ×"): the button is not part of the value.
  const exclude = new Set(el.querySelectorAll('button, [role="button"]'));
  return truncate(collapseWhitespace(renderedText(el, { ctx, short: true, exclude })), MAX_VALUE_CHARS);
}

/** The value next to a label that ends at `labelEnd` in `node`, or '' when none is shown. */
export function valueAfterLabel(node: Text, labelEnd: number, ctx: ReadContext): string {
  const inline = node.data
    .slice(labelEnd)
    .replace(/^\s*[:#-]?\s*/, '')
    .trim();
  if (inline) return inline;
  const parent = node.parentElement;
  if (!parent) return '';
  const next = node.nextSibling;
  if (next) logTextRead(ctx, next);
  if (next?.nodeType === 3 && next.textContent?.trim()) return next.textContent.trim();
  if (next?.nodeType === 1) return valueElementText(next as Element, ctx);
  if (parent.tagName === 'LABEL') {
    // A label whose `for` names a control that exists; one that points at nothing falls through to what
    // is shown beside it.
    const control = (parent as HTMLLabelElement).control;
    if (control) return controlValue(control, ctx);
  }
  let holder: Element = parent;
  for (let depth = 0; depth < 3; depth++) {
    const afterText = holder.nextSibling;
    if (afterText) logTextRead(ctx, afterText);
    if (afterText?.nodeType === 3 && afterText.textContent?.trim()) return afterText.textContent.trim();
    const sibling = holder.nextElementSibling;
    if (sibling) return valueElementText(sibling, ctx);
    const up = holder.parentElement;
    if (!up || up.childElementCount > 1) break;
    holder = up;
  }
  return '';
}
