/** Options: rules on or off, the sites list with their payer method, and replacement dated tables. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { RULES } from '../../engine/index';
import type { RuleId, UnitMethod } from '../../engine/model';
import type { PageToBackground } from '../../messages/to-background';
import { ask } from '../ask';
import { t } from '../i18n';
import type { OptionsState } from '../../background/options-state';
import { SettingsProblems, SitePicks } from './site-picks';

/** Rules switched off on one site only (a rule off everywhere is shown off and cannot be turned on here). */
function SiteRules(props: {
  origin: string;
  disabled: readonly RuleId[];
  globallyOff: readonly RuleId[];
  onToggle(rule: RuleId, enabled: boolean): void;
}) {
  const offHere = props.disabled.length;
  return (
    <details class="gg-site-rules">
      <summary>{t('siteRulesSummary', String(offHere))}</summary>
      {RULES.map((rule) => {
        const everywhere = props.globallyOff.includes(rule.id);
        return (
          <label key={rule.id} class="gg-site-rule">
            <input
              type="checkbox"
              checked={!everywhere && !props.disabled.includes(rule.id)}
              disabled={everywhere}
              onChange={(event) => props.onToggle(rule.id, event.currentTarget.checked)}
            />{' '}
            {rule.title}
          </label>
        );
      })}
    </details>
  );
}

export function Options() {
  const [state, setState] = useState<OptionsState | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const refresh = useCallback(async () => {
    const reply = await ask({ type: 'get-settings' });
    if (reply.ok) setState(reply.data as OptionsState);
    else setMessage({ ok: false, text: reply.error });
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const run = async (message: PageToBackground, success?: string) => {
    const reply = await ask(message);
    setMessage(
      reply.ok ? (success ? { ok: true, text: success } : undefined) : { ok: false, text: reply.error },
    );
    await refresh();
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage({ ok: false, text: t('notJson', file.name) });
      return;
    }
    await run({ type: 'import-tables', tables: parsed }, t('importedFrom', file.name));
  };

  if (!state) return <main>{message ? <p class="gg-error-text">{message.text}</p> : t('loading')}</main>;
  const sites = Object.values(state.sites).sort((a, b) => a.origin.localeCompare(b.origin));
  const setMethod = (origin: string, method: UnitMethod) =>
    run({ type: 'set-site-method', origin, method, medicare: method === 'cms' });

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="lede">
        {t('optionsLede')}
        {state.policyActive && ` ${t('optionsManaged')}`}
      </p>
      {message && (
        <p class={message.ok ? 'gg-ok-text' : 'gg-error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}

      <SettingsProblems
        policyProblems={state.policyProblems}
        setAside={state.setAside}
        onDismissSetAside={() => void run({ type: 'dismiss-set-aside' })}
      />

      <h2>{t('sitesHeading')}</h2>
      {sites.length === 0 ? (
        <p class="gg-muted">{t('sitesEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columnSite')}</th>
              <th scope="col">{t('columnState')}</th>
              <th scope="col">{t('columnPayer')}</th>
              <th scope="col">
                <span class="gg-visually-hidden">{t('columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const locked = state.lockedOrigins.includes(site.origin);
              return (
                <tr key={site.origin} data-origin={site.origin}>
                  <td>{site.origin}</td>
                  <td>{site.state === 'on' ? t('stateOn') : t('statePaused')}</td>
                  <td>
                    <SiteRules
                      origin={site.origin}
                      disabled={site.disabledRules ?? []}
                      globallyOff={state.disabledRules}
                      onToggle={(rule, enabled) =>
                        void run({ type: 'set-rule-enabled', rule, enabled, origin: site.origin })
                      }
                    />
                    <select
                      aria-label={t('payerRulesFor', site.origin)}
                      disabled={locked}
                      value={site.method}
                      onChange={(event) =>
                        void setMethod(site.origin, event.currentTarget.value as UnitMethod)
                      }
                    >
                      <option value="cms">{t('methodCms')}</option>
                      <option value="per-code">{t('methodPerCode')}</option>
                    </select>
                  </td>
                  <td>
                    {locked ? (
                      <span class="gg-lock">{t('lockedByPolicy')}</span>
                    ) : (
                      <button
                        type="button"
                        class="gg-button"
                        onClick={() => void run({ type: 'disable-site', origin: site.origin })}
                      >
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <SitePicks sites={sites} onClear={(origin, kind) => void run({ type: 'clear-picks', origin, kind })} />

      <h2>{t('rulesHeading')}</h2>
      <table>
        <tbody>
          {RULES.map((rule) => {
            const enabled = !state.disabledRules.includes(rule.id);
            const locked = state.lockedRules.includes(rule.id);
            const id = `rule-${rule.id}`;
            return (
              <tr key={rule.id}>
                <td>
                  <input
                    id={id}
                    type="checkbox"
                    checked={enabled}
                    disabled={locked}
                    onChange={(event) =>
                      void run({
                        type: 'set-rule-enabled',
                        rule: rule.id as RuleId,
                        enabled: event.currentTarget.checked,
                      })
                    }
                  />
                </td>
                <td>
                  <label for={id} class="gg-rule-title">
                    {rule.title}
                  </label>
                  {locked && <span class="gg-lock"> · {t('setByOrganisation')}</span>}
                  <div class="gg-rule-desc">{rule.description}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>{t('tablesHeading')}</h2>
      <p class="gg-muted">
        {t(
          'tablesInUse',
          state.tables.map((table) => `${table.name} (${t('effectiveOn', table.effective)})`).join('; '),
        )}
        {' · '}
        {state.tablesImported ? t('tablesImported') : t('tablesBuiltIn')}
      </p>
      <p>
        <label>
          {t('importTables')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => void importFile(event.currentTarget.files?.[0])}
          />
        </label>
      </p>
      {state.tablesImported && (
        <button
          type="button"
          class="gg-button"
          onClick={() => void run({ type: 'reset-tables' }, t('backToBuiltIn'))}
        >
          {t('useBuiltInTables')}
        </button>
      )}
    </main>
  );
}
