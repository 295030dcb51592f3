/**
 * The day's units table: each timed code's minutes, the units they support under the method in use, the
 * units billed and the difference, 97116 first. Numbers the page does not settle show as "?" with why.
 */
import type { DayReview } from '../../engine/day-review';
import { t, type MessageKey } from '../i18n';

const METHOD: Record<DayReview['units']['method'], MessageKey> = {
  cms: 'unitsMethodCms',
  'per-code': 'unitsMethodPerCode',
};

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function UnitsTable({ day }: { day: DayReview }) {
  const { units } = day;
  if (units.lines.length === 0) return <p class="gg-empty">{t('unitsNone')}</p>;
  return (
    <div class="gg-units">
      <p class="gg-units-method">
        {t(
          'unitsContext',
          t(METHOD[units.method]),
          units.payer,
          units.timedMinutes === null ? t('unitsNotWritten') : String(units.timedMinutes),
        )}
      </p>
      <table class="gg-table" data-testid="units-table">
        <caption class="gg-visually-hidden">{t('dayUnitsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colMinutes')}</th>
            <th scope="col">{t('colSupported')}</th>
            <th scope="col">{t('colBilled')}</th>
            <th scope="col">{t('colDiff')}</th>
          </tr>
        </thead>
        <tbody>
          {units.lines.map((line) => {
            const supported =
              line.supported !== null
                ? String(line.supported)
                : line.range
                  ? `${line.range.min}–${line.range.max}`
                  : '?';
            const diff = line.supported === null ? '?' : signed(line.billed - line.supported);
            return (
              <tr key={line.code} class={diff !== '0' && diff !== '?' ? 'gg-off' : undefined}>
                <th scope="row">{line.code}</th>
                <td>
                  {line.minutes ?? '?'}
                  {line.minutesFrom === 'total' && <abbr title={t('unitsFromTotal')}>*</abbr>}
                </td>
                <td>{supported}</td>
                <td>{line.billed}</td>
                <td>{diff}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('rowDay')}</th>
            <td>{units.timedMinutes ?? '?'}</td>
            <td>{units.supportedTotal ?? '?'}</td>
            <td>{units.billedTotal}</td>
            <td>{units.supportedTotal === null ? '?' : signed(units.billedTotal - units.supportedTotal)}</td>
          </tr>
        </tfoot>
      </table>
      {units.lines.some((line) => line.minutesFrom === 'total') && (
        <p class="gg-note">* {t('unitsFromTotal')}</p>
      )}
      {units.caveat && <p class="gg-note">{units.caveat}</p>}
    </div>
  );
}
