/**
 * Selectors that find an element again in its frame, across open shadow roots and inline editor iframes
 * ("<path to host or iframe> >>> <path inside>"): what the picker saves and the reader resolves.
 */
import { SCOPE_SEPARATOR } from './constants';
import { frameDocument, rootOf } from './tree';

/**
 * Where an element lives: the document or shadow root it belongs to, and the selector prefix that leads
 * there from the frame's document (see SCOPE_SEPARATOR).
 */
export interface Scope {
  root: Document | ShadowRoot;
  prefix: string;
}

/** CSS.escape, which jsdom lacks. */
export function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if (
      (code >= 0x30 && code <= 0x39 && (i === 0 || (i === 1 && value.charAt(0) === '-'))) ||
      code < 0x20 ||
      code === 0x7f
    ) {
      out += `\\${code.toString(16)} `;
    } else if (/[A-Za-z0-9_-]/.test(ch) || code >= 0x80) {
      out += ch;
    } else {
      out += `\\${ch}`;
    }
  }
  return out;
}

function quoteAttribute(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/** Framework-generated ids change between page loads; a saved selector must not depend on them. */
function looksGenerated(id: string): boolean {
  return /^(mantine|react|ember|ext-gen|mui|radix|headlessui|:r)|\d{4,}|[0-9a-f]{8,}/i.test(id);
}

function isUniqueIn(root: Document | ShadowRoot, selector: string): boolean {
  try {
    return root.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

function segmentFor(el: Element, root: Document | ShadowRoot): { segment: string; unique: boolean } {
  const tag = el.localName;
  if (el.parentNode === root || el === el.ownerDocument.body) {
    if (el.tagName === 'HTML' || el.tagName === 'BODY') return { segment: tag, unique: true };
  }
  const id = el.id;
  if (id && !looksGenerated(id)) {
    const selector = `#${cssEscape(id)}`;
    if (isUniqueIn(root, selector)) return { segment: selector, unique: true };
  }
  const name = el.getAttribute('name');
  if (name && /^(INPUT|TEXTAREA|SELECT|IFRAME)$/.test(el.tagName)) {
    const selector = `${tag}[name=${quoteAttribute(name)}]`;
    if (isUniqueIn(root, selector)) return { segment: selector, unique: true };
  }
  let index = 1;
  for (let sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === tag) index++;
  }
  return { segment: `${tag}:nth-of-type(${index})`, unique: false };
}

/**
 * A selector that finds the element again in its frame. Inside an open shadow root or an inline editor
 * iframe, the selector is "<path to host or iframe> >>> <path inside>", resolved by resolveSelector.
 */
export function cssPath(el: Element, scope?: Scope): string {
  const root = scope?.root ?? rootOf(el);
  const segments: string[] = [];
  let current: Element | null = el;
  while (current) {
    const { segment, unique } = segmentFor(current, root);
    segments.unshift(segment);
    if (unique) break;
    const parent: Element | null = current.parentElement;
    if (!parent || current === (root as Document).documentElement) break;
    current = parent;
  }
  return `${scope?.prefix ?? ''}${segments.join(' > ')}`;
}

function childRoot(el: Element): Document | ShadowRoot | null {
  return el.tagName === 'IFRAME' || el.tagName === 'FRAME' ? frameDocument(el) : el.shadowRoot;
}

/** All elements a (possibly scoped, see cssPath) selector matches. Throws on invalid CSS. */
export function resolveSelectorAll(doc: Document, selector: string): Element[] {
  const parts = selector.split(SCOPE_SEPARATOR.trim()).map((part) => part.trim());
  let roots: Array<Document | ShadowRoot> = [doc];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const matches = roots.flatMap((root) => Array.from(root.querySelectorAll(part)));
    if (i === parts.length - 1) return matches;
    roots = matches.map(childRoot).filter((root): root is Document | ShadowRoot => root !== null);
  }
  return [];
}

export function resolveSelector(doc: Document, selector: string): Element | null {
  try {
    return resolveSelectorAll(doc, selector)[0] ?? null;
  } catch {
    return null;
  }
}
