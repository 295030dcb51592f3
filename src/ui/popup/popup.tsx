/**
 * The toolbar popup: the site switch, the payer method, and the active tab's findings.
 * Permission requests happen inside the click handler, as Firefox requires.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import type { Evidence } from '../../engine/model';
import type { TabState } from '../../messages/to-page';
import { useTabState } from '../components/use-tab-state';
import { FrameSites } from './frame-sites';
import type { Reply } from '../../background/handle-message';
import { ask } from '../ask';
import { originPattern } from '../../shared/origins';
import type { SiteStateLabel } from '../../background/site-state';
import { FindingList } from '../components/finding-list';
import { ReviewControl } from '../components/review';
import { summarize, verdictOf } from '../components/summary';
import { MissingNotice, ReadSummaryView } from '../components/read-summary';
import { formatQuery } from '../format-query';
import { UnitsTable } from '../components/units-table';
import { ClaimView } from '../components/claim-view';
import { findingKeys, showOpenCount, useAcks } from '../components/acknowledge';
import { openSidePanel } from '../sidepanel/open';
import { t, type MessageKey } from '../i18n';

export type { TabState };

const STATE_TEXT: Record<SiteStateLabel, MessageKey> = {
  on: 'stateOn',
  paused: 'statePaused',
  off: 'stateOff',
  blocked: 'stateBlocked',
  unsupported: 'stateUnsupported',
};

async function findTab(forUrl: string | undefined): Promise<number | undefined> {
  if (!forUrl) return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return (await browser.tabs.query({})).find((tab) => tab.url === forUrl)?.id;
}

export function Popup({ forUrl }: { forUrl?: string }) {
  const [tabId, setTabId] = useState<number | undefined>();
  const state = useTabState(tabId);
  const [error, setError] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void findTab(forUrl).then((id) => {
      if (id === undefined) setError(t('noPageInTab'));
      setTabId(id);
    });
  }, [forUrl]);

  const run = async (action: () => Promise<Reply | undefined>) => {
    setBusy(true);
    setError(undefined);
    const reply = await action();
    if (reply && !reply.ok) setError(reply.error);
    setBusy(false);
  };

  const origin = state?.origin;
  const [acks, setAck] = useAcks(tabId);
  const openKeys = state?.report ? findingKeys(state.report.findings).filter((key) => !acks[key]) : [];
  const reviewedCount = state?.report ? state.report.findings.length - openKeys.length : 0;
  useEffect(() => {
    if (tabId !== undefined && state?.report) void showOpenCount(tabId, openKeys.length);
  }, [tabId, state?.report, openKeys.length]);

  const turnOn = () =>
    run(async () => {
      if (!origin) return undefined;
      // Must be the first await of the click: browsers only grant from a user gesture.
      const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
      if (!granted) return { ok: false, error: t('permissionDenied') };
      return ask({ type: 'enable-site', origin, tabId });
    });

  // Every other site of the page in one permission request, inside the click as browsers require.
  const turnOnFrames = async (origins: string[]) => {
    const granted = await browser.permissions.request({
      origins: origins.map((item) => originPattern(item)),
    });
    if (!granted) return { ok: false, error: t('permissionDenied') } as Reply;
    return ask({ type: 'enable-sites', origins, tabId });
  };

  const reveal = (evidence: Evidence) => {
    if (tabId !== undefined) void ask({ type: 'reveal', tabId, evidence });
  };

  const copy = async () => {
    if (!state?.report) return;
    const { read } = state.report;
    await navigator.clipboard.writeText(
      formatQuery(state.report.findings, {
        dateOfService: read?.dateOfService,
        encounterId: read?.encounterId,
      }),
    );
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  if (!state) {
    return (
      <main>
        <header>
          <h1>{t('actionTitle')}</h1>
        </header>
        <p class="gg-empty">{error ?? t('loading')}</p>
      </main>
    );
  }

  const report = state.report;
  return (
    <main>
      <header>
        <h1>{t('actionTitle')}</h1>
        <span class={`gg-state gg-state-${state.state}`} data-testid="site-state">
          {t(STATE_TEXT[state.state])}
        </span>
      </header>
      {origin && <div class="gg-site">{origin}</div>}

      {state.state === 'unsupported' ? (
        <p class="gg-empty">{t('unsupportedPage')}</p>
      ) : (
        <div class="gg-row">
          {(state.state === 'off' || state.state === 'blocked') && (
            <button type="button" class="gg-button gg-primary" disabled={busy} onClick={turnOn}>
              {t('turnOn')}
            </button>
          )}
          {state.state === 'on' && !state.locked && (
            <button
              type="button"
              class="gg-button"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'pause-site', origin: origin!, paused: true }))}
            >
              {t('pause')}
            </button>
          )}
          {state.state === 'paused' && (
            <button
              type="button"
              class="gg-button gg-primary"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'pause-site', origin: origin!, paused: false }))}
            >
              {t('resume')}
            </button>
          )}
          {(state.state === 'on' || state.state === 'paused') && !state.locked && (
            <button
              type="button"
              class="gg-button"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'disable-site', origin: origin! }))}
            >
              {t('turnOff')}
            </button>
          )}
          {state.locked && <span class="gg-lock">{t('lockedByPolicy')}</span>}
        </div>
      )}

      {(state.state === 'on' || state.state === 'paused') && (
        <fieldset disabled={state.locked || busy}>
          <legend>{t('payerRulesLegend')}</legend>
          <label>
            <input
              type="radio"
              name="method"
              checked={state.method === 'cms'}
              onChange={() =>
                run(() => ask({ type: 'set-site-method', origin: origin!, method: 'cms', medicare: true }))
              }
            />{' '}
            {t('methodMedicare')}
          </label>
          <label>
            <input
              type="radio"
              name="method"
              checked={state.method === 'per-code'}
              onChange={() =>
                run(() =>
                  ask({ type: 'set-site-method', origin: origin!, method: 'per-code', medicare: false }),
                )
              }
            />{' '}
            {t('methodCommercial')}
          </label>
        </fieldset>
      )}

      {error && (
        <p class="gg-error-text" role="alert">
          {error}
        </p>
      )}

      {state.state === 'on' &&
        (report ? (
          <>
            <div class="gg-sticky-summary">
              <p class="gg-summary-line" data-testid="popup-summary">
                {summarize(report)}
                {reviewedCount > 0 && ` · ${t('reviewedCount', String(reviewedCount))}`}
              </p>
              <button type="button" class="gg-link" onClick={() => void openSidePanel(tabId)}>
                {t('openSidePanel')}
              </button>
            </div>
            <MissingNotice report={report} />
            {report.day && report.day.units.lines.length > 0 && (
              <details class="gg-day">
                <summary>{t('dayDetails')}</summary>
                <UnitsTable day={report.day} />
                <ClaimView day={report.day} />
              </details>
            )}
            {report.findings.length > 0 ? (
              <FindingList
                findings={report.findings}
                onReveal={reveal}
                lineLabels={report.day?.lineLabels}
                review={{ acks, onAck: setAck, Control: ReviewControl }}
                collapsible
              />
            ) : (
              verdictOf(report).kind === 'clean' && <p class="gg-empty">{t('allSupported')}</p>
            )}
            <ReadSummaryView report={report} />
            {report.foreignOrigins.length > 0 && (
              <p class="gg-hint">{t('foreignOriginsHint', report.foreignOrigins.join(', '))}</p>
            )}
            <FrameSites
              report={report}
              busy={busy}
              onTurnOn={(origins) => run(() => turnOnFrames(origins))}
            />
            {report.warnings.map((warning) => (
              <p class="gg-hint" key={warning}>
                {warning}
              </p>
            ))}
          </>
        ) : (
          <p class="gg-empty">{t('waitingForPage')}</p>
        ))}

      <footer>
        <button type="button" class="gg-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsLink')}
        </button>
        {report && report.findings.length > 0 && (
          <button type="button" class="gg-button" onClick={() => void copy()}>
            {copied ? t('copied') : t('copyAsQuery')}
          </button>
        )}
        {state.state === 'on' && (
          <button type="button" class="gg-link" onClick={() => void ask({ type: 'toggle-overlay' })}>
            {state.overlayHidden ? t('showOverlay') : t('hideOverlay')}
          </button>
        )}
      </footer>
    </main>
  );
}
