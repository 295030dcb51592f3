/**
 * The fields the coder picked, per site, each with Clear. A pick changes what GaitGuard reads on every later
 * visit, so the coder must be able to see every one and take it back.
 */
import type { SiteSettings } from '../../shared/settings';
import { t } from '../i18n';

export function SitePicks(props: {
  sites: readonly SiteSettings[];
  onClear(origin: string, kind: 'note' | 'charges'): void;
}) {
  const rows = props.sites.flatMap((site) => [
    ...(site.noteSelectors ?? []).map((selector) => ({ site, kind: 'note' as const, selector })),
    ...(site.chargeSelectors ?? []).map((selector) => ({ site, kind: 'charges' as const, selector })),
  ]);
  return (
    <section aria-labelledby="gg-picks-heading">
      <h2 id="gg-picks-heading">{t('picksHeading')}</h2>
      <p class="gg-muted">{t('picksLede')}</p>
      {rows.length === 0 ? (
        <p class="gg-muted" data-testid="picks-empty">
          {t('picksEmpty')}
        </p>
      ) : (
        <table data-testid="picks">
          <tbody>
            {rows.map(({ site, kind, selector }) => {
              const kindText = kind === 'note' ? t('pickKindNote') : t('pickKindCharges');
              return (
                <tr key={`${site.origin} ${kind} ${selector}`} data-origin={site.origin}>
                  <td>{site.origin}</td>
                  <td>{kindText}</td>
                  <td>
                    <code>{selector}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="gg-button"
                      aria-label={t('clearPickFor', kindText.toLowerCase(), site.origin)}
                      onClick={() => props.onClear(site.origin, kind)}
                    >
                      {t('clearPick')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What went wrong reading the settings or the policy: said once, plainly, never hidden. */
export function SettingsProblems(props: {
  policyProblems: readonly string[];
  setAside: { problem: string; at: string } | undefined;
  onDismissSetAside(): void;
}) {
  return (
    <>
      {props.setAside && (
        <div class="gg-error-text" role="alert" data-testid="settings-set-aside">
          <p>{t('setAsideNotice', props.setAside.problem, props.setAside.at)}</p>
          <button type="button" class="gg-button" onClick={props.onDismissSetAside}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {props.policyProblems.length > 0 && (
        <section aria-labelledby="gg-policy-problems" data-testid="policy-problems">
          <h2 id="gg-policy-problems">{t('policyProblemsHeading')}</h2>
          <p class="gg-muted">{t('policyProblemsLede')}</p>
          <ul>
            {props.policyProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
