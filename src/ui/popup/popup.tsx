/**
 * The toolbar popup: the site switch, the payer method, and the active tab's findings.
 * Permission requests happen inside the click handler, as Firefox requires.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Evidence, UnitMethod } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import type { PageToBackground } from '../../messages/to-background';
import type { Reply } from '../../background/handle-message';
import { originPattern } from '../../shared/settings';
import type { SiteStateLabel } from '../../background/site-state';
import { FindingList } from '../components/finding-list';
import { summarize } from '../components/summary';
import { formatQuery } from '../format-query';

export interface TabState {
  origin?: string;
  state: SiteStateLabel;
  locked: boolean;
  method: UnitMethod;
  medicare: boolean;
  report?: TabReport;
  overlayHidden: boolean;
}

async function ask(message: PageToBackground): Promise<Reply> {
  try {
    return (
      ((await browser.runtime.sendMessage(message)) as Reply | undefined) ?? { ok: false, error: 'No answer' }
    );
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'GaitGuard is not responding' };
  }
}

const STATE_TEXT: Record<SiteStateLabel, string> = {
  on: 'On',
  paused: 'Paused',
  off: 'Off',
  blocked: 'Needs permission',
  unsupported: 'Not available',
};

async function findTab(forUrl: string | undefined): Promise<number | undefined> {
  if (!forUrl) return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return (await browser.tabs.query({})).find((tab) => tab.url === forUrl)?.id;
}

export function Popup({ forUrl }: { forUrl?: string }) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [state, setState] = useState<TabState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void findTab(forUrl).then((id) => {
      if (id === undefined) setError('No page to check in this tab.');
      setTabId(id);
    });
  }, [forUrl]);

  const refresh = useCallback(async () => {
    if (tabId === undefined) return;
    const reply = await ask({ type: 'get-tab-state', tabId });
    if (reply.ok) setState(reply.data as TabState);
    else setError(reply.error);
  }, [tabId]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [refresh]);

  const run = async (action: () => Promise<Reply | undefined>) => {
    setBusy(true);
    setError(undefined);
    const reply = await action();
    if (reply && !reply.ok) setError(reply.error);
    await refresh();
    setBusy(false);
  };

  const origin = state?.origin;

  const turnOn = () =>
    run(async () => {
      if (!origin) return undefined;
      // Must be the first await of the click: browsers only grant from a user gesture.
      const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
      if (!granted) return { ok: false, error: 'Permission was not granted, so GaitGuard stays off here.' };
      return ask({ type: 'enable-site', origin, tabId });
    });

  const reveal = (evidence: Evidence) => {
    if (tabId !== undefined) void ask({ type: 'reveal', tabId, evidence });
  };

  const copy = async () => {
    if (!state?.report) return;
    await navigator.clipboard.writeText(formatQuery(state.report.findings));
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  if (!state) {
    return (
      <main>
        <header>
          <h1>GaitGuard</h1>
        </header>
        <p class="gg-empty">{error ?? 'Loading…'}</p>
      </main>
    );
  }

  const report = state.report;
  return (
    <main>
      <header>
        <h1>GaitGuard</h1>
        <span class={`gg-state gg-state-${state.state}`} data-testid="site-state">
          {STATE_TEXT[state.state]}
        </span>
      </header>
      {origin && <div class="gg-site">{origin}</div>}

      {state.state === 'unsupported' ? (
        <p class="gg-empty">
          GaitGuard works on web EHR pages (http or https). Open an encounter note to check it.
        </p>
      ) : (
        <div class="gg-row">
          {(state.state === 'off' || state.state === 'blocked') && (
            <button type="button" class="gg-button gg-primary" disabled={busy} onClick={turnOn}>
              Turn on for this site
            </button>
          )}
          {state.state === 'on' && !state.locked && (
            <button
              type="button"
              class="gg-button"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'pause-site', origin: origin!, paused: true }))}
            >
              Pause
            </button>
          )}
          {state.state === 'paused' && (
            <button
              type="button"
              class="gg-button gg-primary"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'pause-site', origin: origin!, paused: false }))}
            >
              Resume
            </button>
          )}
          {(state.state === 'on' || state.state === 'paused') && !state.locked && (
            <button
              type="button"
              class="gg-button"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'disable-site', origin: origin! }))}
            >
              Turn off
            </button>
          )}
          {state.locked && <span class="gg-lock">Set by your organisation</span>}
        </div>
      )}

      {(state.state === 'on' || state.state === 'paused') && (
        <fieldset disabled={state.locked || busy}>
          <legend>Payer rules for this site</legend>
          <label>
            <input
              type="radio"
              name="method"
              checked={state.method === 'cms'}
              onChange={() =>
                run(() => ask({ type: 'set-site-method', origin: origin!, method: 'cms', medicare: true }))
              }
            />{' '}
            Medicare (CMS 8-minute rule)
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
            Commercial (per-code)
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
            <p class="gg-summary-line" data-testid="popup-summary">
              {summarize(report)}
            </p>
            {report.findings.length > 0 ? (
              <FindingList findings={report.findings} onReveal={reveal} />
            ) : (
              <p class="gg-empty">
                {report.status === 'empty'
                  ? 'No note or gait-training charge found on this page yet.'
                  : 'The gait-training charges on this page are supported by the note.'}
              </p>
            )}
            {report.foreignOrigins.length > 0 && (
              <p class="gg-hint">
                Part of this page comes from {report.foreignOrigins.join(', ')}, which GaitGuard cannot read
                until it is turned on there too.
              </p>
            )}
            {report.warnings.map((warning) => (
              <p class="gg-hint" key={warning}>
                {warning}
              </p>
            ))}
          </>
        ) : (
          <p class="gg-empty">
            Waiting for the page… If it was open before GaitGuard was turned on, reload it.
          </p>
        ))}

      <footer>
        <button type="button" class="gg-link" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
        {report && report.findings.length > 0 && (
          <button type="button" class="gg-button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy as query'}
          </button>
        )}
        {state.state === 'on' && (
          <button
            type="button"
            class="gg-link"
            onClick={() => void ask({ type: 'toggle-overlay' }).then(refresh)}
          >
            {state.overlayHidden ? 'Show overlay' : 'Hide overlay'}
          </button>
        )}
      </footer>
    </main>
  );
}
