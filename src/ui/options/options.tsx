/** Options: rules on or off, the sites list with their payer method, and replacement dated tables. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { RULES } from '../../engine/index';
import type { RuleId, UnitMethod } from '../../engine/model';
import type { PageToBackground } from '../../messages/to-background';
import type { Reply } from '../../background/handle-message';
import type { OptionsState } from '../../background/options-state';

async function ask(message: PageToBackground): Promise<Reply> {
  try {
    return (
      ((await browser.runtime.sendMessage(message)) as Reply | undefined) ?? { ok: false, error: 'No answer' }
    );
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'GaitGuard is not responding' };
  }
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
      setMessage({ ok: false, text: `${file.name} is not valid JSON.` });
      return;
    }
    await run({ type: 'import-tables', tables: parsed }, `Imported tables from ${file.name}.`);
  };

  if (!state) return <main>{message ? <p class="gg-error-text">{message.text}</p> : 'Loading…'}</main>;
  const sites = Object.values(state.sites).sort((a, b) => a.origin.localeCompare(b.origin));
  const setMethod = (origin: string, method: UnitMethod) =>
    run({ type: 'set-site-method', origin, method, medicare: method === 'cms' });

  return (
    <main>
      <h1>GaitGuard options</h1>
      <p class="lede">
        Settings stay in this browser. GaitGuard never stores or sends note text.
        {state.policyActive && ' Some settings are managed by your organisation.'}
      </p>
      {message && (
        <p class={message.ok ? 'gg-ok-text' : 'gg-error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}

      <h2>Sites</h2>
      {sites.length === 0 ? (
        <p class="gg-muted">
          No sites yet. Open your EHR and choose “Turn on for this site” in the GaitGuard button.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">State</th>
              <th scope="col">Payer rules</th>
              <th scope="col">
                <span class="gg-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const locked = state.lockedOrigins.includes(site.origin);
              return (
                <tr key={site.origin} data-origin={site.origin}>
                  <td>{site.origin}</td>
                  <td>{site.state === 'on' ? 'On' : 'Paused'}</td>
                  <td>
                    <select
                      aria-label={`Payer rules for ${site.origin}`}
                      disabled={locked}
                      value={site.method}
                      onChange={(event) =>
                        void setMethod(site.origin, event.currentTarget.value as UnitMethod)
                      }
                    >
                      <option value="cms">Medicare (CMS 8-minute rule)</option>
                      <option value="per-code">Commercial (per-code)</option>
                    </select>
                  </td>
                  <td>
                    {locked ? (
                      <span class="gg-lock">Set by your organisation</span>
                    ) : (
                      <button
                        type="button"
                        class="gg-button"
                        onClick={() => void run({ type: 'disable-site', origin: site.origin })}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Rules</h2>
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
                  {locked && <span class="gg-lock"> · set by your organisation</span>}
                  <div class="gg-rule-desc">{rule.description}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Dated edit tables</h2>
      <p class="gg-muted">
        In use: {state.tables.map((table) => `${table.name} (effective ${table.effective})`).join('; ')}
        {state.tablesImported ? ' · imported by you' : ' · built in'}
      </p>
      <p>
        <label>
          Import replacement tables (JSON):{' '}
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
          onClick={() => void run({ type: 'reset-tables' }, 'Back to the built-in tables.')}
        >
          Use the built-in tables
        </button>
      )}
    </main>
  );
}
