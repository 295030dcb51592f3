/**
 * GaitGuard's one element in a page: a custom-named host with a shadow root. Everything GaitGuard draws
 * (overlay, evidence marks, picker outline) lives inside it; the page's own DOM is never touched. The root is
 * open so assistive technology and tests can reach it; it holds nothing the page does not already show.
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
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = styles;
  root.append(style);
  (doc.documentElement ?? doc.body).append(host);
  const remove = () => host.remove();
  signal.addEventListener('abort', remove, { once: true });
  return { root, host, remove };
}
