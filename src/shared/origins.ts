/**
 * What a site is, as an origin, and the match pattern that covers it. Kept apart from settings.ts and its
 * schemas: the popup asks for a site's permission with these and never parses a setting.
 */

/**
 * The origin a site is keyed by (scheme, host and port, as URL.origin gives it), or undefined for pages
 * GaitGuard can never run on (chrome://, about:, files).
 */
export function siteOriginOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Match pattern covering every page of one origin and no other: "http://127.0.0.1:8765/*". Without the
 * port a pattern covers every port of the host, which would hand the permission and the script to whatever
 * else listens there. Firefox matches patterns by host alone; there the content script's and the worker's
 * own origin checks keep other ports out.
 */
export function originPattern(origin: string, portsInPatterns = patternsCarryPorts()): string {
  const { protocol, hostname, port } = new URL(origin);
  return `${protocol}//${hostname}${port && portsInPatterns ? `:${port}` : ''}/*`;
}

/** Chromium honours a port in a match pattern; Firefox (the one with runtime.getBrowserInfo) does not. */
export function patternsCarryPorts(): boolean {
  const firefox = (globalThis as { browser?: { runtime?: { getBrowserInfo?: unknown } } }).browser;
  return typeof firefox?.runtime?.getBrowserInfo !== 'function';
}
