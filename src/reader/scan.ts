/**
 * One pass over a frame's DOM (light DOM, open shadow roots, inline editor iframes) that collects the
 * candidates the readers look at. Only cheap markup checks happen per element; style and layout are left
 * to the candidates.
 */
import { LARGE_TEXT_BLOCK_CHARS, OVERLAY_HOST_TAG, SCOPE_SEPARATOR } from './constants';
import { isFlowsheet } from './flowsheet';
import { isEditableRoot } from './controls';
import { cssPath, type Scope } from './selectors';
import { frameDocument } from './tree';
import { NEVER_RENDERED_TAGS, isHiddenByMarkup } from './visibility';
import {
  MAY_BE_CODE_LABEL,
  classifyControlName,
  classifyLabel,
  fieldLabelOf,
  classifyTimeControl,
  type TimeKind,
  type TimePart,
} from './fields';

const OVERLAY_TAG_UPPER = OVERLAY_HOST_TAG.toUpperCase();

export interface Located<T extends Element = Element> {
  el: T;
  scope: Scope;
  /** The element that carries the label, when it is not the element itself (an editor iframe). */
  labelledBy?: Element;
}

export interface TimeControl extends Located {
  kind: TimeKind;
  part: TimePart;
  group: string;
}

export interface ScanResult {
  textareas: Located<HTMLTextAreaElement>[];
  editables: Located[];
  reportCandidates: Located[];
  tables: Located<HTMLTableElement>[];
  ariaGrids: Located[];
  codeControls: Located[];
  timeControls: TimeControl[];
  factLabels: Array<{ node: Text; scope: Scope }>;
  /** Short texts that label a procedure code field ("CPT Code", "Procedure:"), for fields shown as text. */
  codeLabels: Array<{ node: Text; scope: Scope }>;
  /** Same-origin child frames with their own URL: their own content script reads them. */
  childFrames: HTMLIFrameElement[];
  foreignOrigins: string[];
  /** The frames behind foreignOrigins. */
  foreignFrames: Element[];
  /**
   * Every root scanned (document, shadow roots, inline editor documents) with the selector prefix that leads
   * into it: the watcher observes the roots, readers that query a root name what they find by its scope.
   */
  scopes: Scope[];
  warnings: string[];
  /** The ignore selector when it is valid CSS. */
  validIgnoreSelector?: string;
}

const BLOCK_CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'PRE',
  'TD',
  'P',
  'MAIN',
  'BLOCKQUOTE',
  'FIELDSET',
  'DD',
  'LI',
]);
const PARAGRAPH_GROUPS = new Set(['DIV', 'SECTION', 'ARTICLE', 'TD', 'BLOCKQUOTE', 'DD']);
const TEXT_BLOCK_TAGS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'PRE',
  'TD',
  'P',
  'BLOCKQUOTE',
  'DD',
  'LI',
  'MAIN',
]);

const NOTE_NAME =
  /note|soap|narrative|progress|subjective|objective|assessment|treatment|documentation|clinical|(^|[^a-z])(report|daily|plan)([^a-z]|$)/i;
const NOT_A_NOTE_NAME =
  /nav|menu|toolbar|button|btn|icon|badge|count|tablist|tab-list|title|label|alert|banner|header|footer|sidebar|tooltip|footnote|picker|notif/i;
const NOTE_HEADING =
  /\b(progress|daily|treatment|visit|session|therapy|clinical|soap|encounter)\s+notes?\b|^soap\b|^(subjective|objective|assessment|plan)\b|\bnarrative\b|^notes?\b|^documentation\b/i;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND']);
/** A SOAP section's own label ("Assessment", "O:"), alone in its text node. */
const SOAP_SECTION_LABEL = /^\s*(subjective|objective|assessment|plan(?: of care)?|s|o|a|p)\s*(?::\s*)?$/i;
/** Other section labels of a note, which join a document only next to SOAP ones. */
const OTHER_SECTION_LABEL =
  /^\s*(history|interventions?|treatment|goals?|response to treatment|patient education|education|impression|precautions)\s*(?::\s*)?$/i;

/**
 * The HTML elements that attachShadow (and declarative shadow DOM) accept, by the DOM standard: the rest of
 * a large page (table cells, rows, links) can hold no shadow root and is not asked for one.
 */
