/**
 * Whether the coder can see an element, the same in a content script and under jsdom (which has no layout
 * and no checkVisibility): markup, then style or layout, judged once per ancestor within one read.
 */
import { OVERLAY_HOST_TAG } from './constants';
import { parentAcrossShadow } from './tree';

const OVERLAY_TAG_UPPER = OVERLAY_HOST_TAG.toUpperCase();

/** Elements whose content is never something the coder reads on screen. */
export const NEVER_RENDERED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'svg',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'DATALIST',
]);

/** Per-read state for the visibility checks, so ancestors shared by many candidates are judged once. */
export interface VisibilityContext {
  hasLayout: boolean;
  cache: Map<Element, boolean>;
  /** Valid CSS only (checked by the caller): what it matches counts as not shown. */
  ignoreSelector?: string;
}

export function createVisibilityContext(doc: Document, ignoreSelector?: string): VisibilityContext {
  const root = doc.documentElement;
  // jsdom reports 0 for every size; a real browser never does for a rendered page.
  const hasLayout = root !== null && (root.clientWidth > 0 || root.clientHeight > 0);
  return { hasLayout, cache: new Map(), ignoreSelector };
}

export function isOverlayHost(el: Element): boolean {
  return el.tagName === OVERLAY_TAG_UPPER || el.localName === OVERLAY_HOST_TAG;
}

/** True for any node inside GaitGuard's overlay, across shadow boundaries. */
export function isInsideOverlay(node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === 1 && isOverlayHost(current as Element)) return true;
    const parent: Node | null = current.parentNode;
    if (parent && parent.nodeType === 11) {
      current = (parent as ShadowRoot).host ?? null;
    } else {
      current = parent;
    }
  }
  return false;
}

/**
 * Hidden by markup alone (no style computation): the checks the tree walk can afford on every element.
 */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const parent = el.parentElement;
  if (parent && parent.tagName === 'DETAILS' && !parent.hasAttribute('open')) {
    return !(el.tagName === 'SUMMARY' && parent.querySelector(':scope > summary') === el);
  }
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  const style = el.getAttribute('style');
  if (style && /none|hidden|collapse/i.test(style)) {
    const inline = (el as HTMLElement).style;
    if (
      inline &&
      (inline.display === 'none' || inline.visibility === 'hidden' || inline.visibility === 'collapse')
    ) {
      return true;
    }
  }
  return false;
}

function pixels(value: string): number {
  const parsed = Number.parseFloat(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** Stale content parked out of view: moved far off-screen, clipped to nothing, or collapsed to zero height. */
function isParkedOffscreen(style: CSSStyleDeclaration): boolean {
  if (style.position === 'absolute' || style.position === 'fixed') {
    if (pixels(style.left) <= -1000 || pixels(style.top) <= -1000) return true;
    if (/rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(style.clip)) return true;
  }
  if ((style.height === '0px' || style.maxHeight === '0px') && style.overflow === 'hidden') return true;
  return false;
}

export function isHiddenByStyle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')
    return true;
  if (style.opacity === '0') return true;
  return isParkedOffscreen(style);
}

function isHiddenByLayout(el: Element): boolean {
  const checkable = el as Element & { checkVisibility?: (options?: object) => boolean };
  if (typeof checkable.checkVisibility === 'function') {
    if (!checkable.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return true;
  const view = el.ownerDocument.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  return rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0;
}

/**
 * Whether the coder can see the element. Called only on candidates (note fields, charge grids, rows), never
 * on every element, because style and layout queries are the expensive part of a read. Layout (size,
 * position) is judged on the candidate itself; ancestors are judged by markup and, without layout, by style.
 */
export function isVisible(el: Element, ctx: VisibilityContext): boolean {
  if (!isAncestryVisible(el, ctx)) return false;
  return !(ctx.hasLayout && isHiddenByLayout(el));
}

/**
 * An ancestor that clips its content to nothing (a collapsed accordion: height 0, overflow hidden). The
 * candidate's own box keeps its size there and checkVisibility ignores clipping, so only the ancestor tells.
 */
function clipsToNothing(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width > 0 && rect.height > 0) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  if (style.display === 'contents' || style.display === 'inline') return false;
  // jsdom keeps the shorthand without expanding it into the longhands a browser reports.
  const [shorthandX = '', shorthandY = shorthandX] = style.overflow.split(/\s+/);
  const clips = (longhand: string, shorthand: string): boolean =>
    [longhand, shorthand].some((value) => value !== '' && value !== 'visible');
  return (
    (rect.height === 0 && clips(style.overflowY, shorthandY)) ||
    (rect.width === 0 && clips(style.overflowX, shorthandX))
  );
}

function isAncestryVisible(el: Element, ctx: VisibilityContext): boolean {
  const cached = ctx.cache.get(el);
  if (cached !== undefined) return cached;
  let visible =
    !isHiddenByMarkup(el) &&
    !isOverlayHost(el) &&
    !(ctx.ignoreSelector && el.matches(ctx.ignoreSelector)) &&
    (ctx.hasLayout ? !clipsToNothing(el) : !isHiddenByStyle(el));
  if (visible) {
    const parent = parentAcrossShadow(el);
    if (parent) visible = isAncestryVisible(parent, ctx);
  }
  ctx.cache.set(el, visible);
  return visible;
}
