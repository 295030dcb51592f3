import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { mayHostShadowRoot } from '../../../src/reader/scan';
import { pageFromHtml } from './helpers';

/** Every HTML element name of the living standard, obsolete ones included. */
const HTML_TAGS =
  `a abbr acronym address area article aside audio b base bdi bdo big blockquote body br button canvas
caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset
figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input
ins kbd label legend li link main map mark marquee menu meta meter nav nobr noembed noframes noscript object ol
optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small
source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr
track tt u ul var video wbr`.split(/\s+/);

describe('mayHostShadowRoot', () => {
  it('says yes exactly for the elements that accept attachShadow (and for custom elements)', () => {
    const { document } = pageFromHtml('<body></body>').window;
    for (const tag of [...HTML_TAGS, 'x-note', 'lumen-note-panel']) {
      const el = document.createElement(tag);
      let accepts = true;
      try {
        el.attachShadow({ mode: 'open' });
      } catch {
        accepts = false;
      }
      expect(mayHostShadowRoot(el.tagName), tag).toBe(accepts);
    }
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    expect(mayHostShadowRoot(svg.tagName)).toBe(false);
  });

  it('still reads a note inside a shadow root on a section element', () => {
    const dom = pageFromHtml('<body><section id="host"></section></body>');
    const host = dom.window.document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<label for="n">Objective</label><textarea id="n">Gait training 23 min with FWW.</textarea>';
    expect(readFrame(dom.window.document).notes.map((n) => n.text)).toEqual([
      'Gait training 23 min with FWW.',
    ]);
  });
});
