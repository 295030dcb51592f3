/**
 * A flowsheet: the note written as label/value rows (a table of "Gait training | 25 min", "Assist level |
 * CGA", "Assessment | ..." or a description list of the same). Its text is the therapist's documentation,
 * so it is read as one note, rows in order. Told apart from demographics and layout tables by its labels:
 * two or more must name therapy documentation.
 */

const THERAPY_LABEL =
  /gait|ambulat|assist|cue|device|distance|minutes?|\bmin\b|treatment|intervention|exercise|assessment|plan\b|goal|response|toleran|balance|transfer|stairs?|training|skilled|patient education|progress|subjective|objective|pain/i;

const MIN_ROWS = 3;
const MAX_ROWS = 300;
const MAX_LABEL_CHARS = 60;

function isTherapyLabel(text: string | null): boolean {
  const label = (text ?? '').trim();
  return label.length > 0 && label.length <= MAX_LABEL_CHARS && THERAPY_LABEL.test(label);
}

function tableIsFlowsheet(table: HTMLTableElement): boolean {
  const rows = table.rows;
  if (rows.length < MIN_ROWS || rows.length > MAX_ROWS) return false;
  if (table.querySelector('table, textarea, select')) return false;
  let pairs = 0;
  let therapy = 0;
  for (const row of Array.from(rows)) {
    const cells = row.cells;
    if (cells.length < 2) continue;
    const label = cells[0];
    if (!label || (label.textContent ?? '').trim().length > MAX_LABEL_CHARS) return false;
    pairs++;
    if (isTherapyLabel(label.textContent)) therapy++;
  }
  return pairs >= MIN_ROWS && therapy >= 2;
}

function listIsFlowsheet(list: Element): boolean {
  const terms = Array.from(list.children).filter((child) => child.tagName === 'DT');
  if (terms.length < MIN_ROWS || terms.length > MAX_ROWS) return false;
  return terms.filter((term) => isTherapyLabel(term.textContent)).length >= 2;
}

/** True for a table or description list laid out as a flowsheet of therapy documentation. */
export function isFlowsheet(el: Element): boolean {
  if (el.tagName === 'TABLE') return tableIsFlowsheet(el as HTMLTableElement);
  if (el.tagName === 'DL') return listIsFlowsheet(el);
  return false;
}
