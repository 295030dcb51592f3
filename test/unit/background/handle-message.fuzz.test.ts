/**
 * The worker's trust boundary under fire: thousands of random, malformed and near-valid messages from every
 * kind of sender. The handler must never throw, must answer each rejection with a reason, and must only hand
 * schema-valid messages to the right side: settings changes only for GaitGuard's own pages, and content
 * messages always bound to the sending tab as the browser reports it (never a tab id from the message).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type browser from 'webextension-polyfill';
import {
  createMessageHandler,
  frameOriginOf,
  type ContentContext,
  type MessageHandlers,
  type Reply,
} from '../../../src/background/handle-message';
import { ContentToBackgroundSchema, PageToBackgroundSchema } from '../../../src/messages/to-background';
import { RULE_IDS } from '../../../src/engine/model';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FUZZ_RUNS = 12_000;

type Sender = browser.Runtime.MessageSender;

interface Calls {
  page: unknown[];
  content: Array<{ message: unknown; context: ContentContext }>;
}

/** Handlers that record what reached them; `failWith` makes them throw or reject like a broken store would. */
function recordingHandlers(calls: Calls, failWith?: 'throw' | 'reject'): MessageHandlers {
  const act = async (): Promise<Reply> => {
    if (failWith === 'throw') throw new Error('storage exploded');
    if (failWith === 'reject') return Promise.reject('not an Error');
    return { ok: true };
  };
  return {
    extensionOrigin: EXTENSION_ORIGIN,
    fromPage: (message) => {
      calls.page.push(message);
      return act();
    },
    fromContent: (message, context) => {
      calls.content.push({ message, context });
      return act();
    },
  };
}

function isExtensionPage(sender: Sender): boolean {
  if (typeof sender.url !== 'string') return false;
  try {
    // Node gives extension schemes an opaque origin ("null"); compare scheme and host instead.
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}` === EXTENSION_ORIGIN;
  } catch {
    return false;
  }
}

// ---- valid messages, as the content script, popup and options page send them ----

const hugeString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.nat({ max: 300_000 }).map((length) => 'x'.repeat(length)),
);
const evidence = fc.oneof(
  fc.record({
    kind: fc.constant('note' as const),
    noteId: fc.string(),
    start: fc.integer(),
    end: fc.integer(),
    quote: hugeString,
  }),
  fc.record({ kind: fc.constant('charge' as const), chargeId: fc.string(), quote: fc.string() }),
);
const snapshot = fc.record({
  url: fc.webUrl(),
  notes: fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 20 }),
      text: hugeString,
      source: fc.record({ selector: fc.string() }, { requiredKeys: [] }),
    }),
    { maxLength: 3 },
  ),
  charges: fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 20 }),
      code: fc.constantFrom('97116', '97110', 'G0283', '9711', 'abcde'),
      units: fc.integer({ min: -2, max: 1000 }),
      modifiers: fc.array(fc.constantFrom('GP', 'CQ', 'g', '59'), { maxLength: 3 }),
      status: fc.constantFrom('unbilled', 'billed', 'deleted'),
      source: fc.constant({}),
    }),
    { maxLength: 3 },
  ),
  foreignFrameOrigins: fc.array(fc.string(), { maxLength: 2 }),
  warnings: fc.array(fc.string(), { maxLength: 2 }),
});
const placement = fc.record({
  right: fc.double({ noNaN: false }),
  bottom: fc.integer({ min: -5, max: 20_000 }),
  collapsed: fc.boolean(),
});
const originText = fc.oneof(
  fc.webUrl().map((url) => new URL(url).origin),
  hugeString,
);
const tabIdValue = fc.oneof(fc.integer({ min: -3, max: 2_000 }), fc.double(), fc.string());

const contentMessage = fc.oneof(
  fc.record({ type: fc.constant('snapshot'), snapshot }),
  fc.record({ type: fc.constant('frame-gone') }),
  fc.record({ type: fc.constant('reveal-request'), evidence }),
  fc.record({ type: fc.constant('save-overlay'), placement }),
  fc.record({
    type: fc.constant('save-pick'),
    kind: fc.constantFrom('note', 'charges'),
    selector: hugeString,
  }),
);
const pageMessage = fc.oneof(
  fc.record({ type: fc.constant('get-tab-state'), tabId: tabIdValue }),
  fc.record(
    { type: fc.constant('enable-site'), origin: originText, tabId: tabIdValue },
    { requiredKeys: ['type', 'origin'] },
  ),
  fc.record({ type: fc.constant('disable-site'), origin: originText }),
  fc.record({ type: fc.constant('pause-site'), origin: originText, paused: fc.boolean() }),
  fc.record({
    type: fc.constant('set-site-method'),
    origin: originText,
    method: fc.constantFrom('cms', 'per-code', 'CMS'),
    medicare: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('set-rule-enabled'),
    rule: fc.constantFrom(...RULE_IDS, 'no-such-rule'),
    enabled: fc.boolean(),
  }),
  fc.record({ type: fc.constant('reveal'), tabId: tabIdValue, evidence }),
  fc.record({ type: fc.constant('toggle-overlay') }),
  fc.record({ type: fc.constant('get-settings') }),
  fc.record({ type: fc.constant('import-tables'), tables: fc.anything() }),
  fc.record({ type: fc.constant('reset-tables') }),
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'];

/** Near-valid: a real message with one key dropped, retyped, or an extra (possibly hostile) key added. */
const nearValid = fc
  .tuple(
    fc.oneof(contentMessage, pageMessage) as fc.Arbitrary<Record<string, unknown>>,
    fc.constantFrom('drop', 'retype', 'extra', 'pollute', 'none'),
    fc.nat(),
    fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 3 }),
    fc.constantFrom(...POLLUTION_KEYS, 'tabId', 'frameId', 'origin'),
  )
  .map(([base, how, pick, value, extraKey]) => {
    const message: Record<string, unknown> = { ...base };
    const keys = Object.keys(message);
    const key = keys[pick % keys.length] ?? 'type';
    if (how === 'drop') delete message[key];
    if (how === 'retype') message[key] = value;
    if (how === 'extra') message[extraKey] = value;
    // JSON.parse creates an own "__proto__" key, as a structured-clone message from a hostile page would.
    if (how === 'pollute')
      return Object.assign(
        JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`),
        message,
      );
    return message;
  });

