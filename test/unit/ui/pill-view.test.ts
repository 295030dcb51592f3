// @vitest-environment jsdom
/**
 * The in-page pill, drawn without Preact: the same list markup as the pages' FindingList, controls that act
 * only on the coder's own input, redraws that keep the coder's focus, the reload notice, what a pick picked,
 * and teardown through the AbortSignal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h as preactH, render } from 'preact';
import { browserMock } from './i18n-mock';
import type { Finding, Severity } from '../../../src/engine/model';
import type { TabReport } from '../../../src/messages/to-content';

vi.mock('webextension-polyfill', () => browserMock);
vi.mock('../../../src/shared/browser-api', () => browserMock);
const { createOverlayView } = await import('../../../src/ui/overlay/pill-view');
const { FindingList } = await import('../../../src/ui/components/finding-list');
const { initOverlay } = await import('../../../src/content/overlay');
const { OVERLAY_HOST_TAG } = await import('../../../src/reader/constants');

type PillState = Parameters<ReturnType<typeof createOverlayView>['draw']>[0];

function finding(rule: string, severity: Severity, quote: string): Finding {
  return {
    rule: rule as Finding['rule'],
    severity,
    message: `Message of ${rule}`,
    explanation: 'Why it matters',
    evidence: [
      { kind: 'note', noteId: '0:n1', start: 0, end: quote.length, quote },
      { kind: 'charge', chargeId: '0:c1', code: '97116', quote: '97116 x 3' },
    ],
    fix: 'Bill 2 units of 97116',
    source: { title: 'Medicare Claims Processing Manual', section: 'ch.5 §20.2', effective: '2024-07-01' },
  } as Finding;
}

function report(findings: Finding[]): TabReport {
  return {
    status: 'ready',
    findings,
    noteCount: 1,
    chargeCount: 1,
    foreignOrigins: [],
    warnings: [],
    method: 'cms',
    medicare: true,
    ignoredFrames: [],
    cuts: [],
    detailsInPopup: false,
    revision: 1,
    day: { lineLabels: { '0:c1': 'line 1 of Fee sheet' } },
  } as unknown as TabReport;
}

const FINDINGS = [
  finding('units-exceed-minutes', 'error', 'Gait training (97116):\n 23   min'),
  finding('gp-modifier-missing', 'warning', 'PT plan of care <b>signed</b>'),
  finding('cq-modifier-missing', 'warning', 'PTA ambulated patient 150 ft'),
];

function state(overrides: Partial<PillState> = {}): PillState {
  return {
    report: report(FINDINGS),
    stale: false,
    picking: undefined,
    picked: undefined,
    expanded: true,
    opensUp: true,
    alignRight: true,
    focusFirst: false,
    ...overrides,
  };
}

function actions() {
  return { onExpandedChange: vi.fn(), onReveal: vi.fn(), onPick: vi.fn(), onHide: vi.fn() };
}

function mounted(draw: PillState = state()) {
  const spies = actions();
  const view = createOverlayView(spies);
  view.draw(draw);
  document.body.append(view.element);
  return { view, spies, element: view.element };
}

const button = (root: ParentNode, text: RegExp) =>
  [...root.querySelectorAll('button')].find((item) => text.test(item.textContent ?? ''));

afterEach(() => {
  document.body.replaceChildren();
  document.querySelectorAll(OVERLAY_HOST_TAG).forEach((host) => host.remove());
});

describe('the pill without Preact', () => {
  it('lists findings with the markup of the pages’ list, less the explanation', () => {
    const { element } = mounted();
    const pages = document.createElement('div');
    render(
      preactH(FindingList, {
        findings: FINDINGS,
        onReveal: () => undefined,
        lineLabels: { '0:c1': 'line 1 of Fee sheet' },
      }),
      pages,
    );
    pages.querySelectorAll('.gg-explanation').forEach((node) => node.remove());
    expect(element.querySelector('.gg-findings')!.outerHTML).toBe(
      pages.querySelector('.gg-findings')!.outerHTML,
    );
    // Grouped worst first, each quote as text: the note's markup-like words never become elements.
    expect(
      [...element.querySelectorAll('[data-rule]')].map((node) => node.getAttribute('data-rule')),
    ).toEqual(['units-exceed-minutes', 'gp-modifier-missing', 'cq-modifier-missing']);
    expect(element.querySelector('.gg-findings b')).toBeNull();
    expect(element.textContent).toContain('“PT plan of care <b>signed</b>”');
    expect(element.textContent).toContain('line 1 of Fee sheet: 97116 x 3');
  });

  it('says the count and the worst severity on the pill, and the summary in its header', () => {
    const { element } = mounted();
    expect(element.getAttribute('data-worst')).toBe('error');
    expect(element.querySelector('.gg-pill-count')!.textContent).toBe('3');
    expect(element.querySelector('.gg-summary')!.textContent).toBe('1 error, 2 warnings');
    expect(element.querySelector('.gg-panel')!.hasAttribute('hidden')).toBe(false);
  });

  it('ignores clicks a page script makes: pill, "Wrong field?" and the pick buttons', () => {
    const { element, spies } = mounted();
    element.querySelector<HTMLButtonElement>('.gg-pill')!.click();
    button(element, /wrong field/i)!.click();
    expect(element.querySelector('.gg-pick')).toBeNull();
    expect(button(element, /wrong field/i)!.getAttribute('aria-expanded')).toBe('false');
    expect(spies.onExpandedChange).not.toHaveBeenCalled();
    expect(spies.onPick).not.toHaveBeenCalled();
  });

  it('keeps the list, and the coder’s place in it, across reports', () => {
    const { view, element } = mounted();
    const list = element.querySelector('.gg-findings');
    const second = element.querySelectorAll<HTMLElement>('.gg-finding')[1]!;
    second.focus();
    view.draw(state());
    expect(element.querySelector('.gg-findings')).toBe(list);
    expect(document.activeElement).toBe(second);
    // A changed report redraws the list; focus stays on the same finding, now a new element.
    view.draw(state({ report: report([...FINDINGS, finding('ttm-missing', 'info', 'Total time 38 min')]) }));
    expect(element.querySelector('.gg-findings')).not.toBe(list);
    expect((document.activeElement as HTMLElement).dataset.key).toBe('gp-modifier-missing#0');
  });

  it('moves with the arrow keys and shows the evidence with Enter', () => {
    const { element, spies } = mounted();
    const list = element.querySelector<HTMLElement>('.gg-findings')!;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect((document.activeElement as HTMLElement).dataset.key).toBe('units-exceed-minutes#0');
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect((document.activeElement as HTMLElement).dataset.key).toBe('gp-modifier-missing#0');
    expect(element.querySelector('[role="status"][aria-live]:not(span)')!.textContent).toContain('2 of 3');
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(spies.onReveal).toHaveBeenCalledWith(FINDINGS[1]!.evidence[0]);
  });

  it('shows the reload notice when stale, and "reading" before any report', () => {
    const { view, element } = mounted(state({ stale: true }));
    expect(element.querySelector('.gg-pill-count')!.textContent).toBe('!');
    expect(element.querySelector('.gg-footer')).toBeNull();
    expect(element.querySelector('.gg-empty')!.textContent).toMatch(/reload/i);
    view.draw(state({ report: undefined }));
    expect(element.querySelector('.gg-empty')!.textContent).toMatch(/reading/i);
    expect(element.querySelector('.gg-footer')).not.toBeNull();
  });
});

describe('initOverlay (the content script’s pill)', () => {
  it('draws into a closed root the page cannot open, and leaves with its signal', () => {
    const controller = new AbortController();
    const overlay = initOverlay(
      { onReveal: () => undefined, onPick: () => undefined, onHide: () => undefined },
      controller.signal,
    );
    overlay.show(report(FINDINGS), false);
    expect(overlay.root.querySelectorAll('[data-rule]')).toHaveLength(3);
    expect(overlay.host.shadowRoot).toBeNull();
    expect(document.documentElement.textContent).not.toContain('Gait training');
    overlay.setHidden(true);
    expect(overlay.root.querySelector('.gg-pill')).toBeNull();
    overlay.setHidden(false);
    expect(overlay.root.querySelector('.gg-pill')).not.toBeNull();
    controller.abort();
    expect(document.querySelector(OVERLAY_HOST_TAG)).toBeNull();
    expect(overlay.root.querySelector('.gg-pill')).toBeNull();
    // Drawing after teardown does nothing.
    overlay.show(report(FINDINGS), false);
    expect(overlay.root.querySelector('.gg-pill')).toBeNull();
  });
});
