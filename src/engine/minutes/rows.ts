/**
 * Flowsheet rows: a label and its value, either on one line ("Distance: 75 feet x 2") or, as Epic-style
 * flowsheets print them, the label on one line and the value on the next ("Distance (feet)" / "120").
 * A row is a fact with its label, not a sentence: "Goals Addressed This Session: STG 1" is a field, and
 * the rows after it are not a plan.
 */

export interface LabelledRow {
  /** The label as written, without its colon. */
  label: string;
  value: string;
  labelStart: number;
  valueStart: number;
  valueEnd: number;
  /** The value sits on the line under its label. */
  under: boolean;
}

const MAX_LABEL = 60;
const MAX_VALUE = 200;
const MAX_ROWS = 2000;

/** A line that can be a label on its own: short, no sentence end, starts with a letter. */
const LABEL_LINE = /^[ \t]{0,8}([A-Za-z][A-Za-z0-9 /&'()%#,.-]{0,58}?)[ \t]{0,3}:?[ \t]{0,3}$/;
/** "Label: value" on one line; the label has no colon of its own. */
const LABEL_VALUE = /^[ \t]{0,8}([A-Za-z][A-Za-z0-9 /&'()%#.-]{0,58}?)[ \t]{0,3}:[ \t]{1,8}(\S.*)$/;

export function labelledRows(text: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  let pending: { label: string; start: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length && rows.length < MAX_ROWS) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_VALUE + MAX_LABEL));
    const trimmed = line.trim();
    if (trimmed === '') pending = undefined;
    else {
      const valueStart = lineStart + line.indexOf(trimmed);
      if (pending && trimmed.length <= MAX_VALUE) {
        rows.push({
          label: pending.label,
          value: trimmed,
          labelStart: pending.start,
          valueStart,
          valueEnd: valueStart + trimmed.length,
          under: true,
        });
      }
      const same = line.length <= MAX_LABEL + MAX_VALUE ? LABEL_VALUE.exec(line) : null;
      if (same && same[1] !== undefined && same[2] !== undefined) {
        const value = same[2].trim();
        const at = lineStart + line.lastIndexOf(value);
        rows.push({
          label: same[1],
          value,
          labelStart: lineStart + line.indexOf(same[1]),
          valueStart: at,
          valueEnd: at + value.length,
          under: false,
        });
        pending = undefined;
      } else {
        const alone = line.length <= MAX_LABEL + 12 ? LABEL_LINE.exec(line) : null;
        pending =
          alone?.[1] !== undefined
            ? { label: alone[1], start: lineStart + line.indexOf(alone[1]) }
            : undefined;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return rows;
}
