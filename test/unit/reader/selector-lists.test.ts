import { describe, expect, it } from 'vitest';
import { safeQueryAll } from '../../../src/reader/adapters/interpret';
import { pageFromHtml } from './helpers';

describe('safeQueryAll', () => {
  const { document } = pageFromHtml(`<!doctype html><body>
    <div id="x" class="a" title="a,b"><p class="b">one</p><p>two</p></div>
    <form name="update_form"><p class="a">five</p></form><div id="billing_report"></div>
  </body>`).window;

  it('finds a list in document order, once each', () => {
    expect(
      safeQueryAll(document, '#billing_report, form[name="update_form"], #x, .a').map((el) => el.localName),
    ).toEqual(['div', 'form', 'p', 'div']);
    expect(safeQueryAll(document, '[title="a,b"] > p').map((el) => el.textContent)).toEqual(['one', 'two']);
  });

  it('finds nothing for an adapter selector that is not valid CSS, rather than throwing', () => {
    expect(safeQueryAll(document, '#x, !!')).toEqual([]);
    expect(safeQueryAll(document, 'p]]')).toEqual([]);
    expect(safeQueryAll(document, '')).toEqual([]);
  });
});
