/**
 * "What GaitGuard read": each note with its source and length, each charge line, the payer and method with
 * why, the date of service and encounter number, and what is missing for a verdict. Shown in the popup and
 * the overlay so the coder can see what a verdict rests on, and what it does not.
 */
import type { TabReport } from '../../messages/to-content';
import type { ReadCharge, ReadNote, ReadSummary } from '../../reader/read-summary';
import { t } from '../i18n';
import { missingHelp } from './summary';

function methodName(summary: ReadSummary): string {
  return summary.payer.method === 'cms' ? t('methodNameCms') : t('methodNamePerCode');
}

/** The method used and why: the page's payer, the coder's choice for the site, or the site setting. */
export function payerLine(summary: ReadSummary): string {
  const method = methodName(summary);
  const payer = summary.payer.pageName ?? '';
  switch (summary.payer.basis) {
    case 'page':
      return t('payerFromPage', method, payer);
    case 'override':
      return t('payerOverride', method);
    case 'unmapped':
      return t('payerUnmapped', method, payer);
    default:
      return t('payerSite', method);
  }
}

export function noteLine(note: ReadNote): string {
  const frame = String(note.frameId);
  if (note.kind === 'time') return t('readTime', note.label, frame);
  if (note.cutFrom !== undefined)
    return t(
      'readNoteCut',
      note.label,
      note.chars.toLocaleString('en-US'),
      note.cutFrom.toLocaleString('en-US'),
      frame,
    );
  return t('readNote', note.label, note.chars.toLocaleString('en-US'), frame);
}

export function chargeLine(line: ReadCharge): string {
  const modifiers = line.modifiers.length > 0 ? line.modifiers.join(', ') : t('readNoModifiers');
  const table = line.table ?? 'charges';
  const frame = String(line.frameId);
  return line.unitsAssumed
    ? t('readChargeNoUnits', line.code, modifiers, table, frame)
    : t('readCharge', line.code, String(line.units), modifiers, table, frame);
}

/** The sentences naming what is missing, shown where the verdict would be. */
export function MissingNotice({ report }: { report: TabReport }) {
  const help = missingHelp(report);
  if (help.length === 0) return null;
  return (
    <div data-testid="missing">
      {help.map((line) => (
        <p class="gg-missing" key={line}>
          {line}
        </p>
      ))}
    </div>
  );
}

export function ReadSummaryView({ report }: { report: TabReport }) {
  const summary = report.read;
  if (!summary) return null;
  return (
    <section class="gg-read" data-testid="read-summary" aria-label={t('readHeading')}>
      {summary.encounterChanged && <p class="gg-missing">{t('encounterChanged')}</p>}
      <h2 class="gg-read-title">{t('readHeading')}</h2>
      <ul>
        <li data-read="payer">{payerLine(summary)}</li>
        {summary.dateOfService && <li data-read="dos">{t('readDateOfService', summary.dateOfService)}</li>}
        {summary.encounterId && (
          <li data-read="encounter">
            {t(
              summary.encounterFrom === 'address' ? 'readEncounterAddress' : 'readEncounter',
              summary.encounterId,
            )}
          </li>
        )}
        {summary.notes.length === 0 && <li data-read="no-notes">{t('readNoNotes')}</li>}
        {summary.notes.map((note, index) => (
          <li data-read="note" key={`n${index}`} class={note.offScreen ? 'gg-read-off' : undefined}>
            <span class={note.cutFrom !== undefined ? 'gg-read-flag' : undefined}>{noteLine(note)}</span>
            {note.offScreen && ` ${t('readOffScreen')}`}
          </li>
        ))}
        {summary.charges.length === 0 && <li data-read="no-charges">{t('readNoCharges')}</li>}
        {summary.charges.map((line, index) => (
          <li data-read="charge" key={`c${index}`} class={line.offScreen ? 'gg-read-off' : undefined}>
            <span class={line.unitsAssumed ? 'gg-read-flag' : undefined}>{chargeLine(line)}</span>
            {line.offScreen && ` ${t('readOffScreen')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
