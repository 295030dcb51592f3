/**
 * The reader's browser path: with layout, ancestors are judged by markup and by whether they clip their
 * content to nothing, and candidates by their own box. jsdom has no layout, so these tests give it just
 * enough: a root with a size and boxes whose height follows the computed style.
 */
import { describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { readFrame } from '../../../src/reader/frame-reader';
import { loadPage } from './helpers';

/** Boxes as a browser lays them out for these fixtures: 0 tall where the style says so, else one line. */
function withLayout(dom: JSDOM): JSDOM {
  const { window } = dom;
  Object.defineProperty(window.document.documentElement, 'clientWidth', { value: 1280 });
  window.Element.prototype.getBoundingClientRect = function (this: Element) {
    const style = window.getComputedStyle(this);
    const height = style.height === '0px' || style.display === 'none' ? 0 : 18;
    const left = Number.parseFloat(style.left) || 0;
    return { x: left, y: 0, left, top: 0, width: 600, height, right: left + 600, bottom: height } as DOMRect;
  };
  return dom;
}

describe('reading with layout (as in a browser)', () => {
  it('does not read a note inside a collapsed accordion whose own box still has a size', () => {
    const dom = withLayout(loadPage('hidden-stale-note.html', 'https://cascade.example.org/note'));
    const snapshot = readFrame(dom.window.document);
    expect(JSON.stringify(snapshot)).not.toContain('STALE-7');
    // The stub lays out nothing else faithfully (display:none parents, off-screen offsets): only the
    // accordion is under test here; the other stale copies are covered by page-state.test.ts.
    expect(snapshot.notes.map((note) => note.source.label)).toContain("Today's note");
  });

  it('still reads a note inside a zero-height box that lets its content overflow', () => {
    const dom = withLayout(loadPage('hidden-stale-note.html', 'https://cascade.example.org/note'));
    const body = dom.window.document.querySelector('.accordion-body') as HTMLElement;
    body.classList.remove('collapsed');
    body.style.height = '0px';
    const snapshot = readFrame(dom.window.document);
    expect(snapshot.notes.map((note) => note.text)).toContain(
      'STALE-7 Gait training (97116): 15 min in a collapsed accordion.',
    );
  });
});
