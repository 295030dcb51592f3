/**
 * The recommended claim as a before/after of the charge lines, each change in one line, then how
 * disagreeing fixes were resolved and what waits for the therapist.
 */
import type { DayReview } from '../../engine/day-review';
import type { ClaimLineState } from '../../engine/claim';

function state(line: ClaimLineState | undefined): string {
  if (!line) return '—';
  return `× ${line.units}${line.modifiers.length > 0 ? ` ${line.modifiers.join(':')}` : ''}`;
}

export function ClaimView({ day }: { day: DayReview }) {
  const { claim, lineLabels } = day;
  if (claim.lines.length === 0) return <p class="gg-empty">No charge line on the page.</p>;
  return (
    <div class="gg-claim">
      <table class="gg-table" data-testid="claim-table">
        <caption class="gg-visually-hidden">Charge lines before and after the recommended changes</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Code</th>
            <th scope="col">Now</th>
            <th scope="col">Recommended</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line, index) => {
            const changed =
              !line.before || !line.after || state(line.before) !== state(line.after) ? 'gg-off' : undefined;
            return (
              <tr key={line.lineId ?? `added-${index}`} class={changed}>
                <td>{line.lineId ? (lineLabels[line.lineId] ?? '') : 'new line'}</td>
                <th scope="row">{line.code}</th>
                <td>{state(line.before)}</td>
                <td>
                  {line.after ? state(line.after) : 'drop'}
                  {line.query && <span class="gg-query-tag"> · query the therapist</span>}
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
          Resolved: {text}
        </p>
      ))}
      {claim.unsettled && <p class="gg-hint">Not settled: {claim.unsettled}</p>}
      {claim.therapist.length > 0 && (
        <p class="gg-note">
          Query the therapist (units unchanged for these): {claim.therapist.map((t) => t.message).join('; ')}
        </p>
      )}
    </div>
  );
}
