import { lastBracketGroup, trimTrailingIndex } from './trim';

/** What a column header, input name or field label means for a charge line. */
export type ChargeField =
  'code' | 'codeType' | 'units' | 'modifiers' | 'minutes' | 'deleted' | 'billed' | 'status' | 'provider';

const NOT_A_PROCEDURE_CODE =
  /icd|diag|\bdx\b|zip|postal|country|state|justif|desc|note|reason|pos\b|place|revenue|rev\b|ndc|promo/;

const FIELD_PATTERNS: ReadonlyArray<readonly [ChargeField, RegExp]> = [
  ['codeType', /^(code ?type|type)$/],
  [
    'code',
    /^(cpt|hcpcs|cpt ?hcpcs|hcpcs ?cpt|cpt ?code|hcpcs ?code|cpt ?hcpcs ?code|hcpcs ?cpt ?code|procedure|procedure ?code|proc ?code|code|service ?code|charge ?code|billing ?code|service|cpt4)$/,
  ],
  ['modifiers', /^(mods?|modifiers?|mod ?\d|modifier ?\d|cpt ?modifiers?)$/],
  ['units', /^(units?|qty|quantity|unit ?count|billed ?units|# ?units|no ?of ?units|days ?or ?units)$/],
  [
    'minutes',
    /^(min|mins|minutes|duration|duration ?min|time ?min|time ?mins|treatment ?minutes|minutes ?spent|time ?spent)$/,
  ],
  ['deleted', /^(del|delete|deleted|remove|void)$/],
  ['billed', /^(billed|is ?billed)$/],
  ['status', /^(status|bill ?status|claim ?status|charge ?status)$/],
  ['provider', /^(provid|provider|provider ?id|rendering|rendering ?provider|rendprov)$/],
];

function normalise(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/[®™*#:()[\]]/g, ' ')
    .replace(/[_\-./]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Classifies a column header or field label ("CPT/HCPCS", "Mod", "Units", "Del"). */
export function classifyLabel(text: string): ChargeField | undefined {
  const key = normalise(text);
  if (!key || key.length > 40) return undefined;
  for (const [field, pattern] of FIELD_PATTERNS) {
    if (pattern.test(key)) {
      if (field === 'code' && NOT_A_PROCEDURE_CODE.test(key)) return undefined;
      return field;
    }
  }
  return undefined;
}

/** A short text that may be a field label with its value after a colon: "Units", "CPT code:", "Units: 2". */
const MAX_LABEL_TEXT_CHARS = 60;

/** Cheap first look for the code labels a scan collects (most short texts of a page start otherwise). */
export const MAY_BE_CODE_LABEL = /^\s*(cpt|hcpcs|code|proc|service|charge|billing)/i;

/** The field a short text labels, and where its label part ends (before an inline value), if any. */
export function classifyLabelText(text: string): { field: ChargeField; end: number } | undefined {
  if (text.length > MAX_LABEL_TEXT_CHARS) return undefined;
  const colon = text.indexOf(':');
  const end = colon >= 0 ? colon + 1 : text.length;
  const field = classifyLabel(colon >= 0 ? text.slice(0, colon) : text);
  return field ? { field, end } : undefined;
}

/** A text node that labels a charge field, and where the value written after it would start in its text. */
export function fieldLabelOf(node: Text): { field: ChargeField; valueStart: number } | undefined {
  const trimmed = node.data.trim();
  const label = classifyLabelText(trimmed);
  return label && { field: label.field, valueStart: node.data.indexOf(trimmed) + label.end };
}

/** Classifies a control's name: "bill[3][code]" → code, "cpt_1" → code, "charges.0.units" → units. */
export function classifyControlName(name: string): ChargeField | undefined {
  let key = lastBracketGroup(name) ?? name;
  key = trimTrailingIndex(key);
  const dotted = key.split('.');
  key = dotted[dotted.length - 1] ?? key;
  return classifyLabel(key);
}

const TIME_IN = /(^|[^a-z])(time ?in|start ?time|time ?start|timein|arrival ?time)([^a-z]|$)/;
const TIME_OUT = /(^|[^a-z])(time ?out|end ?time|stop ?time|time ?end|timeout|departure ?time)([^a-z]|$)/;

export type TimeKind = 'in' | 'out';
export type TimePart = 'hour' | 'minute' | 'ampm' | 'full';

/** Time in / time out controls, by name, id or label: "time_in_hour", "Time Out", "visitStartTime". */
export function classifyTimeControl(
  text: string,
): { kind: TimeKind; part: TimePart; group: string } | undefined {
  const key = normalise(text);
  const kind: TimeKind | undefined = TIME_IN.test(key) ? 'in' : TIME_OUT.test(key) ? 'out' : undefined;
  if (!kind) return undefined;
  let part: TimePart = 'full';
  if (/(^| )(hour|hours|hr|hh)( |$)/.test(key)) part = 'hour';
  else if (/(^| )(minute|minutes|min|mins|mm)( |$)/.test(key)) part = 'minute';
  else if (/(^| )(ampm|am pm|meridiem|ap|period)( |$)/.test(key)) part = 'ampm';
  const group = key
    .replace(/(^| )(hour|hours|hr|hh|minute|minutes|min|mins|mm|ampm|am pm|meridiem|ap|period)( |$)/g, ' ')
    .trim();
  return { kind, part, group };
}
