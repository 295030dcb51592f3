/**
 * Names a charge line the way a coder finds it on screen: "line 2 of Fee sheet". Lines are counted in page
 * order within their own table (same frame, same document, same table label), deleted rows included,
 * because the coder counts the rows the page shows.
 */
import type { ChargeLine } from './model';

export function chargeLineLabels(charges: readonly ChargeLine[]): Map<string, string> {
  const counters = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const line of charges) {
    const table = line.source.label?.trim() || 'the charges';
    const key = `${line.source.frameId ?? ''}\u0000${line.source.url ?? ''}\u0000${table}`;
    const position = (counters.get(key) ?? 0) + 1;
    counters.set(key, position);
    labels.set(line.id, `line ${position} of ${table}`);
  }
  return labels;
}
