/**
 * A frame given a new document leaves the old document's nodes behind. Firefox makes a content script's
 * references to them dead wrappers: reading any property throws, and a DOM method given one throws too.
 * The visibility watch must let go of such an element without touching it, or every later read throws.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isDeadWrapper } from '../../../src/reader/tree';
import { watchVisibility } from '../../../src/reader/visibility-watch';

/**
 * Stands in for a content script's reference to an element: usable until `kill()`, then a dead wrapper
 * (every use throws), as when the element's frame gets a new document in Firefox.
 */
function wrapperOf(el: Element): { wrapper: Element; kill: () => void } {
  const { proxy, revoke } = Proxy.revocable(el, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { wrapper: proxy, kill: revoke };
}

/** A window whose ResizeObserver, like Firefox's, rejects anything that is not a live element. */
function viewWithObserver(): { view: Window & typeof globalThis; observed: Set<Element> } {
  const { window } = new JSDOM('<!doctype html><body></body>');
  const observed = new Set<Element>();
  class StrictResizeObserver {
    constructor(_callback: unknown) {}
    observe(el: Element): void {
      if (isDeadWrapper(el)) throw new TypeError('Argument 1 does not implement interface Element.');
      observed.add(el);
    }
    unobserve(el: Element): void {
      if (isDeadWrapper(el)) throw new TypeError('Argument 1 does not implement interface Element.');
      observed.delete(el);
    }
    disconnect(): void {
      observed.clear();
    }
  }
  Object.defineProperty(window, 'ResizeObserver', { value: StrictResizeObserver });
  Object.defineProperty(window, 'innerWidth', { value: 800 });
  Object.defineProperty(window, 'innerHeight', { value: 600 });
  return { view: window as unknown as Window & typeof globalThis, observed };
}

describe('a frame given a new document', () => {
  it('isDeadWrapper tells a dead wrapper from live nodes and windows', () => {
    const { window } = new JSDOM('<!doctype html><body><p>x</p></body>');
    const { wrapper, kill } = wrapperOf(window.document.body);
    expect(isDeadWrapper(wrapper)).toBe(false);
    expect(isDeadWrapper(window)).toBe(false);
    kill();
    expect(isDeadWrapper(wrapper)).toBe(true);
  });

  it('the visibility watch lets go of an element of the replaced document without touching it', () => {
    const { view, observed } = viewWithObserver();
    const oldBody = view.document.createElement('div');
    const newBody = view.document.createElement('div');
    view.document.body.append(oldBody, newBody);
    const { wrapper, kill } = wrapperOf(oldBody);
    const watch = watchVisibility(view, () => undefined, new AbortController().signal);
    watch.track([wrapper]);
    expect(observed.has(wrapper)).toBe(true);
    kill();
    // The next full read finds the new document's editor only; the old one cannot even be asked about.
    expect(() => watch.track([newBody])).not.toThrow();
    expect(observed.has(newBody)).toBe(true);
  });
});
