/**
 * Feature: show a finding's evidence on the page. Text in the DOM is highlighted with the CSS Custom
 * Highlight API, which paints without touching the DOM; form fields (whose text is not DOM) get a mark drawn
 * in GaitGuard's own shadow layer over the field.
 */
import type { Evidence } from '../engine/model';
import type { FrameSnapshot } from '../reader/snapshot';
import { resolveSelector } from '../reader/selectors';
import { OVERLAY_STYLES } from '../ui/overlay/overlay-styles';
import { createShadowHost, type ShadowHost } from './shadow-host';

const HIGHLIGHT_NAME = 'gaitguard-evidence';
const MARK_MS = 4000;

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function highlightRegistry(): HighlightRegistry | undefined {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
    ? css?.highlights
    : undefined;
}

let highlightSheet: CSSStyleSheet | undefined;

/** The ::highlight() rule must live in the page's style scope; an adopted sheet adds no node to the DOM. */
function ensureHighlightStyle(doc: Document): boolean {
  if (highlightSheet) return true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`::highlight(${HIGHLIGHT_NAME}){background-color:rgba(255,196,0,.55);color:inherit}`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    highlightSheet = sheet;
    return true;
  } catch {
    // Firefox's content-script sandbox can refuse page-owned sheets; the positioned mark still works.
    return false;
  }
}

export function removeHighlightStyle(doc: Document): void {
  if (!highlightSheet) return;
  const sheet = highlightSheet;
  highlightSheet = undefined;
  try {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((item) => item !== sheet);
  } catch {
    // The page is going away or refuses the change; the rule only styles our own highlight name.
  }
  highlightRegistry()?.delete(HIGHLIGHT_NAME);
}

function findTextRange(element: Element, quote: string): Range | undefined {
  const needle = quote.replace(/\s+/g, ' ').trim();
  if (!needle) return undefined;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let flat = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(flat.length);
    flat += `${(node as Text).data} `;
  }
  const haystack = flat.replace(/\s/g, ' ');
  // Whitespace differs between innerText and text nodes; compare with runs of spaces folded.
  const folded: number[] = [];
  let compact = '';
  for (let index = 0; index < haystack.length; index += 1) {
    const char = haystack[index] ?? ' ';
    if (char === ' ' && compact.endsWith(' ')) continue;
    folded.push(index);
    compact += char;
  }
  const at = compact.indexOf(needle);
  if (at < 0) return undefined;
  const startFlat = folded[at] ?? 0;
  const endFlat = (folded[at + needle.length - 1] ?? startFlat) + 1;
  const locate = (offset: number) => {
    let index = starts.length - 1;
    while (index > 0 && (starts[index] ?? 0) > offset) index -= 1;
    const node = nodes[index];
    if (!node) return undefined;
    return { node, offset: Math.min(node.data.length, offset - (starts[index] ?? 0)) };
  };
  const start = locate(startFlat);
  const end = locate(endFlat);
  if (!start || !end) return undefined;
  const range = element.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

export interface Revealer {
  reveal(evidence: Evidence, localId: string): boolean;
}

export function initRevealer(latest: () => FrameSnapshot | undefined, signal: AbortSignal): Revealer {
  let layer: ShadowHost | undefined;
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener(
    'abort',
    () => {
      if (clearTimer) clearTimeout(clearTimer);
      removeHighlightStyle(document);
    },
    { once: true },
  );

  const drawMark = (rect: DOMRect) => {
    layer ??= createShadowHost(document, OVERLAY_STYLES, signal);
    const mark = document.createElement('div');
    mark.className = 'gg-mark';
    mark.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;`;
    layer.root.append(mark);
    setTimeout(() => mark.remove(), MARK_MS);
  };

  return {
    reveal(evidence, localId) {
      const snapshot = latest();
      const item =
        evidence.kind === 'note'
          ? snapshot?.notes.find((note) => note.id === localId)
          : snapshot?.charges.find((line) => line.id === localId);
      const element = item?.source.selector ? resolveSelector(document, item.source.selector) : undefined;
      if (!element) return false;
      const smooth = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
      if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
        element.scrollIntoView({ block: 'center', behavior: smooth });
        if (evidence.kind === 'note' && element instanceof HTMLTextAreaElement) {
          const before = element.value.slice(0, evidence.start);
          const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 16;
          const line = before.split('\n').length - 1;
          // Scrolling the field itself is the least the coder needs; its value is never touched.
          element.scrollTop = Math.max(0, line * lineHeight - element.clientHeight / 3);
          setTimeout(() => {
            const box = element.getBoundingClientRect();
            const top = box.top + line * lineHeight - element.scrollTop;
            drawMark(new DOMRect(box.left, Math.max(box.top, top), box.width, lineHeight * 1.2));
          }, 350);
        } else {
          setTimeout(() => drawMark(element.getBoundingClientRect()), 350);
        }
        return true;
      }
      const range = findTextRange(element, evidence.quote);
      const registry = highlightRegistry();
      const target = range?.startContainer.parentElement ?? element;
      target.scrollIntoView({ block: 'center', behavior: smooth });
      if (range && registry && ensureHighlightStyle(document)) {
        const HighlightCtor = (globalThis as unknown as { Highlight: new (range: Range) => unknown })
          .Highlight;
        registry.set(HIGHLIGHT_NAME, new HighlightCtor(range));
        if (clearTimer) clearTimeout(clearTimer);
        clearTimer = setTimeout(() => registry.delete(HIGHLIGHT_NAME), MARK_MS * 2);
      } else {
        setTimeout(() => drawMark((range ?? element).getBoundingClientRect()), 350);
      }
      return true;
    },
  };
}
