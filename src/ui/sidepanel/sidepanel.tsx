/**
 * The side panel (Chrome side_panel, Firefox sidebar_action): the main findings view, beside the EHR rather
 * than over it. It follows the active tab of its window; a summary stays on top, and the findings, the
 * day's units with the recommended claim, and the therapist query are one click apart.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type Browser from 'webextension-polyfill';
import browser from '../../shared/browser-api';
import type { Evidence } from '../../engine/model';
import { useTabState } from '../components/use-tab-state';
import { ask } from '../ask';
import { FindingList } from '../components/finding-list';
import { ReviewControl } from '../components/review';
import { summarize } from '../components/summary';
import { UnitsTable } from '../components/units-table';
import { ClaimView } from '../components/claim-view';
import { findingKeys, showOpenCount, useAcks } from '../components/acknowledge';
import { formatQuery, queryableFindings } from '../format-query';
import { t, type MessageKey } from '../i18n';

type View = 'findings' | 'day' | 'query';
const VIEWS: { id: View; label: MessageKey }[] = [
  { id: 'findings', label: 'viewFindings' },
  { id: 'day', label: 'viewDay' },
  { id: 'query', label: 'viewQuery' },
];

function isWebTab(tab: Browser.Tabs.Tab | undefined): boolean {
  return Boolean(tab?.url && /^https?:/.test(tab.url));
}

/** The tab the panel serves: the one named by URL, else its window's active web tab, else any active one. */
async function initialTab(
  forUrl: string | undefined,
  windowId: number | undefined,
): Promise<number | undefined> {
  if (forUrl) return (await browser.tabs.query({})).find((tab) => tab.url === forUrl)?.id;
  const own = windowId === undefined ? [] : await browser.tabs.query({ active: true, windowId });
  const first = own.find(isWebTab) ?? (await browser.tabs.query({ active: true })).find(isWebTab);
  return first?.id;
}

export function SidePanel({ forUrl }: { forUrl?: string }) {
  const [tabId, setTabId] = useState<number | undefined>();
  const state = useTabState(tabId);
  const [error, setError] = useState<string | undefined>();
  const [view, setView] = useState<View>('findings');
  const [copied, setCopied] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const [acks, setAck] = useAcks(tabId);

  useEffect(() => {
    let windowId: number | undefined;
    let ownWindowHasWebTab = true;
    void (async () => {
      windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      const own = windowId === undefined ? [] : await browser.tabs.query({ windowId });
      ownWindowHasWebTab = own.some(isWebTab);
      const id = await initialTab(forUrl, windowId);
      setTabId(id);
      if (id === undefined) setError('No web page in this window.');
    })();
    // A side panel belongs to its window; opened as a page in a window of its own, it follows any window.
    const onActivated = ({ tabId: next, windowId: where }: { tabId: number; windowId: number }) => {
      if (ownWindowHasWebTab && where !== windowId) return;
      void browser.tabs.get(next).then((tab) => {
        if (!isWebTab(tab)) return;
        setError(undefined);
        setTabId(next);
      });
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [forUrl]);

  const report = state?.state === 'on' ? state.report : undefined;
  const keys = report ? findingKeys(report.findings) : [];
  const openCount = keys.filter((key) => !acks[key]).length;

  useEffect(() => {
    if (tabId !== undefined && report) void showOpenCount(tabId, openCount);
  }, [tabId, report, openCount]);

  // Arrow keys from anywhere in the panel land on the findings.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.key !== 'ArrowDown' && event.key !== 'j')) return;
      const target = event.target as Element | null;
      if (target && target !== document.body && target.closest('.gg-findings, select, input, textarea'))
        return;
      const first = listRef.current?.querySelector<HTMLElement>('.gg-finding[data-open]');
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const reveal = (evidence: Evidence) => {
    if (tabId !== undefined) void ask({ type: 'reveal', tabId, evidence });
  };

  const queryText = report
    ? formatQuery(report.findings, {
        dateOfService: report.read?.dateOfService,
        encounterId: report.read?.encounterId,
      })
    : '';

  const copy = async () => {
    await navigator.clipboard.writeText(queryText);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  const summary = !state
    ? t('panelReading')
    : state.state !== 'on'
      ? t('panelNotOn')
      : report && report.findings.length > 0
        ? `${t('panelOpenOf', String(openCount), String(report.findings.length))} · ${summarize(report)}`
        : summarize(report);

  return (
    <main>
      <div class="gg-sticky">
        <h1>{t('actionTitle')}</h1>
        {state?.origin && <div class="gg-site">{state.origin}</div>}
        <p class="gg-summary-line" role="status" aria-live="polite" data-testid="panel-summary">
          {error ?? summary}
        </p>
        {report && (
          <div class="gg-tabs" role="tablist" aria-label={t('viewsLabel')}>
            {VIEWS.map(({ id, label }) => (
              <button
                type="button"
                role="tab"
                key={id}
                id={`gg-tab-${id}`}
                aria-selected={view === id}
                aria-controls={`gg-view-${id}`}
                onClick={() => setView(id)}
              >
                {t(label)}
                {id === 'findings' ? ` (${openCount})` : ''}
              </button>
            ))}
          </div>
        )}
      </div>
      {report && view === 'findings' && (
        <section id="gg-view-findings" role="tabpanel" aria-labelledby="gg-tab-findings" ref={listRef}>
          {report.findings.length > 0 ? (
            <FindingList
              findings={report.findings}
              onReveal={reveal}
              lineLabels={report.day?.lineLabels}
              review={{ acks, onAck: setAck, Control: ReviewControl }}
            />
          ) : (
            <p class="gg-empty">{summarize(report)}</p>
          )}
        </section>
      )}
      {report && view === 'day' && (
        <section id="gg-view-day" role="tabpanel" aria-labelledby="gg-tab-day">
          {report.day ? (
            <>
              <h2 class="gg-section">{t('dayUnitsHeading')}</h2>
              <UnitsTable day={report.day} />
              <h2 class="gg-section">{t('claimHeading')}</h2>
              <ClaimView day={report.day} />
            </>
          ) : (
            <p class="gg-empty">{t('dayNeedsReload')}</p>
          )}
        </section>
      )}
      {report && view === 'query' && (
        <section id="gg-view-query" role="tabpanel" aria-labelledby="gg-tab-query">
          <h2 class="gg-section">{t('queryHeading')}</h2>
          <p class="gg-note">{t('queryScope', String(queryableFindings(report.findings).length))}</p>
          <pre class="gg-query-text" data-testid="query-text" tabIndex={0}>
            {queryText}
          </pre>
          <button type="button" class="gg-button gg-primary" onClick={() => void copy()}>
            {copied ? t('copied') : t('copyQuery')}
          </button>
        </section>
      )}
    </main>
  );
}
