/**
 * The in-page part: a small pill with the count of open findings, placed where it covers no form control
 * (the findings themselves live in the side panel). It never takes focus by itself. Clicking it, or the
 * in-page shortcut, opens a compact list beside it; Escape closes the list and gives focus back to the page.
 *
 * Drawn with plain DOM calls (dom.ts): the skeleton is built once and each redraw changes only what differs,
 * so a control or finding the coder has focused keeps its focus when a new report arrives.
 */
import type { Evidence } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import { summarize } from '../components/summary';
import { t } from '../i18n';
import { h, setAttr, setText, showIn } from './dom';
import { pillFindings } from './pill-findings';

/** Alt+Shift+F from the page: open the list and focus the first finding. */
export const FOCUS_SHORTCUT = { key: 'F', altKey: true, shiftKey: true } as const;

/**
 * What the coder just picked with the picker, described in the top document: what the element is, how much
 * text it holds and its first words, and the selector saved for the site. A wrong pick shows at once.
 */
export interface PickedField {
  kind: 'note' | 'charges';
  /** The element's label (or placeholder, name or id) and its kind, e.g. `textarea “Daily note”`. */
  name: string;
  chars: number;
  /** The first words of its text; empty when it holds none. */
  start: string;
  /** The selector saved for the site, as the options page lists it. */
  selector: string;
  /** Its top edge, in pixels from the top of the page. */
  top: number;
}

export interface OverlayState {
  report: TabReport | undefined;
  /** The extension was reloaded or updated under this page: the panel can only ask for a reload. */
  stale: boolean;
  picking: 'note' | 'charges' | undefined;
  picked: PickedField | undefined;
  expanded: boolean;
  /** Where the list opens from the pill, so it stays in the viewport. */
  opensUp: boolean;
  alignRight: boolean;
  /** Focus the first finding once the list is open (the shortcut asked for it). */
  focusFirst: boolean;
}

export interface OverlayActions {
  onExpandedChange(expanded: boolean, fromKeyboard: boolean): void;
  onReveal(evidence: Evidence): void;
  onPick(kind: 'note' | 'charges'): void;
  onHide(): void;
}

export interface OverlayView {
  element: HTMLElement;
  draw(state: OverlayState): void;
}

export function pickedText(picked: PickedField): string {
  const head = t(picked.kind === 'note' ? 'pickedNote' : 'pickedCharges', picked.name);
  const size =
    picked.chars === 0
      ? t('pickedNoText')
      : picked.chars === 1
        ? t('pickedCharsOne')
        : t('pickedChars', picked.chars.toLocaleString('en-US'));
  return picked.start ? `${head} ${size}: “${picked.start}”` : `${head} ${size}`;
}

