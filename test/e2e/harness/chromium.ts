/** Launches Debian's Chromium with the test build of GaitGuard loaded, headless unless a display exists. */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_TEST_BUILD } from './paths';
import { pollUntil } from './poll';
import type { AskWorker, TabReport } from './tab-report';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchChromium(
  options: { headed?: boolean; extensionPath?: string } = {},
): Promise<ChromiumSession> {
  const dir = mkdtempSync(join(tmpdir(), 'gaitguard-chromium-'));
  const extension = options.extensionPath ?? CHROME_TEST_BUILD;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 800 },
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the popup for a page (the popup resolves the tab by URL when it is not opened from the toolbar). */
export async function openPopupFor(session: ChromiumSession, pageUrl: string): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(
    `chrome-extension://${session.extensionId}/src/ui/popup/index.html?forUrl=${encodeURIComponent(pageUrl)}`,
  );
  return popup;
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();
let objectGroups = 0;

/**
 * Runs `fn(root, roots, ...args)` in the page's top frame with the shadow roots of GaitGuard's elements (`root`
 * is the first, the pill's). Those roots are closed, so the page's own scripts see host.shadowRoot === null;
 * the DevTools protocol, as DevTools does, describes a node with its shadow roots, closed or not
 * (DOM.describeNode with pierce), and the harness hands each root to the function. Nothing in the extension
 * exposes it. The result comes back by value.
 */
export async function inOverlay<A extends unknown[], R>(
  page: Page,
  fn: (root: ShadowRoot | undefined, roots: ShadowRoot[], ...args: A) => R | Promise<R>,
  ...args: A
): Promise<R> {
  if (!cdpSessions.has(page)) cdpSessions.set(page, page.context().newCDPSession(page));
  const cdp = await cdpSessions.get(page)!;
  const objectGroup = `gaitguard-overlay-${(objectGroups += 1)}`;
  try {
    const { result: list } = await cdp.send('Runtime.evaluate', {
      expression: `[...document.querySelectorAll('gaitguard-overlay')]`,
      objectGroup,
    });
    const { result: entries } = await cdp.send('Runtime.getProperties', {
      objectId: list.objectId!,
      ownProperties: true,
    });
    const roots: string[] = [];
    const hosts = entries
      .filter((entry) => /^\d+$/.test(entry.name))
      .sort((a, b) => Number(a.name) - Number(b.name));
    for (const host of hosts) {
      const { node } = await cdp.send('DOM.describeNode', {
        objectId: host.value!.objectId!,
        depth: 1,
        pierce: true,
      });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', {
        backendNodeId: shadow.backendNodeId,
        objectGroup,
      });
      roots.push(object.objectId!);
    }
    const call = await cdp.send('Runtime.callFunctionOn', {
      // __name: what tsx (the demo) wraps named helpers in; the page has none.
      functionDeclaration: `async function (argsJson, ...roots) {
        var __name = (target) => target;
        const result = await (${fn.toString()})(roots[0], roots, ...JSON.parse(argsJson));
        return result === undefined ? undefined : JSON.stringify(result);
      }`,
      objectId: list.objectId!,
      arguments: [{ value: JSON.stringify(args) }, ...roots.map((objectId) => ({ objectId }))],
      awaitPromise: true,
      returnByValue: true,
    });
    if (call.exceptionDetails)
      throw new Error(
        `inOverlay: ${call.exceptionDetails.exception?.description ?? call.exceptionDetails.text}`,
      );
    return (typeof call.result.value === 'string' ? JSON.parse(call.result.value) : undefined) as R;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

/** Polls `predicate` against GaitGuard's roots (see inOverlay) until it is truthy: a state, not a time. */
export async function waitInOverlay<A extends unknown[]>(
  page: Page,
  predicate: (root: ShadowRoot | undefined, roots: ShadowRoot[], ...args: A) => unknown,
  options: { timeout?: number } = {},
  ...args: A
): Promise<void> {
  await pollUntil(
    () => inOverlay(page, predicate, ...args),
    options.timeout ?? 30_000,
    'Waiting in the overlay failed',
  );
}

/**
 * Clicks the first element matching `selector` in the overlay as a coder does: waits for it, scrolls it into
 * view, and sends a real mouse click at its centre (a trusted event, which an untrusted `.click()` is not).
 */
