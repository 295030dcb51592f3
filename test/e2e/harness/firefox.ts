/**
 * Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) and installs the test build of
 * GaitGuard as a temporary add-on. The moz-extension UUID is pinned so extension pages have a known URL.
 */
import type { AskWorker, TabReport } from './tab-report';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { FIREFOX_TEST_BUILD, FIREFOX_UUID, GECKO_ID } from './paths';
import { pollUntil } from './poll';

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { headed?: boolean; extensionPath?: string } = {},
): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: !options.headed,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // No telemetry, updates or remote settings: a test must not depend on (or make) network traffic.
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(options.extensionPath ?? FIREFOX_TEST_BUILD);
  return {
    browser,
    extensionBase: `moz-extension://${FIREFOX_UUID}`,
    close: () => browser.close(),
  };
}

/**
 * waitForFunction for Firefox: puppeteer's own poller is built in the page with Function(), which Firefox ESR
 * 140 refuses under an extension page's CSP (and under any EHR page that forbids eval). This asks the page
 * through BiDi evaluation instead, again and again, so the test still waits for a state, never for a time.
 * An evaluation that fails while a document is being swapped counts as "not yet".
 */
export async function waitForFunctionIn<A extends unknown[]>(
  target: Page | Frame,
  predicate: (...args: A) => unknown,
  options: { timeout?: number } = {},
  ...args: A
): Promise<void> {
  await pollUntil(
    () => target.evaluate(predicate as (...args: unknown[]) => unknown, ...args),
    options.timeout ?? 30_000,
    'Waiting failed',
  );
}

/** Extension pages must be opened with a goto that is not awaited (the navigation never reports back). */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  void page.goto(`${session.extensionBase}/${path}`).catch(() => undefined);
  // The poll runs while the tab swaps about:blank for the extension page, which BiDi can report as an error.
  await settled(() =>
    waitForFunctionIn(
      page,
      () => document.readyState === 'complete' && location.protocol === 'moz-extension:',
      {
        timeout: 15_000,
      },
    ),
  );
  return page;
}

/**
 * Firefox's BiDi evaluation can fail with a protocol error when a document is swapped (navigation, a frame's
 * new document) or the overlay re-renders in the middle of a poll; that says nothing about GaitGuard, so
 * such a wait is tried again.
 */
