import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTypeIndex, safeQueryAll, selectorsOfList } from '../../../src/reader/adapters/interpret';
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

describe('safeQueryAll with a type index', () => {
  const { document } =
    pageFromHtml(`<!doctype html><head><meta name="application-name" content="x"></head><body>
    <form name="update_form" action="/billing/x"><textarea name="subjective">a</textarea>
      <textarea name="objective">b</textarea><input name="bill[1][code]" value="97116"></form>
    <div class="tab"><textarea name="plan" data-x="a]b">c</textarea><span title="[t]">d</span></div>
    <svg><foreignObject><textarea name="assessment">e</textarea></foreignObject><title>f</title></svg>
    <form name="other"><textarea>g</textarea></form>
  </body>`).window;
  // Elements only script can make: a type's name in capitals or in another namespace. (Not one with a prefix,
  // "x:textarea": jsdom's querySelectorAll and matches disagree about it, so jsdom alone could not tell.)
  for (const [namespace, name] of [
    ['urn:x', 'TEXTAREA'],
    ['urn:x', 'textarea'],
    ['http://www.w3.org/1999/xhtml', 'TextArea'],
    ['http://www.w3.org/2000/svg', 'Form'],
  ] as const) {
    const el = document.createElementNS(namespace, name);
    el.setAttribute('name', 'plan');
    document.body.append(el);
  }

  it('finds what querySelectorAll finds, for lists of any selectors, valid or not', () => {
    const selector = fc.constantFrom(
      'textarea[name="subjective"]',
      'textarea[name="plan"]',
      'textarea[name]',
      'textarea[name="plan"][data-x="a]b"]',
      'textarea[data-x="a]b"]',
      'textarea[name="objective"] ',
      '\ttextarea[name=plan]',
      'textarea[name="x"][',
      'textarea[name="x]',
      'textarea[name="x"]]',
      'textarea[name=\\]',
      'textarea[name="a"] [name="b"]',
      'textarea[name="a"]>[name="b"]',
      'textarea[name="a"]:not([name="b"])',
      'textarea[NAME="PLAN" i]',
      'form[name="update_form"][action*="billing"]',
      'form[name="update_form"] textarea[name]',
      'form[name]',
      'meta[name="application-name"][content="x"]',
      'foreignobject[x]',
      'title[x]',
      'span[title="[t]"]',
      'input[name$="[code]"]',
      'div.tab',
      '#x',
      'textarea',
      'svg|textarea[name]',
      '*|textarea[name]',
      'form[name="update_form"][',
      '',
      '!!',
    );
    let found = 0;
    fc.assert(
      fc.property(
        fc.array(selector, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(',', ', '),
        (parts, comma) => {
          const list = parts.join(comma);
          const index = createTypeIndex(document);
          // Asked twice of the same index: types found for one query serve the next.
          for (let round = 0; round < 2; round++) {
            expect(safeQueryAll(document, list, index), list).toEqual(safeQueryAll(document, list));
          }
          const form = document.querySelector('form');
          if (form) expect(safeQueryAll(form, list, index), list).toEqual(safeQueryAll(form, list));
          if (safeQueryAll(document, list).length > 0) found++;
        },
      ),
      { numRuns: 500 },
    );
    // The lists must often find something, or the comparison above proves little.
    expect(found).toBeGreaterThan(150);
  });

  it('turns away a list with invalid CSS even where no element has the type', () => {
    const index = createTypeIndex(document);
    expect(safeQueryAll(document, 'blink[name="a"]]', index)).toEqual([]);
    expect(safeQueryAll(document, 'textarea[name="plan"], blink[name="a"]]', index)).toEqual([]);
    const valid = 'textarea[name="plan"], blink[name="a"]';
    expect(safeQueryAll(document, valid, index)).toEqual(Array.from(document.querySelectorAll(valid)));
  });
});
