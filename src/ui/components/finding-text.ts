/**
 * What a finding says and how its list answers the keyboard, shared by the pages' list (finding-list.tsx,
 * Preact) and the pill's (overlay/pill-findings.ts, plain DOM), so the two cannot drift apart. No framework
 * here: the content script imports it.
 */
import type { Evidence, Finding } from '../../engine/model';
import { t } from '../i18n';

/** Where a rule comes from: the document, its section and the date it took effect. */
export function citation(finding: Finding): string {
  const { title, section, effective } = finding.source;
  return [title, section, effective ? t('effectiveOn', effective) : undefined].filter(Boolean).join(' · ');
}

function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

/** A note quote in quotation marks; a charge line as "line 2 of Fee sheet: 97116 x 3". */
export function evidenceLabel(evidence: Evidence, lineLabels: Readonly<Record<string, string>>): string {
  const quote = shortQuote(evidence.quote);
  if (evidence.kind !== 'charge') return `“${quote}”`;
  const where = lineLabels[evidence.chargeId];
  return where ? `${where}: ${quote}` : quote;
}

export interface FindingKeyOptions {
  /** The open finding a list item (`.gg-finding[data-open]`) stands for, by its data-key. */
  findingOf(key: string): Finding | undefined;
  onReveal?: ((evidence: Evidence) => void) | undefined;
  onEscape?: (() => void) | undefined;
  lineLabels: Readonly<Record<string, string>>;
  /** Says a move or a reveal through the list's polite live region. */
  announce(text: string): void;
}

/**
 * ArrowDown/ArrowUp (or j/k on a finding) move between open findings, Enter shows the finding's first
 * evidence on the page, Escape hands focus back.
 */
export function onFindingListKey(root: HTMLElement, event: KeyboardEvent, options: FindingKeyOptions): void {
  const items = [...root.querySelectorAll<HTMLElement>('.gg-finding[data-open]')];
  const current = items.findIndex((item) => item === event.target);
  const inItem = items.findIndex((item) => item.contains(event.target as Node));
  const focusFinding = (index: number) => {
    const target = items[(index + items.length) % items.length];
    if (!target) return;
    target.focus();
    options.announce(
      t(
        'announceFinding',
        String(items.indexOf(target) + 1),
        String(items.length),
        target.querySelector('.gg-message')?.textContent ?? '',
      ),
    );
  };
  if (event.key === 'ArrowDown' || (event.key === 'j' && current !== -1)) {
    event.preventDefault();
    focusFinding(inItem === -1 ? 0 : inItem + 1);
  } else if (event.key === 'ArrowUp' || (event.key === 'k' && current !== -1)) {
    event.preventDefault();
    focusFinding(inItem === -1 ? items.length - 1 : inItem - 1);
  } else if (event.key === 'Enter' && current !== -1) {
    event.preventDefault();
    const finding = options.findingOf(items[current]!.dataset.key ?? '');
    const first = finding?.evidence.find((evidence) => evidence.quote.trim());
    if (first && options.onReveal) {
      options.onReveal(first);
      options.announce(t('announceEvidence', evidenceLabel(first, options.lineLabels)));
    }
  } else if (event.key === 'Escape' && options.onEscape) {
    event.preventDefault();
    options.onEscape();
  }
}