export async function settled<T>(wait: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await wait();
    } catch (error) {
      const protocol =
        error instanceof Error &&
        /Protocol error|ProtocolError/.test(`${error.name} ${error.message} ${String(error.cause)}`);
      if (!protocol || attempt >= attempts) throw error;
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

type BidiSend = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;
interface BidiRemote {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/**
 * Runs `fn(root, roots, ...args)` in a page or frame with the shadow roots of GaitGuard's elements there (`root`
 * is the first, the pill's in a top frame). Those roots are closed, so the page's own scripts see
 * host.shadowRoot === null; WebDriver BiDi, like DevTools, serialises a node with its shadow root, closed or
 * not, when asked (includeShadowTree 'all'), and the harness hands that root to the function. Nothing in the
 * extension exposes it. Arguments and the result travel as JSON.
 */
export async function inOverlayFirefox<A extends unknown[], R>(
  target: Page | Frame,
  fn: (root: ShadowRoot | undefined, roots: ShadowRoot[], ...args: A) => R | Promise<R>,
  ...args: A
): Promise<R> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const { send, context } = bidiOf(frame);
  const hosts = await send('script.evaluate', {
    expression: `[...document.querySelectorAll('gaitguard-overlay')]`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: 'all' },
  });
  const list = (hosts.result.result as BidiRemote | undefined)?.value as BidiRemote[] | undefined;
  const roots = (list ?? [])
    .map((host) => (host.value as { shadowRoot?: BidiRemote | null } | undefined)?.shadowRoot?.sharedId)
    .filter((id): id is string => Boolean(id));
  const call = await send('script.callFunction', {
    functionDeclaration: `async function (argsJson, ...roots) {
      const result = await (${fn.toString()})(roots[0], roots, ...JSON.parse(argsJson));
      return result === undefined ? undefined : JSON.stringify(result);
    }`,
    target: { context },
    arguments: [{ type: 'string', value: JSON.stringify(args) }, ...roots.map((sharedId) => ({ sharedId }))],
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (call.result.type === 'exception') {
    const details = call.result.exceptionDetails as { text?: string } | undefined;
    throw new Error(`inOverlayFirefox: ${details?.text ?? 'the function threw'}`);
  }
  const result = call.result.result as BidiRemote;
  return (result.type === 'string' ? JSON.parse(result.value as string) : undefined) as R;
}

/** Polls `predicate` against GaitGuard's roots (see inOverlayFirefox) until it is truthy: a state, not a time. */
export async function waitInOverlayFirefox<A extends unknown[]>(
  target: Page | Frame,
  predicate: (root: ShadowRoot | undefined, roots: ShadowRoot[], ...args: A) => unknown,
  options: { timeout?: number } = {},
  ...args: A
): Promise<void> {
  await pollUntil(
    () => inOverlayFirefox(target, predicate, ...args),
    options.timeout ?? 30_000,
    'Waiting in the overlay failed',
  );
}

/**
 * Clicks the first element matching `selector` in the overlay as a coder does: waits for it, scrolls it into
 * view, and sends a real pointer click at its centre (a trusted event, which an untrusted `.click()` is not).
 */
export async function clickInOverlayFirefox(page: Page, selector: string, timeout = 20_000): Promise<void> {
  await waitInOverlayFirefox(
    page,
    (root, _roots, sel) => Boolean(root?.querySelector(sel)),
    { timeout },
    selector,
  );
  const centre = await inOverlayFirefox(
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
  if (!centre) throw new Error(`clickInOverlayFirefox: ${selector} went away`);
  await page.mouse.click(centre.x, centre.y);
}

/** The BiDi connection and a frame's browsing-context id, for commands puppeteer does not wrap for ESR 140. */
function bidiOf(frame: Frame): { send: BidiSend; context: string } {
  const connection = (frame.page().browser() as unknown as { connection: { send: BidiSend } }).connection;
  return { send: connection.send.bind(connection), context: (frame as unknown as { _id: string })._id };
}

/**
 * Page.setViewport for ESR 140: puppeteer's also overrides the screen orientation, a BiDi command ESR 140
 * does not know, so the viewport alone is set here.
 */
export async function setViewportFirefox(
  page: Page,
  viewport: { width: number; height: number },
): Promise<void> {
  const { send, context } = bidiOf(page.mainFrame());
  await send('browsingContext.setViewport', { context, viewport });
}

export async function overlayRulesFirefox(page: Page): Promise<string[]> {
  return inOverlayFirefox(page, (root) =>
    [...(root?.querySelectorAll('[data-rule]') ?? [])].map((node) => node.getAttribute('data-rule') ?? ''),
  );
}

/** The popup as a page, for the tab showing `url` (a popup opened this way has no activeTab grant). */
export function openPopupFor(session: FirefoxSession, url: string): Promise<Page> {
  return openExtensionPage(session, `src/ui/popup/index.html?forUrl=${encodeURIComponent(url)}`);
}

export async function popupSiteState(popup: Page): Promise<string> {
  return popup.$eval('[data-testid="site-state"]', (node) => node.textContent ?? '').catch(() => '');
}

/** Turns GaitGuard on for the page's site the way a coder does, and returns the popup, left open. */
export async function turnOnViaPopupFirefox(session: FirefoxSession, url: string): Promise<Page> {
  const popup = await openPopupFor(session, url);
  await popup.waitForSelector('::-p-text(Turn on for this site)', { timeout: 15_000 });
  await popup.click('::-p-text(Turn on for this site)');
  await waitForFunctionIn(
    popup,
    () => document.querySelector('[data-testid="site-state"]')?.textContent === 'On',
    { timeout: 15_000 },
  );
  return popup;
}

export interface BidiRequest {
  url: string;
  /** The BiDi browsing context (tab or frame) the request belongs to. */
  context: string | null;
  /** Set for the request that loads a document into a context; null for subresources, fetches, beacons. */
  navigation: string | null;
}

/**
 * Everything the browser reports over BiDi for every tab and frame, whoever opened it: puppeteer subscribes
 * to the network and log modules for the whole session, and its connection re-emits each event by name.
 * Firefox reports only content browsing contexts here: the extension's background page (a windowless
 * document) and console calls in moz-extension pages never appear, so those need recorders of their own.
 */
export function recordBidiEvents(browser: Browser): { requests: BidiRequest[]; console: string[] } {
  const requests: BidiRequest[] = [];
  const consoleLines: string[] = [];
  const connection = (browser as unknown as { connection: unknown }).connection as {
    on(event: string, listener: (params: never) => void): void;
  };
  connection.on(
    'network.beforeRequestSent',
    (event: { context: string | null; navigation: string | null; request: { url: string } }) =>
      requests.push({ url: event.request.url, context: event.context, navigation: event.navigation }),
  );
  connection.on('log.entryAdded', (event: { level: string; text: string | null; args?: unknown[] }) =>
    consoleLines.push(`${event.level}: ${event.text ?? ''} ${JSON.stringify(event.args ?? [])}`),
  );
  return { requests, console: consoleLines };
}

/** What an in-extension recorder saw: network attempts, console output, and resources actually loaded. */
export interface ExtensionRecord {
  attempts: string[];
  console: string[];
  /** performance resource entries that are not the extension's own packaged files. */
  foreignResources: string[];
  marker: number | undefined;
}

/**
 * Patches a GaitGuard window (an extension page's, or the background page's, reached with
 * runtime.getBackgroundPage() from an extension page) so that network attempts and console output made from
 * then on are recorded inside it: fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon and CSP
 * violations (the extension CSP's connect-src 'none' blocks a fetch before it reaches the network, so no
 * browser-level event would show it). `marker` lets a later read tell whether the same window still runs.
 */
export async function installExtensionRecorder(
  extensionPage: Page,
  target: 'self' | 'background',
  marker: number,
): Promise<void> {
  await extensionPage.evaluate(
    async (where, mark) => {
      const ext = (
        globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }
      ).browser;
      const scope = (where === 'background' ? await ext.runtime.getBackgroundPage() : window) as Window &
        typeof globalThis & { __ggRecord?: { attempts: string[]; console: string[]; marker: number } };
      const record = { attempts: [] as string[], console: [] as string[], marker: mark };
      scope.__ggRecord = record;
      const note = (what: string) => record.attempts.push(what);
      const realFetch = scope.fetch.bind(scope);
      scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        note(`fetch ${String(input instanceof scope.Request ? input.url : input)}`);
        return realFetch(input, init);
      };
      const open = scope.XMLHttpRequest.prototype.open;
      scope.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        note(`xhr ${String(args[1])}`);
        return (open as (...a: unknown[]) => void).apply(this, args);
      };
      for (const name of ['WebSocket', 'EventSource'] as const) {
        const Real = (scope as unknown as Record<string, new (url: string) => unknown>)[name];
        if (Real)
          (scope as unknown as Record<string, unknown>)[name] = function (url: string) {
            note(`${name} ${url}`);
            return new Real(url);
          };
      }
      const beacon = scope.navigator.sendBeacon?.bind(scope.navigator);
      if (beacon)
        scope.navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
          note(`beacon ${String(url)}`);
          return beacon(url, data);
        };
      scope.document.addEventListener('securitypolicyviolation', (event) =>
        note(`csp ${event.violatedDirective} ${event.blockedURI}`),
      );
      for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
        const real = scope.console[level].bind(scope.console);
        scope.console[level] = (...args: unknown[]) => {
          record.console.push(
            `${level}: ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
          );
          real(...args);
        };
      }
    },
    target,
    marker,
  );
}

export async function readExtensionRecord(
  extensionPage: Page,
  target: 'self' | 'background',
): Promise<ExtensionRecord> {
  return extensionPage.evaluate(async (where) => {
    const ext = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } })
      .browser;
    const scope = (where === 'background' ? await ext.runtime.getBackgroundPage() : window) as Window & {
      __ggRecord?: { attempts: string[]; console: string[]; marker: number };
    };
    const own = new URL('/', scope.location.href).href;
    return {
      attempts: [...(scope.__ggRecord?.attempts ?? [])],
      console: [...(scope.__ggRecord?.console ?? [])],
      // Resource entries cover the window's whole life, including loads made before the recorder was
      // installed or through a function reference taken earlier, but only loads that really happened.
      foreignResources: scope.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith(own)),
      marker: scope.__ggRecord?.marker,
    };
  }, target);
}

/** The id of the tab showing `url`, read from an extension page (-1 when none does). */
export async function tabIdOfFirefox(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (target) => {
    const { browser } = globalThis as unknown as {
      browser: { tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> } };
    };
    return (await browser.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1;
  }, url);
}

/** Asks the worker for a tab's report from an extension page, as the popup does (`get-tab-state`). */
export function workerAsker(extensionPage: () => Page): AskWorker {
  return (tabId) =>
    extensionPage().evaluate(async (target) => {
      const { browser } = globalThis as unknown as {
        browser: {
          runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: { report?: unknown } }> };
        };
      };
      const reply = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: target });
      return (reply.ok ? reply.data?.report : undefined) as TabReport | undefined;
    }, tabId);
}
