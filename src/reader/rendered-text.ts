/**
 * Rendered text with line breaks, computed from the DOM rather than innerText so a content script and the
 * CLI under jsdom read the same text.
 */
import { controlValue } from './controls';
import { logTextRead, logValueRead, type ReadContext } from './read-context';
import { collapseWhitespace } from './text';
import { trimTrailingBlanks } from './trim';
import { NEVER_RENDERED_TAGS, isHiddenByMarkup, isHiddenByStyle, isOverlayHost } from './visibility';

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
  ctx: ReadContext;
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
    logValueRead(options.ctx, el);
    pushLine(builder);
    appendPreformatted(builder, (el as HTMLTextAreaElement).value);
    pushLine(builder);
    return;
  }
  if (tag === 'INPUT' || tag === 'SELECT') {
    const value = controlValue(el, options.ctx);
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
  logTextRead(options.ctx, el);
  const builder: TextBuilder = { lines: [], current: '' };
  const children = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
  const pre = el.tagName === 'PRE' || /white-space\s*:\s*pre/i.test(el.getAttribute('style') ?? '');
  renderNodes(children, builder, options, pre);
  pushLine(builder);
  return builder.lines.map((line) => trimTrailingBlanks(line).replace(/\t+/g, '\t')).join('\n');
}

/** Short text for labels and cells. */
export function shortText(el: Element, ctx: ReadContext): string {
  return collapseWhitespace(renderedText(el, { ctx, short: true }));
}
