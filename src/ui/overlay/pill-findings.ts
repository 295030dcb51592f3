/**
 * The pill's list of findings: the popup's markup and keyboard (finding-text.ts) in its compact form, with no
 * explanation and no "mark reviewed" control, drawn with plain DOM calls. Quotes go in as text nodes only.
 */
import type { Evidence, Finding } from '../../engine/model';
import { findingKeys } from '../components/ack-store';
import { citation, evidenceLabel, onFindingListKey } from '../components/finding-text';
import { SEVERITY_GROUP_KEY, SEVERITY_KEY, SEVERITY_ORDER } from '../components/severity';
import { t } from '../i18n';
import { h } from './dom';

export interface PillFindingsOptions {
  onReveal(evidence: Evidence): void;
  /** Charge line id → "line 2 of Fee sheet". */
  lineLabels?: Readonly<Record<string, string>> | undefined;
  onEscape(): void;
}

export function pillFindings(findings: readonly Finding[], options: PillFindingsOptions): HTMLElement {
  const lineLabels = options.lineLabels ?? {};
  const keys = findingKeys(findings);
  const byKey = new Map(findings.map((finding, index) => [keys[index] ?? '', finding]));
  const live = h('p', { class: 'gg-visually-hidden', role: 'status', 'aria-live': 'polite' });

  const item = (finding: Finding, key: string) =>
    h(
      'li',
      { class: 'gg-finding', 'data-rule': finding.rule, 'data-key': key, 'data-open': true, tabindex: -1 },
      h(
        'p',
        { class: 'gg-message' },
        h('span', { class: 'gg-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'gg-visually-hidden' }, `${t(SEVERITY_KEY[finding.severity])}: `),
        finding.message,
      ),
      finding.evidence.slice(0, 3).map(
        (evidence) =>
          evidence.quote.trim() &&
          h(
            'button',
            {
              type: 'button',
              class: 'gg-evidence',
              title: t('showOnPage'),
              on: { click: () => options.onReveal(evidence) },
            },
            h('span', { class: 'gg-visually-hidden' }, `${t('evidencePrefix')} `),
            evidenceLabel(evidence, lineLabels),
          ),
      ),
      h('p', { class: 'gg-fix' }, h('strong', null, t('fixLabel')), ` ${finding.fix}`),
      h('p', { class: 'gg-source' }, `${t('sourceLabel')} ${citation(finding)}`),
    );

  const root = h(
    'div',
    {
      class: 'gg-findings',
      on: {
        keydown: (event) =>
          onFindingListKey(root, event, {
            findingOf: (key) => byKey.get(key),
            onReveal: options.onReveal,
            onEscape: options.onEscape,
            lineLabels,
            announce: (text) => {
              live.textContent = text;
            },
          }),
      },
    },
    live,
    SEVERITY_ORDER.map((severity) => {
      const group = findings.flatMap((finding, index) =>
        finding.severity === severity ? [item(finding, keys[index] ?? '')] : [],
      );
      if (group.length === 0) return null;
      const headingId = `gg-group-${severity}`;
      return h(
        'section',
        { class: `gg-group gg-${severity}`, 'aria-labelledby': headingId },
        h(
          'h2',
          { id: headingId, class: 'gg-group-title' },
          `${t(SEVERITY_GROUP_KEY[severity])} `,
          h('span', { class: 'gg-count' }, String(group.length)),
        ),
        h('ul', { class: 'gg-list' }, group),
      );
    }),
  );
  return root;
}
