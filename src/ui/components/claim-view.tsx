/**
 * The recommended claim as a before/after of the charge lines, each change in one line, then how
 * disagreeing fixes were resolved and what waits for the therapist.
 */
import type { DayReview } from '../../engine/day-review';
import type { ClaimLineState } from '../../engine/claim';
import { t } from '../i18n';

function state(line: ClaimLineState | undefined): string {
  if (!line) return '—';
  return `× ${line.units}${line.modifiers.length > 0 ? ` ${line.modifiers.join(':')}` : ''}`;
}

export function ClaimView({ day }: { day: DayReview }) {
  const { claim, lineLabels } = day;
  if (claim.lines.length === 0) return <p class="gg-empty">{t('claimNoLines')}</p>;
  return (
    <div class="gg-claim">
      <table class="gg-table" data-testid="claim-table">
        <caption class="gg-visually-hidden">{t('claimCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colLine')}</th>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colNow')}</th>
            <th scope="col">{t('colRecommended')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line, index) => {
            const changed =
              !line.before || !line.after || state(line.before) !== state(line.after) ? 'gg-off' : undefined;
            return (
              <tr key={line.lineId ?? `added-${index}`} class={changed}>
                <td>{line.lineId ? (lineLabels[line.lineId] ?? '') : t('claimNewLine')}</td>
                <th scope="row">{line.code}</th>
                <td>{state(line.before)}</td>
                <td>
                  {line.after ? state(line.after) : t('claimDrop')}
                  {line.query && <span class="gg-query-tag"> · {t('claimQueryTag')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {claim.changes.length > 0 && (
        <ul class="gg-changes">
          {claim.changes.map((change, index) => (
            <li key={index}>{change.text}</li>
          ))}
        </ul>
      )}
      {claim.resolved.map((text) => (
        <p class="gg-note" key={text}>
          {t('claimResolved', text)}
        </p>
      ))}
      {claim.unsettled && <p class="gg-hint">{t('claimNotSettled', claim.unsettled)}</p>}
      {claim.therapist.length > 0 && (
        <p class="gg-note">{t('claimTherapist', claim.therapist.map((item) => item.message).join('; '))}</p>
      )}
    </div>
  );
}
