/**
 * Page facts outside the note: date of service, payer, who furnished the care, and time in / time out
 * controls (turned into a note line the engine parses).
 */
import type { NoteText, ProviderRole, UnitMethod } from '../engine/model';
import { controlRawValue, controlValue } from './controls';
import { cssPath } from './selectors';
import { isVisible } from './visibility';
import { roleFromText } from './charges';
import { valueAfterLabel } from './label-value';
import { FACT_LABEL, type TimeControl } from './scan';
import { parseDisplayedDate, stableId, truncate } from './text';
import type { ReadContext } from './read-context';

export interface PageFacts {
  dateOfService?: string;
  payerName?: string;
  payerMethodHint?: UnitMethod;
  /** The encounter, visit or account number the page shows: the key that says which encounter is on screen. */
  encounterId?: string;
  furnishedBy: ProviderRole[];
}

type FactKind = 'date' | 'payer' | 'encounter' | 'provider';

function factKind(label: string): FactKind {
  const key = label.toLowerCase();
  if (/date|dos/.test(key)) return 'date';
  if (/insurance|payer|payor|financial|fin class|coverage|health plan/.test(key)) return 'payer';
  if (/encounter|account|acct|visit/.test(key)) return 'encounter';
  return 'provider';
}

/** The first token of an encounter or account number ("E-20417", "#88123"), or nothing that looks like one. */
export function encounterIdFrom(value: string): string | undefined {
  const token = /[A-Za-z0-9][A-Za-z0-9._/-]{0,63}/.exec(value.replace(/^[\s#:]+/, ''))?.[0];
  return token && /\d/.test(token) ? token : undefined;
}

function payerMethodHint(payer: string): UnitMethod | undefined {
  if (/medicare/i.test(payer) && !/advantage|replacement|\bMA\b|hmo|ppo|supplement|medigap/i.test(payer))
    return 'cms';
  return undefined;
}

function isLabelOnly(value: string): boolean {
  const label = FACT_LABEL.exec(value);
  return label !== null && value.slice(label[0].length).replace(/[\s:#]+/g, '') === '';
}

export function readPageFacts(labels: ReadonlyArray<{ node: Text }>, ctx: ReadContext): PageFacts {
  const facts: PageFacts = { furnishedBy: [] };
  for (const { node } of labels) {
    const match = FACT_LABEL.exec(node.data);
    const parent = node.parentElement;
    if (!match?.[1] || !parent || !isVisible(parent, ctx)) continue;
    const kind = factKind(match[1]);
    if (kind === 'date' && facts.dateOfService) continue;
    if (kind === 'payer' && facts.payerName) continue;
    if (kind === 'encounter' && facts.encounterId) continue;
    const value = valueAfterLabel(node, match.index + match[0].length, ctx);
    // A heading over a group of fields ("Coverage" above "Payer: [select]") is followed by the next label,
    // not by its value: that label is read in its turn.
    if (!value || isLabelOnly(value)) continue;
    if (kind === 'date') {
      const date = parseDisplayedDate(value);
      if (date) facts.dateOfService = date;
    } else if (kind === 'payer') {
      facts.payerName = truncate(value, 200);
      const hint = payerMethodHint(value);
      if (hint) facts.payerMethodHint = hint;
    } else if (kind === 'encounter') {
      const id = encounterIdFrom(value);
      if (id) facts.encounterId = id;
    } else {
      const role = roleFromText(value);
      if (role && !facts.furnishedBy.includes(role)) facts.furnishedBy.push(role);
    }
  }
  return facts;
}

interface TimeGroup {
  controls: TimeControl[];
}

function clockValue(group: TimeGroup, ctx: ReadContext): string | undefined {
  let hour: number | undefined;
  let minute: number | undefined;
  let meridiem: 'am' | 'pm' | undefined;
  for (const control of group.controls) {
    const raw = (controlRawValue(control.el, ctx) || controlValue(control.el, ctx)).trim();
    if (!raw) continue;
    if (control.part === 'full') {
      const match = /(\d{1,2})(?::|\.|h)?(\d{2})?\s*([ap])?\.?\s*m?\.?/i.exec(raw);
      if (!match?.[1]) continue;
      hour = Number(match[1]);
      minute = match[2] ? Number(match[2]) : 0;
      if (match[3]) meridiem = match[3].toLowerCase() === 'p' ? 'pm' : 'am';
    } else if (control.part === 'hour') {
      const parsed = Number.parseInt(raw, 10);
      if (Number.isFinite(parsed)) hour = parsed;
    } else if (control.part === 'minute') {
      const parsed = Number.parseInt(raw, 10);
      if (Number.isFinite(parsed)) minute = parsed;
    } else if (/^p/i.test(raw)) {
      meridiem = 'pm';
    } else if (/^a/i.test(raw)) {
      meridiem = 'am';
    }
  }
  if (hour === undefined || hour > 23 || (minute ?? 0) > 59) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return `${hour}:${String(minute ?? 0).padStart(2, '0')}`;
}

function groupsOf(controls: TimeControl[], kind: 'in' | 'out'): TimeGroup[] {
  const groups: TimeGroup[] = [];
  const byKey = new Map<string, TimeGroup>();
  for (const control of controls) {
    if (control.kind !== kind) continue;
    const key = `${control.scope.prefix}|${control.group}`;
    let group = byKey.get(key);
    if (!group || group.controls.some((known) => known.part === control.part)) {
      group = { controls: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.controls.push(control);
  }
  return groups;
}

/** "Time in 9:05 / Time out 9:50" for each visible time in / time out pair, as one note the engine parses. */
export function readTimeInOut(controls: TimeControl[], ctx: ReadContext, url: string): NoteText | undefined {
  const visible = controls.filter((control) => isVisible(control.el, ctx));
  const ins = groupsOf(visible, 'in');
  const outs = groupsOf(visible, 'out');
  const lines: string[] = [];
  const count = Math.min(ins.length, outs.length);
  for (let i = 0; i < count; i++) {
    const start = clockValue(ins[i]!, ctx);
    const end = clockValue(outs[i]!, ctx);
    if (start && end) lines.push(`Time in ${start} / Time out ${end}`);
  }
  const first = ins[0]?.controls[0];
  if (lines.length === 0 || !first) return undefined;
  const selector = cssPath(first.el, first.scope);
  return {
    id: stableId('time', selector),
    text: lines.join('\n'),
    source: { url, selector, label: 'Time in/out' },
    kind: 'time',
  };
}