const anyMessage = fc.oneof(
  {
    arbitrary: fc.anything({
      withObjectString: true,
      withNullPrototype: true,
      withBigInt: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      maxDepth: 4,
    }),
    weight: 3,
  },
  { arbitrary: contentMessage, weight: 3 },
  { arbitrary: pageMessage, weight: 3 },
  { arbitrary: nearValid, weight: 4 },
  {
    arbitrary: fc.constantFrom(null, undefined, 0, '', 'snapshot', [], [{ type: 'snapshot' }], {
      type: null,
    }),
    weight: 1,
  },
);

// ---- senders: the popup, content scripts in tabs and frames, and things that only look like either ----

const pageUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'http://127.0.0.1:8765/demo/daily-note.html',
    'about:blank',
    'about:srcdoc',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'chrome://settings/',
    // Look-alikes of the extension's own origin: a page must not pass for the popup by prefix.
    `${EXTENSION_ORIGIN}.evil.example/`,
    `${EXTENSION_ORIGIN}x/src/ui/popup/index.html`,
    `${EXTENSION_ORIGIN}@evil.example/`,
    'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/src/ui/popup/index.html',
    'not a url',
  ),
);
const extensionUrl = fc.constantFrom(
  `${EXTENSION_ORIGIN}/src/ui/popup/index.html`,
  `${EXTENSION_ORIGIN}/src/ui/options/index.html`,
  `${EXTENSION_ORIGIN}/src/ui/popup/index.html?forUrl=https%3A%2F%2Femr.example.org%2F`,
);
const sender: fc.Arbitrary<Sender> = fc.record(
  {
    url: fc.oneof(extensionUrl, pageUrl),
    tab: fc.record(
      { id: fc.oneof(fc.integer({ min: -1, max: 5_000 }), fc.constant(-1)), url: pageUrl, index: fc.nat() },
      { requiredKeys: ['index'] },
    ),
    frameId: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.constant(-1)),
    // Chromium's own word for the sending frame's origin (opaque frames say "null").
    origin: fc.oneof(
      fc.webUrl().map((url) => new URL(url).origin),
      fc.constantFrom('null', 'http://127.0.0.1:8765', 'http://localhost:8766'),
    ),
    id: fc.constantFrom('abcdefghijklmnopabcdefghijklmnop', 'someone-else'),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Sender>;

function ownKeysDeep(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  return Reflect.ownKeys(value).flatMap((key) => [
    String(key),
    ...ownKeysDeep((value as Record<PropertyKey, unknown>)[key], seen),
  ]);
}

async function checkOne(
  message: unknown,
  from: Sender,
  failWith?: 'throw' | 'reject',
): Promise<'page' | 'content' | 'rejected'> {
  const calls: Calls = { page: [], content: [] };
  const handle = createMessageHandler(recordingHandlers(calls, failWith));
  let reply: Reply;
  try {
    reply = await handle(message, from);
  } catch (error) {
    throw new Error(`handler threw: ${String(error)}`);
  }
  expect(calls.page.length + calls.content.length).toBeLessThanOrEqual(1);

  if (calls.page.length === 1) {
    // Only GaitGuard's own pages may change settings, and only with a message the schema accepts.
    expect(isExtensionPage(from)).toBe(true);
    expect(PageToBackgroundSchema.safeParse(calls.page[0]).success).toBe(true);
  }
  if (calls.content.length === 1) {
    const { message: passed, context } = calls.content[0]!;
    expect(isExtensionPage(from)).toBe(false);
    expect(ContentToBackgroundSchema.safeParse(passed).success).toBe(true);
    // The tab is the browser's word for where the message came from, never the message's own claim.
    expect(context.tabId).toBe(from.tab?.id);
    expect(context.tabId).toBeGreaterThanOrEqual(0);
    expect(context.frameId).toBe(from.frameId ?? 0);
    // The frame's site is the browser's word too: its origin, or its URL's where no origin is given.
    expect(context.frameOrigin).toBe(frameOriginOf(from));
    expect(context.frameOrigin).toMatch(/^https?:\/\//);
    expect(ownKeysDeep(passed)).not.toContain('tabId');
    expect(ownKeysDeep(passed)).not.toContain('__proto__');
  }

  if (calls.page.length + calls.content.length === 0 || failWith) {
    expect(reply.ok).toBe(false);
    const error = (reply as { error?: unknown }).error;
    expect(typeof error).toBe('string');
    expect((error as string).length).toBeGreaterThan(0);
    // A rejection names the problem briefly; it never echoes a (possibly huge) payload back.
    expect((error as string).length).toBeLessThan(2_000);
  } else {
    expect(reply).toEqual({ ok: true });
  }
  return calls.page.length ? 'page' : calls.content.length ? 'content' : 'rejected';
}

describe('createMessageHandler under fuzzing', () => {
  it(`survives ${FUZZ_RUNS} random, malformed and near-valid messages from any sender`, async () => {
    let reachedPage = 0;
    let reachedContent = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(anyMessage, sender, async (message, from) => {
        const outcome = await checkOne(message, from);
        if (outcome === 'page') reachedPage += 1;
        else if (outcome === 'content') reachedContent += 1;
        else rejected += 1;
      }),
      { numRuns: FUZZ_RUNS },
    );
    // The generators must exercise every path, or the property above proves little.
    process.stdout.write(
      `fuzz: ${reachedPage} to pages, ${reachedContent} to content, ${rejected} rejected\n`,
    );
    expect(reachedPage).toBeGreaterThan(FUZZ_RUNS / 100);
    expect(reachedContent).toBeGreaterThan(FUZZ_RUNS / 100);
    expect(rejected).toBeGreaterThan(FUZZ_RUNS / 4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('turns a failing or throwing handler into a clear rejection', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(contentMessage, pageMessage),
        sender,
        fc.constantFrom('throw', 'reject'),
        async (message, from, failWith) => {
          await checkOne(message, from, failWith as 'throw' | 'reject');
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('never lets a web page change settings, even with a perfectly valid settings message', async () => {
    await fc.assert(
      fc.asyncProperty(
        pageMessage,
        pageUrl,
        fc.option(fc.integer({ min: 0, max: 50 })),
        async (message, url, tabId) => {
          const calls: Calls = { page: [], content: [] };
          const reply = await createMessageHandler(recordingHandlers(calls))(message, {
            url,
            tab: tabId === null ? undefined : ({ id: tabId, url, index: 0 } as browser.Tabs.Tab),
            frameId: 0,
          });
          expect(calls.page).toEqual([]);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('a content script speaks only for its own tab', () => {
  it('analyses the sender tab even when the message names another tab', async () => {
    const calls: Calls = { page: [], content: [] };
    const handle = createMessageHandler(recordingHandlers(calls));
    const reply = await handle(
      {
        type: 'snapshot',
        tabId: 999,
        snapshot: {
          url: 'https://emr.example.org/',
          notes: [],
          charges: [],
          foreignFrameOrigins: [],
          warnings: [],
        },
      },
      {
        url: 'https://emr.example.org/',
        tab: { id: 7, url: 'https://emr.example.org/', index: 0 } as browser.Tabs.Tab,
        frameId: 3,
      },
    );
    expect(reply).toEqual({ ok: true });
    expect(calls.content).toHaveLength(1);
    expect(calls.content[0]!.context).toEqual({
      tabId: 7,
      frameId: 3,
      topOrigin: 'https://emr.example.org',
      frameOrigin: 'https://emr.example.org',
    });
    expect(calls.content[0]!.message).not.toHaveProperty('tabId');
  });

  it("binds a frame's messages to the frame's own site, as the browser reports it, not the page's", async () => {
    const calls: Calls = { page: [], content: [] };
    const handle = createMessageHandler(recordingHandlers(calls));
    // Chromium names the frame's origin; another port of the same host is another site.
    await handle({ type: 'frame-gone' }, {
      url: 'http://127.0.0.1:8801/note.html',
      origin: 'http://127.0.0.1:8801',
      tab: { id: 4, url: 'http://127.0.0.1:8802/top.html', index: 0 } as browser.Tabs.Tab,
      frameId: 9,
    } as Sender);
    // Firefox gives the frame's URL only.
    await handle(
      { type: 'frame-gone' },
      {
        url: 'http://localhost:8801/note.html',
        tab: { id: 4, url: 'http://127.0.0.1:8802/top.html', index: 0 } as browser.Tabs.Tab,
        frameId: 10,
      },
    );
    expect(calls.content.map((call) => [call.context.topOrigin, call.context.frameOrigin])).toEqual([
      ['http://127.0.0.1:8802', 'http://127.0.0.1:8801'],
      ['http://127.0.0.1:8802', 'http://localhost:8801'],
    ]);
    const reply = await handle(
      { type: 'frame-gone' },
      {
        url: 'about:blank',
        tab: { id: 4, url: 'http://127.0.0.1:8802/top.html', index: 0 } as browser.Tabs.Tab,
        frameId: 11,
      },
    );
    expect(reply).toEqual({ ok: false, error: 'Rejected message: unknown frame origin' });
  });

  it('rejects content messages that come from no tab at all', async () => {
    const calls: Calls = { page: [], content: [] };
    const reply = await createMessageHandler(recordingHandlers(calls))(
      { type: 'frame-gone' },
      { url: 'https://emr.example.org/' },
    );
    expect(reply).toEqual({ ok: false, error: 'Rejected message: not from a tab' });
    expect(calls.content).toEqual([]);
  });

  it('does not let a page pose as the popup with a look-alike address', async () => {
    for (const url of [`${EXTENSION_ORIGIN}.evil.example/`, `${EXTENSION_ORIGIN}x/popup.html`]) {
      const calls: Calls = { page: [], content: [] };
      const reply = await createMessageHandler(recordingHandlers(calls))(
        { type: 'toggle-overlay' },
        { url, tab: { id: 4, url, index: 0 } as browser.Tabs.Tab, frameId: 0 },
      );
      expect(calls.page).toEqual([]);
      expect(reply.ok).toBe(false);
    }
  });
});
