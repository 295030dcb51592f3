/**
 * GaitGuard's one element in a page: a custom-named host with a shadow root. Everything GaitGuard draws
 * (overlay, evidence marks, picker outline) lives inside it; the page's own DOM is never touched. The root is
 * closed: it shows the report of every frame of the tab, and the page's own scripts must neither read those
 * quotes nor find and script its controls. Assistive technology reads a closed root as any other (the
 * accessibility tree ignores the mode); tests reach it through the automation protocols, as DevTools does.
 */
import { OVERLAY_HOST_TAG } from '../reader/constants';

export interface ShadowHost {
  root: ShadowRoot;
  host: HTMLElement;
  remove(): void;
}

export function createShadowHost(doc: Document, styles: string, signal: AbortSignal): ShadowHost {
  const host = doc.createElement(OVERLAY_HOST_TAG);
  // Inline styles on our own element keep the page's CSS from sizing or hiding it.
  host.setAttribute('style', 'all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = styles;
  root.append(style);
  (doc.documentElement ?? doc.body).append(host);
  const remove = () => host.remove();
  signal.addEventListener('abort', remove, { once: true });
  return { root, host, remove };
}
