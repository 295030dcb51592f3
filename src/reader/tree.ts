/** Walking the DOM as the coder sees it: across open shadow roots and into same-origin frames. */

/** The document or shadow root an element belongs to. */
export function rootOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return root.nodeType === 11 ? (root as ShadowRoot) : el.ownerDocument;
}

/** The parent element, stepping out of a shadow root to its host and out of a frame's document. */
export function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  if (parent && parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  const frame = el.ownerDocument.defaultView?.frameElement ?? null;
  return el === el.ownerDocument.documentElement ? frame : null;
}

/** Whether the element is one of the containers or inside one. */
export function isInsideAny(el: Element, containers: Iterable<Element>): boolean {
  for (const container of containers) if (container === el || container.contains(el)) return true;
  return false;
}

/** A frame's document, or null when it is another origin's (reading it throws or gives null). */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/**
 * True for a node (or window) kept from an earlier read whose document has since been replaced, such as an
 * editor frame given a new document. Firefox turns a content script's references into such a document
 * into dead wrappers: any use of one throws, and passing one to a DOM method throws too. Chromium keeps
 * them usable, so this is false there.
 */
export function isDeadWrapper(value: object): boolean {
  try {
    void (value as { nodeType?: unknown }).nodeType;
    return false;
  } catch {
    return true;
  }
}
