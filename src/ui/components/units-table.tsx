/**
 * The day's units table: each timed code's minutes, the units they support under the method in use, the
 * units billed and the difference, 97116 first. Numbers the page does not settle show as "?" with why.
 */
import type { DayReview } from '../../engine/day-review';

const METHOD = { cms: 'CMS 8-minute rule on the day’s total', 'per-code': 'per-code (each code on its own)' };

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function UnitsTable({ day }: { day: DayReview }) {
  const { units } = day;
  if (units.lines.length === 0) return <p class="gg-empty">No timed code on this date.</p>;
  return (
    <div class="gg-units">
      <p class="gg-units-method">
        {METHOD[units.method]} · payer {units.payer} · timed minutes{' '}
        {units.timedMinutes === null ? 'not written' : units.timedMinutes}
      </p>
      <table class="gg-table" data-testid="units-table">
        <caption class="gg-visually-hidden">The day’s timed units</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Minutes</th>
            <th scope="col">Supported</th>
            <th scope="col">Billed</th>
            <th scope="col">Diff.</th>
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
                  {line.minutesFrom === 'total' && (
                    <abbr title="the day's stated total less the other codes' minutes">*</abbr>
                  )}
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
            <th scope="row">Day</th>
            <td>{units.timedMinutes ?? '?'}</td>
            <td>{units.supportedTotal ?? '?'}</td>
            <td>{units.billedTotal}</td>
            <td>{units.supportedTotal === null ? '?' : signed(units.billedTotal - units.supportedTotal)}</td>
          </tr>
        </tfoot>
      </table>
      {units.lines.some((line) => line.minutesFrom === 'total') && (
        <p class="gg-note">* the day’s stated total less the other codes’ minutes</p>
      )}
      {units.caveat && <p class="gg-note">{units.caveat}</p>}
    </div>
  );
}
