/** The label a coder reads next to a field: aria, <label>, a nearby heading or legend, or its name. */
import { MAX_LABEL_CHARS } from './constants';
import { shortText } from './rendered-text';
import { collapseWhitespace, truncate } from './text';
import { rootOf } from './tree';
import { trimLabelPunctuation } from './trim';
import { isHiddenByMarkup } from './visibility';
import type { ReadContext } from './read-context';

function cleanLabel(text: string): string {
  return truncate(trimLabelPunctuation(collapseWhitespace(text)).trim(), MAX_LABEL_CHARS);
}

function byId(root: Document | ShadowRoot, id: string): Element | null {
  return root.getElementById ? root.getElementById(id) : null;
}

const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,legend,label,[role="heading"],.title,.form_header,.label';

/** True when the label names a different, shown control (not one an editor has hidden and replaced). */
function labelsAnotherControl(label: HTMLLabelElement, el: Element): boolean {
  if (label.querySelector('input, select, textarea')) return true;
  const target = label.htmlFor ? rootOf(label).getElementById?.(label.htmlFor) : null;
  if (!target || target === el) return false;
  return !isHiddenByMarkup(target);
}

function nearbyHeading(el: Element, ctx: ReadContext): string {
  let current: Element | null = el;
  for (let depth = 0; current && depth < 4; depth++) {
    let sibling = current.previousElementSibling;
    for (let steps = 0; sibling && steps < 3; steps++) {
      // A label that belongs to another control names that control, not this element.
      const foreignLabel =
        sibling.tagName === 'LABEL' && labelsAnotherControl(sibling as HTMLLabelElement, el);
      const heading = !foreignLabel && sibling.matches(HEADING_SELECTOR) ? sibling : null;
      const boldOnly =
        !heading && /^(B|STRONG|SPAN|DT|TH)$/.test(sibling.tagName) && sibling.childElementCount === 0
          ? sibling
          : null;
      const found = heading ?? boldOnly;
      if (found && !isHiddenByMarkup(found)) {
        const text = shortText(found, ctx);
        if (text && text.length <= MAX_LABEL_CHARS) return text;
      }
      sibling = sibling.previousElementSibling;
    }
    current = current.parentElement;
    if (current && /^(BODY|HTML|FORM|TABLE)$/.test(current.tagName)) break;
  }
  return '';
}
/** The label a coder would read next to a field: aria, <label>, legend, a nearby heading, or its name. */
export function labelFor(el: Element, ctx: ReadContext): string {
  const root = rootOf(el);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => byId(root, id))
      .filter((node): node is Element => node !== null)
      .map((node) => shortText(node, ctx))
      .join(' ');
    if (text.trim()) return cleanLabel(text);
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel?.trim()) return cleanLabel(ariaLabel);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0 && labels[0]) {
    const text = shortText(labels[0], ctx);
    if (text) return cleanLabel(text);
  }
  if (el.id && !labels) {
    // Elements that are not labelable (an editor iframe, a div) can still be named by <label for>.
    const forLabel = root.querySelector(`label[for="${el.id.replace(/["\\]/g, '\\$&')}"]`);
    const text = forLabel ? shortText(forLabel, ctx) : '';
    if (text) return cleanLabel(text);
  }
  const wrappingLabel = el.closest('label');
  if (wrappingLabel) {
    const text = shortText(wrappingLabel, ctx);
    if (text) return cleanLabel(text);
  }
  const heading = nearbyHeading(el, ctx);
  if (heading) return cleanLabel(heading);
  const legend = el.closest('fieldset')?.querySelector(':scope > legend');
  if (legend) return cleanLabel(shortText(legend, ctx));
  const named = el.getAttribute('title') ?? el.getAttribute('placeholder') ?? el.getAttribute('name') ?? '';
  return cleanLabel(named.replace(/[_\-[\]]+/g, ' '));
}
