/**
 * The page's form controls the pill must not cover, as boxes in the top viewport: the top document's and
 * those of same-origin frames (OpenEMR puts the fee sheet in one), and the focused field wherever it is.
 * Read only when the pill is placed (shown, resized, scrolled, focus moved), never on a timer.
 */
import { frameDocument } from '../../reader/tree';
import type { Box } from './placement';

const CONTROLS =
  'input:not([type="hidden"]),select,textarea,button,[contenteditable=""],[contenteditable="true"],[role="textbox"],[role="combobox"],[role="spinbutton"]';
/** Enough for any fee sheet; a page with more controls than this is placed by the first ones read. */
const MAX_CONTROLS = 3000;
const MAX_DEPTH = 3;

function visible(rect: DOMRect, viewport: { width: number; height: number }): boolean {
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < viewport.height &&
    rect.left < viewport.width
  );
}

export interface PageControls {
  boxes: Box[];
  focused?: Box;
  /** Same-origin documents read, for listening to focus moves inside them. */
  documents: Document[];
}

export function readControls(top: Document, ownHost: Element | undefined): PageControls {
  const viewport = { width: top.defaultView?.innerWidth ?? 0, height: top.defaultView?.innerHeight ?? 0 };
  const boxes: Box[] = [];
  const documents: Document[] = [];
  let focused: Box | undefined;
  const walk = (doc: Document, dx: number, dy: number, depth: number) => {
    documents.push(doc);
    for (const el of doc.querySelectorAll(CONTROLS)) {
      if (boxes.length >= MAX_CONTROLS) break;
      if (ownHost && el === ownHost) continue;
      const rect = el.getBoundingClientRect();
      if (!visible(rect, viewport)) continue;
      boxes.push({ left: rect.left + dx, top: rect.top + dy, width: rect.width, height: rect.height });
    }
    const active = doc.activeElement;
    if (active && active !== doc.body && active.matches(CONTROLS)) {
      const rect = active.getBoundingClientRect();
      focused = { left: rect.left + dx, top: rect.top + dy, width: rect.width, height: rect.height };
    }
    if (depth >= MAX_DEPTH) return;
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe,frame')) {
      const inner = frameDocument(frame);
      if (!inner) continue;
      const rect = frame.getBoundingClientRect();
      if (!visible(rect, viewport)) continue;
      walk(inner, dx + rect.left + frame.clientLeft, dy + rect.top + frame.clientTop, depth + 1);
    }
  };
  walk(top, 0, 0, 0);
  return { boxes, focused, documents };
}
