/**
 * The worker's trust boundary. Every message is parsed before anything acts on it; content scripts may only
 * speak about their own tab and frame, and only extension pages may change settings.
 */
import type browser from 'webextension-polyfill';
import { ContentToBackgroundSchema, PageToBackgroundSchema } from '../messages/to-background';
import type { ContentToBackground, PageToBackground } from '../messages/to-background';
import { siteOriginOf } from '../shared/settings';

/** Who sent a content message, as the browser (not the message) says. */
export interface ContentContext {
  tabId: number;
  frameId: number;
  /** The tab's top document's site. */
  topOrigin: string;
  /** The sending frame's own site: a frame of another site inside an enabled page is not that page. */
  frameOrigin: string;
}

export type Reply = { ok: true; data?: unknown } | { ok: false; error: string };

export interface MessageHandlers {
  extensionOrigin: string;
  fromContent(message: ContentToBackground, context: ContentContext): Promise<Reply>;
  fromPage(message: PageToBackground): Promise<Reply>;
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const where = first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  return `${first.message}${where}`;
}

/** Scheme and host of a URL. URL.origin is "null" for extension schemes outside a browser, so it is built here. */
function schemeAndHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/**
 * The sending frame's own site. Chromium reports it as `origin` (also for about:blank and srcdoc frames,
 * which inherit their parent's); Firefox reports the frame's URL only.
 */
export function frameOriginOf(sender: browser.Runtime.MessageSender): string | undefined {
  const declared = (sender as { origin?: unknown }).origin;
  if (typeof declared === 'string' && declared !== 'null') return siteOriginOf(declared);
  return siteOriginOf(sender.url);
}

export function createMessageHandler(handlers: MessageHandlers) {
  return async function handleMessage(
    message: unknown,
    sender: browser.Runtime.MessageSender,
  ): Promise<Reply> {
    try {
      const senderUrl = sender.url ?? '';
      // Popup and options pages have our own origin; content scripts report the page's URL. The whole origin
      // must match: a prefix test would let "<our origin>.example" pass for the popup.
      if (schemeAndHost(senderUrl) === handlers.extensionOrigin) {
        const parsed = PageToBackgroundSchema.safeParse(message);
        if (!parsed.success)
          return { ok: false, error: `Rejected message: ${describeIssues(parsed.error.issues)}` };
        return await handlers.fromPage(parsed.data);
      }
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return { ok: false, error: 'Rejected message: not from a tab' };
      const topOrigin =
        siteOriginOf(sender.tab?.url) ?? (sender.frameId === 0 ? siteOriginOf(senderUrl) : undefined);
      if (!topOrigin) return { ok: false, error: 'Rejected message: unknown page origin' };
      const frameOrigin = frameOriginOf(sender);
      if (!frameOrigin) return { ok: false, error: 'Rejected message: unknown frame origin' };
      const parsed = ContentToBackgroundSchema.safeParse(message);
      if (!parsed.success)
        return { ok: false, error: `Rejected message: ${describeIssues(parsed.error.issues)}` };
      return await handlers.fromContent(parsed.data, {
        tabId,
        frameId: sender.frameId ?? 0,
        topOrigin,
        frameOrigin,
      });
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'Unexpected error' };
    }
  };
}