export function createOverlayView(actions: OverlayActions): OverlayView {
  let state: OverlayState | undefined;
  let menuOpen = false;
  /** What the body's content was drawn from, so an unchanged report does not rebuild (and unfocus) it. */
  let contentKey: string | undefined;

  const dot = h('span', { class: 'gg-pill-dot', 'aria-hidden': 'true' });
  const count = h('span', { class: 'gg-pill-count' });
  const pillSummary = h('span', { class: 'gg-visually-hidden' });
  const pill = h(
    'button',
    {
      type: 'button',
      class: 'gg-pill',
      'aria-controls': 'gg-pill-list',
      on: { click: (event) => event.isTrusted && actions.onExpandedChange(!state?.expanded, false) },
    },
    dot,
    h('span', { class: 'gg-title' }, t('actionTitle')),
    count,
    pillSummary,
  );
  const status = h('span', { class: 'gg-visually-hidden', role: 'status', 'aria-live': 'polite' });
  const headerSummary = h('span', { class: 'gg-summary' });
  let content: HTMLElement = h('p', { class: 'gg-empty' });

  // Only the coder's own click opens the menu and starts the picker: a saved selector steers every later visit.
  const menuButton = h(
    'button',
    {
      type: 'button',
      class: 'gg-link',
      'aria-expanded': 'false',
      on: {
        click: (event) => {
          if (!event.isTrusted) return;
          menuOpen = !menuOpen;
          redraw();
        },
      },
    },
    t('wrongField'),
  );
  const pickButton = (kind: 'note' | 'charges') =>
    h(
      'button',
      { type: 'button', class: 'gg-link', on: { click: (event) => event.isTrusted && actions.onPick(kind) } },
      t(kind === 'note' ? 'pickNote' : 'pickCharges'),
    );
  const pickMenu = h('span', { class: 'gg-pick' }, pickButton('note'), pickButton('charges'));
  const picking = h('span', { class: 'gg-picking', role: 'status' });
  const picked = h('p', { class: 'gg-picked', role: 'status' });
  const footer = h('div', { class: 'gg-footer' }, menuButton);

  const body = h('div', { class: 'gg-body' }, content, footer);
  const panel = h(
    'div',
    {
      id: 'gg-pill-list',
      class: 'gg-panel',
      hidden: true,
      on: {
        keydown: (event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            actions.onExpandedChange(false, true);
          }
        },
      },
    },
    h(
      'div',
      { class: 'gg-header' },
      headerSummary,
      h(
        'button',
        {
          type: 'button',
          class: 'gg-icon',
          'aria-label': t('collapse'),
          on: { click: () => actions.onExpandedChange(false, false) },
        },
        '▾',
      ),
      h(
        'button',
        { type: 'button', class: 'gg-icon', 'aria-label': t('hide'), on: { click: () => actions.onHide() } },
        '×',
      ),
    ),
    body,
  );
  const element = h(
    'div',
    { class: 'gg-pill-wrap', role: 'complementary', 'aria-label': t('overlayLabel') },
    pill,
    status,
    panel,
  );

  /** The body's first part: the reload notice, "reading", the verdict with nothing to list, or the list. */
  const drawContent = ({ report, stale }: OverlayState) => {
    const key = stale ? 'stale' : report ? JSON.stringify([report.findings, report.day?.lineLabels]) : '';
    if (key === contentKey) return;
    contentKey = key;
    const active = (element.getRootNode() as ShadowRoot | Document).activeElement;
    const keep =
      active instanceof HTMLElement && content.contains(active)
        ? active.closest<HTMLElement>('.gg-finding')?.dataset.key
        : undefined;
    const next =
      stale || !report || report.findings.length === 0
        ? h(
            'p',
            { class: 'gg-empty' },
            stale ? t('staleBody') : !report ? t('readingPage') : summarize(report),
          )
        : pillFindings(report.findings, {
            onReveal: actions.onReveal,
            lineLabels: report.day?.lineLabels,
            onEscape: () => actions.onExpandedChange(false, true),
          });
    body.replaceChild(next, content);
    content = next;
    // A report that arrives while the coder walks the list keeps them on the same finding.
    if (keep)
      [...next.querySelectorAll<HTMLElement>('.gg-finding')]
        .find((item) => item.dataset.key === keep)
        ?.focus();
  };

  const redraw = () => {
    if (!state) return;
    const { report, stale, expanded } = state;
    const summary = stale ? t('reloadToRecheck') : summarize(report);
    setAttr(element, 'data-worst', report?.findings[0]?.severity ?? 'none');
    setAttr(pill, 'aria-expanded', String(expanded));
    setAttr(pill, 'title', `${summary}. ${t('pillKeys')}`);
    setText(count, stale ? '!' : String(report?.findings.length ?? 0));
    setText(pillSummary, summary);
    setText(status, summary);
    setText(headerSummary, summary);
    setAttr(
      panel,
      'style',
      `${state.opensUp ? 'bottom' : 'top'}:calc(100% + 6px);${state.alignRight ? 'right' : 'left'}:0;`,
    );
    setAttr(panel, 'hidden', !expanded);
    drawContent(state);
    showIn(body, footer, !stale);
    setAttr(menuButton, 'aria-expanded', String(menuOpen));
    showIn(footer, pickMenu, menuOpen);
    showIn(footer, picking, state.picking !== undefined);
    if (state.picking) setText(picking, state.picking === 'note' ? t('pickingNote') : t('pickingCharges'));
    showIn(footer, picked, state.picked !== undefined);
    if (state.picked) drawPicked(state.picked);
  };

  const drawPicked = (field: PickedField) => {
    const where = t('pickedWhere', field.selector, Math.round(field.top).toLocaleString('en-US'));
    const text = pickedText(field);
    if (picked.firstChild?.textContent === text && picked.lastChild?.textContent === where) return;
    picked.replaceChildren(h('span', null, text), ' ', h('span', { class: 'gg-picked-where' }, where));
  };

  return {
    element,
    draw(next) {
      // As the shortcut's promise: the first finding takes focus when the list opens, and again when a
      // new report replaces the list before the coder has moved on.
      const refocus =
        next.expanded &&
        next.focusFirst &&
        (!state?.expanded || !state.focusFirst || next.report !== state.report);
      state = next;
      redraw();
      if (refocus) content.querySelector<HTMLElement>('.gg-finding[data-open]')?.focus();
    },
  };
}