const SHADOW_HOST_TAGS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

/**
 * Every tag name the walk treats apart from the rest. An element with none of these names, no attributes
 * and no custom-element hyphen (most cells and rows of a large page) is hidden by nothing but a closed
 * <details> or the ignore selector, adds no candidate and hosts no shadow root: the walk goes straight on.
 */
const TAGS_OF_NOTE = new Set([
  ...NEVER_RENDERED_TAGS,
  OVERLAY_TAG_UPPER,
  OVERLAY_HOST_TAG,
  'DETAILS',
  'DL',
  'TEXTAREA',
  'OPTION',
  'TABLE',
  'IFRAME',
  'FRAME',
  'INPUT',
  'SELECT',
  ...HEADING_TAGS,
  ...SHADOW_HOST_TAGS,
]);

/** Custom elements (a hyphen in the name) may host a shadow root too. */
export function mayHostShadowRoot(tagName: string): boolean {
  return SHADOW_HOST_TAGS.has(tagName) || tagName.includes('-');
}

/**
 * Labels of page facts: date of service, payer, rendering provider. Matched on short text nodes only. A bare
 * "Plan" is the note's plan far more often than a health plan, so only "health plan" / "insurance plan" are.
 */
export const FACT_LABEL =
  /^\s*(date of service|dos|service date|encounter date|visit date|date of visit|primary insurance|insurance|insurance plan|health plan|payer|payor|coverage|financial class|fin class|encounter (?:no\.?|number|id|#)|encounter#|account (?:no\.?|number|#)|acct (?:no\.?|#)|visit (?:no\.?|number|id|#)|rendering provider|rendering|provider|treating therapist|therapist|clinician|performed by|furnished by|treated by|supervising therapist)(?![a-z0-9])/i;

export interface ScanOptions {
  ignoreSelector?: string;
}

function frameOrigin(url: string): { protocol: string; host: string; origin: string } | undefined {
  try {
    const parsed = new URL(url);
    return { protocol: parsed.protocol, host: parsed.host, origin: parsed.origin };
  } catch {
    return undefined;
  }
}

/**
 * An editor frame whose document the parent writes (srcdoc, about:blank, javascript:), so the parent reads
 * it. Its markup alone is not enough: a page may send the frame elsewhere through its location, leaving the
 * attributes as they were, and then the frame shows a page of its own, which that page's own content
 * script reads and reports.
 */
function isInlineFrame(frame: Element, inner: Document | null): boolean {
  const src = (frame.getAttribute('src') ?? '').trim();
  const byMarkup =
    frame.hasAttribute('srcdoc') || src === '' || src === 'about:blank' || /^javascript:/i.test(src);
  if (!byMarkup || !inner) return byMarkup;
  return inner.URL === 'about:blank' || inner.URL === 'about:srcdoc';
}

/** jsdom does not load srcdoc; parse it so the CLI sees what the browser renders. */
function srcdocDocument(frame: Element, doc: Document | null): Document | null {
  const srcdoc = frame.getAttribute('srcdoc');
  if (srcdoc === null) return doc;
  const hasContent =
    doc?.body && (doc.body.childNodes.length > 0 || doc.body.hasAttribute('contenteditable'));
  if (hasContent) return doc;
  const Parser = frame.ownerDocument.defaultView?.DOMParser;
  if (!Parser) return doc;
  return new Parser().parseFromString(srcdoc, 'text/html');
}

function nearestBlock(el: Element | null): Element | null {
  let current = el;
  for (let steps = 0; current && steps < 6; steps++) {
    if (TEXT_BLOCK_TAGS.has(current.tagName)) return current;
    current = current.parentElement;
  }
  return null;
}

/** The node after the walker's current node and its whole subtree, in document order, within `root`. */
function nextOutside(walker: TreeWalker, root: Node): Node | null {
  for (
    let current: Node | null = walker.currentNode;
    current && current !== root;
    current = walker.parentNode()
  ) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

export function scanFrame(doc: Document, options: ScanOptions): ScanResult {
  return scanFrom(doc, options);
}

/**
 * The scan of one note editor's subtree alone, as the full scan would see it there (the editor is the
 * editable root around it). The watcher re-reads an editor by itself only while this finds nothing.
 */
export function scanSubtree(editor: Element, scope: Scope, options: ScanOptions): ScanResult {
  return scanFrom(editor.ownerDocument, options, { editor, scope });
}

function scanFrom(
  doc: Document,
  options: ScanOptions,
  subtree?: { editor: Element; scope: Scope },
): ScanResult {
  const result: ScanResult = {
    textareas: [],
    editables: [],
    reportCandidates: [],
    tables: [],
    ariaGrids: [],
    codeControls: [],
    timeControls: [],
    factLabels: [],
    codeLabels: [],
    childFrames: [],
    foreignOrigins: [],
    foreignFrames: [],
    scopes: [],
    warnings: [],
  };
  const frameLocation = frameOrigin(doc.URL);
  const reportSeen = new Set<Element>();
  const textLength = new Map<Element, { length: number; scope: Scope }>();
  /** Short texts that name a note's section: the blocks they head are one document. */
  const sectionLabels: Array<{ el: Element; scope: Scope; name: string; soap: boolean }> = [];
  /** Description lists: a flowsheet may be one. */
  const lists: Located[] = [];
  let ignoreSelector = options.ignoreSelector?.trim() || undefined;
  if (ignoreSelector) {
    try {
      doc.createDocumentFragment().querySelector(ignoreSelector);
    } catch {
      result.warnings.push('The ignore selector is not valid CSS and was not used.');
      ignoreSelector = undefined;
    }
  }

  const addReport = (el: Element, scope: Scope): void => {
    if (!reportSeen.has(el)) {
      reportSeen.add(el);
      result.reportCandidates.push({ el, scope });
    }
  };

  const walkRoot = (root: Document | ShadowRoot, scope: Scope): void => {
    result.scopes.push(scope);
    const ownerDoc = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
    const start = root.nodeType === 9 ? (root as Document).documentElement : root;
    if (!start) return;
    walk(
      ownerDoc,
      start,
      scope,
      root.nodeType === 9 && (root as Document).designMode === 'on' ? (root as Document).body : null,
    );
  };

  const walk = (ownerDoc: Document, start: Node, scope: Scope, editable: Element | null): void => {
    // <details> without `open` met so far: only then can an attribute-less element be hidden by markup.
    const closedDetails: Element[] = [];
    let lastEditable = editable;
    // No filter callback: a call from the tree walker into script for every node was most of a read's
    // time in Chromium. Hidden subtrees are skipped by hand instead (nextOutside).
    const walker = ownerDoc.createTreeWalker(start, 0x1 | 0x4);
    // The few elements that need more than a look at their tag and attributes, handled apart from the loop
    // below, which every node of the page passes through and which stays small for that reason.
    const visitNotable = (el: Element, tag: string, plain: boolean): Node | null => {
      if (
        NEVER_RENDERED_TAGS.has(tag) ||
        tag === OVERLAY_TAG_UPPER ||
        tag === OVERLAY_HOST_TAG ||
        (ignoreSelector && el.matches(ignoreSelector)) ||
        (plain ? closedDetails.length > 0 && isHiddenByMarkup(el) : isHiddenByMarkup(el))
      ) {
        return nextOutside(walker, start);
      }
      if (tag === 'DETAILS' && !el.hasAttribute('open')) closedDetails.push(el);
      visitElement(el, tag, scope, plain);
      // A textarea's child text is its default value and an option's is an unchosen choice: not shown.
      if (tag === 'TEXTAREA' || tag === 'OPTION') return nextOutside(walker, start);
      if (plain) {
        // No contenteditable and no role: nothing to check but a shadow root.
      } else if (isEditableRoot(el) && !(lastEditable && lastEditable.contains(el))) {
        lastEditable = el;
        if (!result.editables.some((known) => known.el === el)) result.editables.push({ el, scope });
      } else if (
        el.getAttribute('role') === 'textbox' &&
        tag !== 'INPUT' &&
        !(lastEditable && lastEditable.contains(el))
      ) {
        lastEditable = el;
        result.editables.push({ el, scope });
      }
      const shadow = mayHostShadowRoot(tag) ? el.shadowRoot : null;
      if (shadow) {
        walkRoot(shadow, { root: shadow, prefix: `${cssPath(el, scope)}${SCOPE_SEPARATOR}` });
      }
      return walker.nextNode();
    };
    let node: Node | null = walker.nextNode();
    while (node) {
      // The walker shows elements and text only, and text has no tagName: a plain property miss tells the
      // two apart without asking the DOM for nodeType on each of a large page's nodes.
      const tag = (node as Partial<Element>).tagName;
      if (tag === undefined) {
        const text = node as Text;
        // One call for the text rather than one for its length and another for its content.
        const data = text.data;
        const length = data.length;
        // No fact-label name is shorter than three letters ("dos"): the newlines between rows need no look.
        if (length >= 3 && length <= 80) {
          if (FACT_LABEL.test(data)) result.factLabels.push({ node: text, scope });
          if (MAY_BE_CODE_LABEL.test(data) && fieldLabelOf(text)?.field === 'code') {
            result.codeLabels.push({ node: text, scope });
          }
        }
        if (length <= 28 && text.parentElement) {
          const soap = SOAP_SECTION_LABEL.exec(data)?.[1];
          const other = soap ? undefined : OTHER_SECTION_LABEL.exec(data)?.[1];
          const name = (soap ?? other)?.toLowerCase();
          if (name)
            sectionLabels.push({ el: text.parentElement, scope, name: name[0]!, soap: soap !== undefined });
        }
        if (length > 20) {
          const block = nearestBlock(text.parentElement);
          if (block) {
            const entry = textLength.get(block);
            if (entry) entry.length += length;
            else textLength.set(block, { length, scope });
          }
        }
        node = walker.nextNode();
        continue;
      }
      const el = node as Element;
      // Most elements of a large page carry no attributes at all; for them every attribute test is moot,
      // and skipping those calls into the DOM is most of what keeps a read of 10,000 elements short.
      const plain = !el.hasAttributes();
      if (
        plain &&
        closedDetails.length === 0 &&
        !ignoreSelector &&
        !TAGS_OF_NOTE.has(tag) &&
        !tag.includes('-')
      ) {
        node = walker.nextNode();
        continue;
      }
      node = visitNotable(el, tag, plain);
    }
  };

  const visitFrame = (frame: Element, scope: Scope): void => {
    const shown = frameDocument(frame);
    if (isInlineFrame(frame, shown)) {
      const inner = srcdocDocument(frame, shown);
      if (!inner?.documentElement) return;
      const innerScope: Scope = { root: inner, prefix: `${cssPath(frame, scope)}${SCOPE_SEPARATOR}` };
      const body = inner.body;
      if (body && (inner.designMode === 'on' || isEditableRoot(body))) {
        result.editables.push({ el: body, scope: innerScope, labelledBy: frame });
      }
      walkRoot(inner, innerScope);
      return;
    }
    const src = frame.getAttribute('src') ?? '';
    let target: { protocol: string; host: string; origin: string } | undefined;
    try {
      target = frameOrigin(new URL(src, doc.baseURI).href);
    } catch {
      target = undefined;
    }
    if (!target) return;
    const sameOrigin =
      frameLocation && frameLocation.protocol === target.protocol && frameLocation.host === target.host;
    if (!sameOrigin || shown === null) {
      if (!result.foreignOrigins.includes(target.origin)) result.foreignOrigins.push(target.origin);
      result.foreignFrames.push(frame);
      return;
    }
    result.childFrames.push(frame as HTMLIFrameElement);
  };

  const visitElement = (el: Element, tag: string, scope: Scope, plain: boolean): void => {
    switch (tag) {
      case 'TEXTAREA':
        result.textareas.push({ el: el as HTMLTextAreaElement, scope });
        return;
      case 'TABLE':
        result.tables.push({ el: el as HTMLTableElement, scope });
        break;
      case 'DL':
        lists.push({ el, scope });
        break;
      case 'IFRAME':
      case 'FRAME':
        visitFrame(el, scope);
        return;
      case 'INPUT':
      case 'SELECT': {
        const name = el.getAttribute('name') ?? '';
        const id = el.id;
        const aria = el.getAttribute('aria-label') ?? '';
        if (classifyControlName(name || id) === 'code' || (aria && classifyControlName(aria) === 'code')) {
          result.codeControls.push({ el, scope });
        }
        const time = classifyTimeControl(`${name} ${id} ${aria}`) ?? labelTime(el);
        if (time) result.timeControls.push({ el, scope, ...time });
        return;
      }
      case 'LABEL': {
        // A code field rendered with no control (read-only or disabled, its code shown as text or a pill
        // beside the label): the label, whose `for` points at nothing, stands for the field.
        const text = el.textContent ?? '';
        if (
          text.length <= 40 &&
          (el as HTMLLabelElement).control === null &&
          classifyLabel(text) === 'code'
        ) {
          result.codeControls.push({ el, scope });
        }
        break;
      }
      default:
        break;
    }
    const role = plain ? null : el.getAttribute('role');
    if (tag !== 'TABLE' && (role === 'grid' || role === 'table' || role === 'treegrid')) {
      result.ariaGrids.push({ el, scope });
    }
    if (role === 'document' || role === 'article') addReport(el, scope);
    if (!plain && BLOCK_CONTAINERS.has(tag)) {
      const hint = `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
      if (hint.length > 2 && NOTE_NAME.test(hint) && !NOT_A_NOTE_NAME.test(hint)) addReport(el, scope);
    }
    if (HEADING_TAGS.has(tag) || role === 'heading') {
      const text = el.textContent ?? '';
      if (text.length <= 80 && NOTE_HEADING.test(text.trim())) {
        const next = el.nextElementSibling;
        const parent = el.parentElement;
        if (next && BLOCK_CONTAINERS.has(next.tagName)) addReport(next, scope);
        else if (parent && parent.firstElementChild === el && PARAGRAPH_GROUPS.has(parent.tagName)) {
          addReport(parent, scope);
        }
      }
    }
  };

  const labelTime = (el: Element): ReturnType<typeof classifyTimeControl> => {
    const labels = (el as HTMLInputElement).labels;
    const text = labels?.[0]?.textContent;
    return text ? classifyTimeControl(text) : undefined;
  };

  result.validIgnoreSelector = ignoreSelector;
  if (subtree) {
    walk(doc, subtree.editor, subtree.scope, subtree.editor);
    return result;
  }
  walkRoot(doc, { root: doc, prefix: '' });

  for (const [container, scope] of sectionedDocuments(sectionLabels)) addReport(container, scope);
  for (const { el, scope } of [...result.tables, ...lists]) if (isFlowsheet(el)) addReport(el, scope);

  for (const [block, { length, scope }] of textLength) {
    if (length < LARGE_TEXT_BLOCK_CHARS) continue;
    const parent = block.parentElement;
    const grouped =
      (block.tagName === 'P' || block.tagName === 'LI') &&
      parent &&
      PARAGRAPH_GROUPS.has(parent.tagName) &&
      parent !== block.ownerDocument.body
        ? parent
        : block;
    addReport(grouped, scope);
  }
  return result;
}

/**
 * A note shown as separate blocks (a read-only report whose Subjective, Objective, Assessment and Plan are
 * each a label and a value) is one document: the element that holds two or more SOAP sections. A section is
 * its label climbed to the block it heads (the label is that block's first child).
 */
function sectionedDocuments(
  labels: ReadonlyArray<{ el: Element; scope: Scope; name: string; soap: boolean }>,
): Map<Element, Scope> {
  const byContainer = new Map<Element, { soap: Set<string>; scope: Scope }>();
  for (const { el, scope, name, soap } of labels) {
    let section = el;
    for (let steps = 0; steps < 3; steps++) {
      const parent = section.parentElement;
      if (!parent || parent.firstElementChild !== section || parent.childElementCount > 4) break;
      if (parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
      section = parent;
    }
    const container = section.parentElement;
    if (!container || container.tagName === 'BODY' || container.tagName === 'HTML') continue;
    let entry = byContainer.get(container);
    if (!entry) {
      entry = { soap: new Set(), scope };
      byContainer.set(container, entry);
    }
    if (soap) entry.soap.add(name);
  }
  const documents = new Map<Element, Scope>();
  for (const [container, { soap, scope }] of byContainer) if (soap.size >= 2) documents.set(container, scope);
  return documents;
}
