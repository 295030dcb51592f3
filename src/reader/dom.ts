/**
 * DOM helpers that work the same in a content script and under jsdom (which has no layout, no innerText
 * and no checkVisibility): visibility, rendered text with line breaks, labels, control values, selectors.
 */
import { MAX_LABEL_CHARS, OVERLAY_HOST_TAG, SCOPE_SEPARATOR } from './constants';
import { logTextRead, logValueRead } from './deps';
import { collapseWhitespace, truncate } from './text';
import { trimLabelPunctuation, trimTrailingBlanks } from './trim';

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

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * Where an element lives: the document or shadow root it belongs to, and the selector prefix that leads
 * there from the frame's document (see SCOPE_SEPARATOR).
 */
export interface Scope {
  root: Document | ShadowRoot;
  prefix: string;
}

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

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  if (parent && parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  const frame = el.ownerDocument.defaultView?.frameElement ?? null;
  return el === el.ownerDocument.documentElement ? frame : null;
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

function isHiddenByStyle(el: Element): boolean {
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

/** What a form control shows: a select's chosen option text, a checkbox's state, an input's value. */
export function controlValue(el: Element): string {
  logValueRead(el);
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
export function controlRawValue(el: Element): string {
  logValueRead(el);
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

interface TextBuilder {
  lines: string[];
  current: string;
}

function pushLine(builder: TextBuilder): void {
  const line = builder.current.trim();
  if (line) builder.lines.push(line);
  builder.current = '';
}

function appendInline(builder: TextBuilder, text: string): void {
  const collapsed = text.replace(/\s+/g, ' ');
  if (!collapsed) return;
  if (collapsed === ' ') {
    if (builder.current && !builder.current.endsWith(' ')) builder.current += ' ';
    return;
  }
  if (builder.current.endsWith(' ') && collapsed.startsWith(' ')) {
    builder.current += collapsed.slice(1);
  } else {
    builder.current += collapsed;
  }
}

function appendPreformatted(builder: TextBuilder, text: string): void {
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  parts.forEach((part, index) => {
    if (index > 0) pushLine(builder);
    builder.current += part;
  });
}

export interface RenderOptions {
  ctx: VisibilityContext;
  /** Subtrees left out of the text (charge grids inside a report, the overlay). */
  exclude?: ReadonlySet<Element>;
  /** A label or a cell: short text whose container was already found visible. */
  short?: boolean;
}

function isSkippedChild(el: Element, options: RenderOptions): boolean {
  if (NEVER_RENDERED_TAGS.has(el.tagName) || isOverlayHost(el) || isHiddenByMarkup(el)) return true;
  if (options.exclude?.has(el)) return true;
  // Without layout (the CLI under jsdom) only the cascade tells that a stylesheet rule hides a section of a
  // note. Rules select by class, id or attribute; asking the cascade of every plain element would be slow.
  if (!options.ctx.hasLayout) return !options.short && el.attributes.length > 0 && isHiddenByStyle(el);
  const checkable = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof checkable.checkVisibility !== 'function') return false;
  if (checkable.checkVisibility({ checkVisibilityCSS: true })) return false;
  // A slot, or any element with display: contents, has no box of its own, so checkVisibility says no; its
  // children (the badges assigned to a slot) have boxes and are asked one by one.
  return el.tagName !== 'SLOT' && el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
}

function renderNodes(
  nodes: Iterable<Node>,
  builder: TextBuilder,
  options: RenderOptions,
  pre: boolean,
): void {
  for (const node of nodes) renderNode(node, builder, options, pre);
}

function renderNode(node: Node, builder: TextBuilder, options: RenderOptions, pre: boolean): void {
  if (node.nodeType === 3) {
    const text = (node as Text).data;
    if (pre) appendPreformatted(builder, text);
    else appendInline(builder, text);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (isSkippedChild(el, options)) return;
  const tag = el.tagName;
  if (tag === 'BR') {
    pushLine(builder);
    return;
  }
  if (tag === 'TEXTAREA') {
    logValueRead(el);
    pushLine(builder);
    appendPreformatted(builder, (el as HTMLTextAreaElement).value);
    pushLine(builder);
    return;
  }
  if (tag === 'INPUT' || tag === 'SELECT') {
    const value = controlValue(el);
    if (value && value !== 'checked') appendInline(builder, ` ${value} `);
    return;
  }
  if (tag === 'SLOT') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    renderNodes(assigned.length > 0 ? assigned : el.childNodes, builder, options, pre);
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  const cell = tag === 'TD' || tag === 'TH';
  const preHere = pre || tag === 'PRE' || /white-space\s*:\s*pre/i.test(el.getAttribute('style') ?? '');
  if (block) pushLine(builder);
  const children = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
  renderNodes(children, builder, options, preHere);
  if (cell) appendInline(builder, '\t');
  if (block) pushLine(builder);
}

/**
 * Visible text of an element with one line per block, as the engine needs to split sentences and SOAP
 * sections. Computed from the DOM, not innerText, so the browser and the CLI read the same text.
 */
export function renderedText(el: Element, options: RenderOptions): string {
  logTextRead(el);
  const builder: TextBuilder = { lines: [], current: '' };
  const children = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
  const pre = el.tagName === 'PRE' || /white-space\s*:\s*pre/i.test(el.getAttribute('style') ?? '');
  renderNodes(children, builder, options, pre);
  pushLine(builder);
  return builder.lines.map((line) => trimTrailingBlanks(line).replace(/\t+/g, '\t')).join('\n');
}

/** Short text for labels and cells. */
export function shortText(el: Element, ctx: VisibilityContext): string {
  return collapseWhitespace(renderedText(el, { ctx, short: true }));
}

function cleanLabel(text: string): string {
  return truncate(trimLabelPunctuation(collapseWhitespace(text)).trim(), MAX_LABEL_CHARS);
}

function rootOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return root.nodeType === 11 ? (root as ShadowRoot) : el.ownerDocument;
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

function nearbyHeading(el: Element, ctx: VisibilityContext): string {
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

/** Whether the element is one of the containers or inside one. */
export function isInsideAny(el: Element, containers: Iterable<Element>): boolean {
  for (const container of containers) if (container === el || container.contains(el)) return true;
  return false;
}

/** The label a coder would read next to a field: aria, <label>, legend, a nearby heading, or its name. */
export function labelFor(el: Element, ctx: VisibilityContext): string {
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

/** A frame's document, or null when it is another origin's (reading it throws or gives null). */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
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
