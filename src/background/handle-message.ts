/**
 * The worker's trust boundary. Every message is parsed before anything acts on it; content scripts may only
 * speak about their own tab and frame, and only extension pages may change settings.
 */
import type browser from 'webextension-polyfill';
import { ContentToBackgroundSchema, PageToBackgroundSchema } from '../messages/to-background';
import type { ContentToBackground, PageToBackground } from '../messages/to-background';
import { siteOriginOf } from '../shared/settings';

export type Reply = { ok: true; data?: unknown } | { ok: false; error: string };

export interface MessageHandlers {
  extensionOrigin: string;
  fromContent(
    message: ContentToBackground,
    context: { tabId: number; frameId: number; topOrigin: string },
  ): Promise<Reply>;
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
      const parsed = ContentToBackgroundSchema.safeParse(message);
      if (!parsed.success)
        return { ok: false, error: `Rejected message: ${describeIssues(parsed.error.issues)}` };
      return await handlers.fromContent(parsed.data, { tabId, frameId: sender.frameId ?? 0, topOrigin });
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'Unexpected error' };
    }
  };
}
