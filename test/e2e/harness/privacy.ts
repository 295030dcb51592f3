/**
 * Shared pieces of the privacy proofs, browser-neutral: which pages a session visits, the observer that
 * records every change to a page's DOM made outside GaitGuard's own host, and how note text is looked for in
 * storage dumps and console output.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './paths';

const MOUNTS: Array<{ dir: string; prefix: string }> = [
  { dir: join(ROOT, 'test/fixtures/pages'), prefix: '/fixtures/' },
  { dir: join(ROOT, 'demo/pages'), prefix: '/demo/' },
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/**
 * Every top page of the fixtures and the demo, as server paths: any .html file that no other page loads as
 * a frame. Found on disk, so a fixture added later is covered without touching the tests.
 */
export function topPagePaths(): string[] {
  const pages: string[] = [];
  for (const { dir, prefix } of MOUNTS) {
    const files = htmlFiles(dir);
    const framed = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<iframe\b[^>]*\bsrc="([^"]+)"/g)) {
        const src = match[1] ?? '';
        if (!/^[a-z]+:/i.test(src)) framed.add(resolve(dirname(file), src));
      }
    }
    for (const file of files) {
      if (!framed.has(file)) pages.push(`${prefix}${relative(dir, file).split('\\').join('/')}`);
    }
  }
  return pages.sort();
}

/**
 * The absolute frame addresses the pages themselves declare (e.g. a partner widget on another host): loads a
 * page makes on its own, which a network check must tell apart from anything GaitGuard would add.
 */
export function declaredFrameSources(): string[] {
  const sources = new Set<string>();
  for (const { dir } of MOUNTS) {
    for (const file of htmlFiles(dir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<iframe\b[^>]*\bsrc="([a-z]+:[^"]+)"/gi)) {
        sources.add(match[1] ?? '');
      }
    }
  }
  return [...sources];
}

/**
 * Runs in the page's main world of every frame before any content script. From DOMContentLoaded on (the
 * page's own parser and inline scripts are done by then; GaitGuard's scripts run at document_idle, later),
 * or from the parent's load for about:blank frames a parent script fills,
 * it records every mutation that is not inside GaitGuard's host element. A host being added or removed is
 * GaitGuard's one permitted change. Form values are captured at the same moment for the before/after check.
 */
function pageWatchScript(startFrom: 'document' | 'window'): string {
  return `(() => {
  const HOST = 'GAITGUARD-OVERLAY';
  const log = [];
  const inHost = (node) => {
    for (let at = node; at; at = at.parentNode || (at instanceof ShadowRoot ? at.host : null)) {
      if (at.nodeType === 1 && at.tagName === HOST) return true;
    }
    return false;
  };
  const describe = (node) => node ? (node.nodeName + (node.id ? '#' + node.id : '')) : 'null';
  const onlyHosts = (nodes) => [...nodes].every((node) => node.nodeType === 1 && node.tagName === HOST);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (inHost(record.target)) continue;
      if (record.type === 'childList' && onlyHosts(record.addedNodes) && onlyHosts(record.removedNodes)) continue;
      log.push(record.type + ' on ' + describe(record.target) + (record.attributeName ? ' [' + record.attributeName + ']' : '') +
        ' +' + [...record.addedNodes].map(describe).join(',') + ' -' + [...record.removedNodes].map(describe).join(','));
    }
  });
  const values = () => [...document.querySelectorAll('input, textarea, select')].map((el) =>
    (el.id || el.name || el.tagName) + '=' + (el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value));
  let watched = null;
  window.__ggWatch = { log, values, before: [], watching: () => watched === document };
  const start = () => {
    watched = document;
    window.__ggWatch.before = values();
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  // An about:blank or srcdoc frame is "loaded" at once and then filled by its parent's script (what rich-text
  // editors do); its page-made content is complete when the parent has loaded.
  const filledByParent = () =>
    (location.href === 'about:blank' || location.href === 'about:srcdoc') && window.parent !== window;
  ${
    startFrom === 'document'
      ? `if (filledByParent()) {
    window.parent.addEventListener('load', start, { once: true });
  } else {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  }`
      : `window.addEventListener('DOMContentLoaded', () => {
    if (filledByParent()) window.parent.addEventListener('load', start, { once: true });
    else start();
  }, { capture: true, once: true });`
  }
})();`;
}

export const PAGE_WATCH_SCRIPT = pageWatchScript('document');

/**
 * The same recorder for Firefox, where a script added for new documents runs in a same-origin child frame's
 * initial about:blank document, whose window Firefox then reuses for the frame's real document: a listener on
 * that first document never fires, one on the window does. So the decision is taken at the real document's
 * DOMContentLoaded, seen from the window. `__ggWatch.watching()` says whether the observer watches the frame's
 * current document, so a frame the recorder missed is reported instead of passing silently.
 */
export const PAGE_WATCH_SCRIPT_FIREFOX = pageWatchScript('window');

/** Normalised so whitespace differences between a field's value and its stored or logged form do not hide it. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every window of `size` characters of each text that carries at least a few letters (runs of digits or
 * punctuation such as a date could appear in settings by coincidence; a phrase of a note cannot).
 */
export function noteWindows(texts: readonly string[], size = 24): string[] {
  const windows = new Set<string>();
  for (const text of texts.map(squash)) {
    if (text.length < size) {
      if ((text.match(/[a-z]/gi) ?? []).length >= 12) windows.add(text);
      continue;
    }
    for (let start = 0; start + size <= text.length; start += 1) {
      const window = text.slice(start, start + size);
      if ((window.match(/[a-z]/gi) ?? []).length >= 12) windows.add(window);
    }
  }
  return [...windows];
}

/** The note windows that occur in `haystack` (a storage dump or console output), for a readable failure. */
export function leakedWindows(windows: readonly string[], haystack: string): string[] {
  const flat = squash(haystack);
  return windows.filter((window) => flat.includes(window)).slice(0, 5);
}

/**
 * Page-side collector of the text a coder sees, run in each frame: every form field's value, the body's text
 * and the text of open shadow roots. A superset of the note text the reader can take from the frame.
 */
export const COLLECT_TEXT_SCRIPT = `(() => {
  const out = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('textarea, input')) if (el.value) out.push(el.value);
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'GAITGUARD-OVERLAY') continue;
      if (el.shadowRoot) { out.push(el.shadowRoot.textContent || ''); visit(el.shadowRoot); }
    }
  };
  if (document.body) {
    const clone = document.body.cloneNode(true);
    for (const host of clone.querySelectorAll('gaitguard-overlay')) host.remove();
    out.push(clone.textContent || '');
    visit(document);
  }
  return out;
})()`;

/** The frames of a page as both playwright-core and puppeteer-core expose them. */
interface FramedPage {
  frames(): Array<{ evaluate(script: string): Promise<unknown> }>;
}

/** Every frame's visible and form text (COLLECT_TEXT_SCRIPT); a frame that is gone contributes nothing. */
export async function framesText(target: FramedPage): Promise<string[]> {
  const texts: string[] = [];
  for (const frame of target.frames()) {
    const found = await frame.evaluate(COLLECT_TEXT_SCRIPT).catch(() => [] as string[]);
    texts.push(...(found as string[]));
  }
  return texts;
}