export async function clickInOverlay(page: Page, selector: string, timeout = 20_000): Promise<void> {
  await waitInOverlay(page, (root, _roots, sel) => Boolean(root?.querySelector(sel)), { timeout }, selector);
  const centre = await inOverlay(
    page,
    (root, _roots, sel) => {
      const el = root?.querySelector(sel);
      if (!el) return undefined;
      el.scrollIntoView({ block: 'nearest' });
      const box = el.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
  );
  if (!centre) throw new Error(`clickInOverlay: ${selector} went away`);
  await page.mouse.click(centre.x, centre.y);
}

/**
 * How many elements match `selector` inside GaitGuard's roots in every document of the page, frames
 * included (the evidence marks live in the frame that holds the quote): read from the DevTools protocol's
 * pierced DOM tree, which holds closed roots and same-process frames' documents.
 */
export async function countInGaitGuardRoots(page: Page, className: string): Promise<number> {
  if (!cdpSessions.has(page)) cdpSessions.set(page, page.context().newCDPSession(page));
  const cdp = await cdpSessions.get(page)!;
  type DomNode = {
    localName?: string;
    attributes?: string[];
    children?: DomNode[];
    shadowRoots?: DomNode[];
    contentDocument?: DomNode;
  };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  let count = 0;
  const visit = (node: DomNode, inside: boolean) => {
    const attributes = node.attributes ?? [];
    const classIndex = attributes.findIndex((value, index) => index % 2 === 0 && value === 'class');
    if (inside && classIndex >= 0 && attributes[classIndex + 1]!.split(/\s+/).includes(className)) count += 1;
    const host = node.localName === 'gaitguard-overlay';
    for (const shadow of node.shadowRoots ?? []) visit(shadow, inside || host);
    for (const child of node.children ?? []) visit(child, inside);
    if (node.contentDocument) visit(node.contentDocument, false);
  };
  visit(root, false);
  return count;
}

/** Whether an element of the overlay is shown (attached, with a box, not visibility:hidden), as a coder sees it. */
export function overlayShows(page: Page, selector: string): Promise<boolean> {
  return inOverlay(
    page,
    (root, _roots, sel) => {
      const el = root?.querySelector(sel);
      return Boolean(el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    },
    selector,
  );
}

/** The overlay's text, read through its closed shadow root (see inOverlay). */
export async function overlayText(page: Page): Promise<string> {
  return inOverlay(page, (root) => root?.textContent ?? '');
}

export async function overlayRules(page: Page): Promise<string[]> {
  return inOverlay(page, (root) =>
    [...(root?.querySelectorAll('[data-rule]') ?? [])].map((node) => node.getAttribute('data-rule') ?? ''),
  );
}

/** The browser's id of the tab showing a URL, asked from an extension page (-1 when there is none). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(
    async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1,
    url,
  );
}

/** Switches GaitGuard on for a page's site the way a coder does: the popup's "Turn on for this site". */
export async function turnOnViaPopup(session: ChromiumSession, pageUrl: string): Promise<void> {
  const popup = await openPopupFor(session, pageUrl);
  await popup.getByRole('button', { name: 'Turn on for this site' }).click();
  await popup.getByTestId('site-state').filter({ hasText: 'On' }).waitFor({ timeout: 15_000 });
  await popup.close();
}

export interface ShownFinding {
  rule: string;
  severity: string;
  message: string;
  evidence: string[];
  fix: string;
  source: string;
}

/** Waits for the overlay to show a report, then returns the findings exactly as it shows them. */
export async function waitForOverlayFindings(
  page: Page,
  options: { atLeast?: number } = {},
): Promise<ShownFinding[]> {
  const atLeast = options.atLeast ?? 1;
  await waitInOverlay(
    page,
    (root, _roots, min) => {
      if (!root) return false;
      const count = root.querySelectorAll('[data-rule]').length;
      return min === 0
        ? Boolean(root.querySelector('.gg-empty, [data-rule]')) && !root.textContent?.includes('Reading')
        : count >= min;
    },
    { timeout: 30_000 },
    atLeast,
  );
  // No named helpers inside the function: tsx (used by the demo) would wrap them in a __name().
  const raw = await inOverlay(page, (root) =>
    [...(root?.querySelectorAll('[data-rule]') ?? [])].map((node) => ({
      rule: node.getAttribute('data-rule') ?? '',
      severity: node.closest('.gg-group')?.className.match(/gg-(error|warning|info)/)?.[1] ?? 'info',
      message: node.querySelector('.gg-message')?.textContent ?? '',
      evidence: [...node.querySelectorAll('.gg-evidence')].map((quote) => quote.textContent ?? ''),
      fix: node.querySelector('.gg-fix')?.textContent ?? '',
      source: node.querySelector('.gg-source')?.textContent ?? '',
    })),
  );
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  return raw.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    message: flat(finding.message).replace(/^(Error|Warning|Note): /, ''),
    evidence: finding.evidence.map((quote) => flat(quote).replace(/^Evidence: /, '')),
    fix: flat(finding.fix).replace(/^Fix: /, ''),
    source: flat(finding.source).replace(/^Source: /, ''),
  }));
}

/** Asks the worker for a tab's report from an extension page, as the popup does (`get-tab-state`). */
export function workerAsker(extensionPage: () => Page): AskWorker {
  return (tabId) =>
    extensionPage().evaluate(async (target) => {
      const reply = (await chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: target })) as {
        ok: boolean;
        data?: { report?: unknown };
      };
      return (reply.ok ? reply.data?.report : undefined) as TabReport | undefined;
    }, tabId);
}
