import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeQueryAll, selectorsOfList } from '../../../src/reader/adapters/interpret';
import { pageFromHtml } from './helpers';

describe('selectorsOfList', () => {
  it('splits at the commas between selectors only', () => {
    expect(selectorsOfList('form[name="update_form"], #billing_report')).toEqual([
      'form[name="update_form"]',
      ' #billing_report',
    ]);
    expect(selectorsOfList('p')).toEqual(['p']);
    expect(selectorsOfList('[title="a,b"], p')).toEqual(['[title="a,b"]', ' p']);
    expect(selectorsOfList("[title='a,\\'b'],p")).toEqual(["[title='a,\\'b']", 'p']);
    expect(selectorsOfList(':is(a, b), :not(.c,.d)')).toEqual([':is(a, b)', ' :not(.c,.d)']);
    expect(selectorsOfList('a\\,b,c')).toEqual(['a\\,b', 'c']);
    expect(selectorsOfList('p /* a, b */, q')).toEqual(['p /* a, b */', ' q']);
    expect(selectorsOfList('[title="a,b')).toEqual(['[title="a,b']);
    expect(selectorsOfList('a,')).toEqual(['a', '']);
  });
});

describe('safeQueryAll', () => {
  const { document } = pageFromHtml(`<!doctype html><body>
    <div id="x" class="a" title="a,b"><p class="b">one</p><p>two</p></div>
    <section class="a b"><p id="y" title="),(">three</p><span class="b">four</span></section>
    <form name="update_form"><p class="a">five</p></form><div id="billing_report"></div>
  </body>`).window;

  it('finds what the whole list finds, in document order and once each, or nothing for invalid CSS', () => {
    let found = 0;
    const selector = fc.constantFrom(
      'p',
      'div',
      '.a',
      '.b',
      '#x',
      '#y',
      'span',
      '[title="a,b"]',
      ':is(p, span)',
      ':not(.a, .b)',
      'div > p',
      'section p',
      'p /* , */',
      'form[name="update_form"]',
      '#billing_report',
      'a\\,b',
      '*',
      '',
      '!!',
      '[title="a',
    );
    fc.assert(
      fc.property(
        fc.array(selector, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(',', ', ', ' ,\n'),
        (parts, comma) => {
          const list = parts.join(comma);
          let whole: Element[];
          try {
            whole = Array.from(document.querySelectorAll(list));
          } catch {
            whole = [];
          }
          expect(safeQueryAll(document, list), list).toEqual(whole);
          if (whole.length > 0) found++;
        },
      ),
      { numRuns: 1000 },
    );
    // The lists must mostly find something, or the comparison above proves little.
    expect(found).toBeGreaterThan(500);
  });

  it('keeps document order when a later selector matches earlier elements', () => {
    expect(
      safeQueryAll(document, '#billing_report, form[name="update_form"], #x').map((el) => el.localName),
    ).toEqual(['div', 'form', 'div']);
  });
});
