/** What form controls show, and which elements are editors: the values a read takes from controls. */
import { logValueRead, type ReadContext } from './read-context';
import { collapseWhitespace } from './text';

/** What a form control shows: a select's chosen option text, a checkbox's state, an input's value. */
export function controlValue(el: Element, ctx: ReadContext): string {
  logValueRead(ctx, el);
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
    if (!option) return '';
    if (option.value === '' && /^\s*(--|select|choose)/i.test(option.text)) return '';
    return collapseWhitespace(option.text || option.value);
  }
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'checked' : '';
    return input.value;
  }
  if (el.tagName === 'TEXTAREA') return (el as HTMLTextAreaElement).value;
  return '';
}

/** The raw option value of a select (e.g. "09"), which beats display text for times. */
export function controlRawValue(el: Element, ctx: ReadContext): string {
  logValueRead(ctx, el);
  if (el.tagName === 'SELECT' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
    return (el as HTMLSelectElement).value;
  }
  return '';
}

export function isEditableRoot(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  if (attr === null) return false;
  const value = attr.trim().toLowerCase();
  return value === '' || value === 'true' || value === 'plaintext-only';
}
