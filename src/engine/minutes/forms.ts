/**
 * The ways therapists write a length of time (domain doc §8), one entry per form, and the labels that say
 * whose time a figure is. Data, not code: a new form is one more entry. Every pattern runs on lower-cased
 * text with the `gi` flags, is linear-time (bounded blanks, no nested repetition), and is checked with
 * recheck and against its examples like the note concepts (concepts.test.ts).
 */

/** The number words a dictated note spells minutes in, up to ninety-nine. */
const UNITS_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS_WORDS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Minutes spelled "thirty-one", "twenty four", "eight", "eighteen"; undefined for anything else. */
export function numberFromWords(words: string): number | undefined {
  const parts = words.trim().split(/[ \t-]{1,3}/);
  if (parts.length === 0 || parts.length > 2) return undefined;
  const [first = '', second] = parts;
  const tens = TENS_WORDS.indexOf(first);
  if (tens >= 0) {
    if (second === undefined) return (tens + 2) * 10;
    const unit = UNITS_WORDS.indexOf(second);
    return unit >= 0 ? (tens + 2) * 10 + unit + 1 : undefined;
  }
  if (second !== undefined) return undefined;
  const teen = TEENS_WORDS.indexOf(first);
  if (teen >= 0) return teen + 10;
  const unit = UNITS_WORDS.indexOf(first);
  return unit >= 0 ? unit + 1 : undefined;
}

export type DurationFormId =
  | 'minutes'
  | 'range'
  | 'prime'
  | 'h:mm'
  | 'hours-and-minutes'
  | 'units-and-minutes'
  | 'hours'
  | 'fraction'
  | 'half-hour'
  | 'words'
  | 'clock-range';

export interface DurationForm {
  id: DurationFormId;
  pattern: RegExp;
  /** Whole matches as therapists write them; the unit test checks the pattern finds each exactly. */
  examples: readonly string[];
  /** As for a concept (NotePattern): lower-case pieces every match holds one of; optional. */
  triggers?: readonly string[];
  /** The minutes a match stands for (a range: its lower bound, what is certainly documented). */
  minutes(m: RegExpExecArray): number | undefined;
  /**
   * The form is also a clock time or a length (h:mm, 25' for feet), so it counts as minutes only where a
   * label names time or minutes, or right after an intervention's name.
   */
  ambiguous?: boolean;
}

/** "1410", "14:10", "2:10 pm": minutes since midnight, or undefined for an impossible time. */
function clockMinutes(hour: string | undefined, minute: string | undefined, written: string | undefined) {
  const meridiem = written?.toLowerCase();
  const h = Number(hour);
  const m = Number(minute);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59) return undefined;
  if (meridiem === 'p' && h < 12) return (h + 12) * 60 + m;
  if (meridiem === 'a' && h === 12) return m;
  return h * 60 + m;
}

/**
 * Minutes from one clock time to another, as in "1410-1438" or "time in 2:10 pm ... time out 2:42 pm". A
 * 12-hour range without am/pm that crosses noon ("12:50-1:15") gains twelve hours. Beyond three hours it is
 * not one service's span.
 */
export function clockSpan(
  h1: string | undefined,
  m1: string | undefined,
  ap1: string | undefined,
  h2: string | undefined,
  m2: string | undefined,
  ap2: string | undefined,
  most = 180,
): number | undefined {
  const from = clockMinutes(h1, m1, ap1);
  const to = clockMinutes(h2, m2, ap2 ?? ap1);
  if (from === undefined || to === undefined) return undefined;
  let span = to - from;
  if (span <= 0 && ap1 === undefined && ap2 === undefined && Number(h2) < 12) span += 12 * 60;
  return span > 0 && span <= most ? span : undefined;
}

export const DURATION_FORMS: readonly DurationForm[] = [
  {
    id: 'range',
    triggers: ['min', 'mn'],
    examples: ['18-20 min', '8 to 10 minutes', '28–30 mins'],
    pattern:
      /\b(\d{1,3})[ \t]{0,2}(?:-|–|to)[ \t]{0,2}(\d{1,3})[ \t]{0,2}(?:minutes|minute|mins|min|mn)\b\.?/gi,
    minutes: (m) => Math.min(Number(m[1]), Number(m[2])),
  },
  {
    id: 'hours-and-minutes',
    examples: ['1 hr 10 min', '1 hour and 5 minutes', '2 hrs 0 min'],
    pattern:
      /\b(\d{1,2})[ \t]{0,2}(?:hours|hour|hrs|hr|h)\.?,?[ \t]{0,3}(?:and[ \t]{1,3})?(\d{1,2})[ \t]{0,2}(?:(?:minutes|minute|mins|min|mn)\b\.?|m\b)/gi,
    minutes: (m) => Number(m[1]) * 60 + Number(m[2]),
  },
  {
    id: 'minutes',
    triggers: ['min', 'mn'],
    examples: ['23 min', '15 minutes', '27 mins', '8 mn'],
    pattern: /\b(\d{1,3})[ \t]{0,2}(?:minutes|minute|mins|min|mn)\b\.?/gi,
    minutes: (m) => Number(m[1]),
  },
  {
    // Shorthand that gives a line's units and minutes together ("GT 2u/26m"): the minutes are the figure.
    id: 'units-and-minutes',
    triggers: ['u/', 'u /', 'units/', 'units /'],
    examples: ['2u/26m', '1u/9m', '2 units / 26 min', "3u/40'"],
    pattern:
      /\b\d{1,2}[ \t]?u(?:nits?)?[ \t]{0,2}\/[ \t]{0,2}(\d{1,3})[ \t]{0,2}(?:minutes|minute|mins|min|m|['’′])(?![a-z\d])/gi,
    minutes: (m) => Number(m[1]),
  },
  {
    id: 'prime',
    triggers: ["'", '’', '′'],
    examples: ["25'", '15’'],
    pattern: /\b(\d{1,2})[ \t]{0,2}['’′](?![a-z\d'’′])/gi,
    minutes: (m) => Number(m[1]),
    ambiguous: true,
  },
  {
    id: 'fraction',
    triggers: ['hour', 'hr'],
    examples: ['3/4 hr', '1/2 hour', '1/3 hrs'],
    pattern: /\b([1-3])\/([2-4])[ \t]{0,2}(?:hours|hour|hrs|hr)\b/gi,
    minutes: (m) =>
      Number(m[1]) < Number(m[2]) ? Math.round((Number(m[1]) / Number(m[2])) * 60) : undefined,
  },
  {
    id: 'half-hour',
    triggers: ['half'],
    examples: ['half an hour', 'a half hour', 'half-hour'],
    pattern: /\b(?:half[ \t-]{1,2}(?:an[ \t]{1,2})?hour|(?:a|one)[ \t]{1,2}half[ \t]{1,2}hour)\b/gi,
    minutes: () => 30,
  },
  {
    id: 'hours',
    triggers: ['hour', 'hr'],
    examples: ['1 hr', '1.5 hrs', '2 hours'],
    pattern: /\b(\d{1,2}(?:\.\d{1,2})?)[ \t]{0,2}(?:hours|hour|hrs|hr)\b/gi,
    minutes: (m) => Math.round(Number(m[1]) * 60),
  },
  {
    id: 'h:mm',
    examples: ['0:42', '1:05'],
    pattern: /\b(\d{1,2}):([0-5]\d)\b(?![ \t]{0,2}(?:[ap]\.?m\b|-|–|to\b))/gi,
    minutes: (m) => Number(m[1]) * 60 + Number(m[2]),
    ambiguous: true,
  },
  {
    id: 'words',
    triggers: ['min', 'mn'],
    examples: ['thirty-one minutes', 'twenty four min', 'eight minutes', 'fifteen mins'],
    pattern:
      /\b((?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))[ \t]{1,2}(?:minutes|minute|mins|min|mn)\b\.?/gi,
    minutes: (m) => numberFromWords(m[1] ?? ''),
  },
  {
    id: 'clock-range',
    examples: ['1410-1438', '9:05-9:50', '2:10 pm - 2:42 pm', '0905 to 0917'],
    pattern:
      /\b([01]?\d|2[0-3]):?([0-5]\d)(?:[ \t]{0,2}([ap])\.?m\.?)?[ \t]{0,2}(?:-|–|to)[ \t]{0,2}([01]?\d|2[0-3]):?([0-5]\d)(?:[ \t]{0,2}([ap])\.?m\.?)?(?![\d:])/gi,
    minutes: (m) => clockSpan(m[1], m[2], m[3], m[4], m[5], m[6]),
  },
];

/** "Time in 2:10 pm   Time out: 2:42 pm", "Time In: 1030 Time Out: 1105": the visit's length. */
export const TIME_IN_OUT =
  /\btime[ \t]{0,2}in[ \t]{0,2}[:-]?[ \t]{0,2}([01]?\d|2[0-3]):?([0-5]\d)(?:[ \t]{0,2}([ap])\.?m\.?)?[^\n\d]{0,24}?time[ \t]{0,2}out[ \t]{0,2}[:-]?[ \t]{0,2}([01]?\d|2[0-3]):?([0-5]\d)(?:[ \t]{0,2}([ap])\.?m\.?)?/gi;

/** A value on its own (a table cell, the line under a label): "28", "0:24", "25 min", "1 hr 2 min". */
const BARE_NUMBER = /^(\d{1,3})$/;
const BARE_WORDS =
  /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)$/;

export interface Duration {
  minutes: number;
  form: DurationFormId | 'number';
}

/** Reads a whole value as a duration; undefined when it is anything else. */
export function durationOf(value: string): Duration | undefined {
  const trimmed = value.trim();
  // Too long to be a duration even without a closing ".": a sentence, not a value.
  if (trimmed.length > 31) return undefined;
  const text = trimmed.toLowerCase().replace(/[.;,]$/, '');
  if (text.length > 30) return undefined;
  const bare = BARE_NUMBER.exec(text);
  if (bare) return { minutes: Number(bare[1]), form: 'number' };
  if (BARE_WORDS.test(text)) {
    const minutes = numberFromWords(text);
    return minutes === undefined ? undefined : { minutes, form: 'words' };
  }
  for (const form of DURATION_FORMS) {
    form.pattern.lastIndex = 0;
    const m = form.pattern.exec(text);
    form.pattern.lastIndex = 0;
    if (!m || m.index !== 0 || text.slice(m[0].length).trim() !== '') continue;
    const minutes = form.minutes(m);
    return minutes === undefined ? undefined : { minutes, form: form.id };
  }
  return undefined;
}

export type FigureLabelKind = 'total-timed' | 'treatment-time' | 'session' | 'rest' | 'time';

/**
 * What a label says a figure is, tried in this order. "Total timed minutes", "TTM" and "timed code
 * minutes" are the day's timed total; "total treatment time" and "TTT" hold untimed minutes too; a session
 * or visit label ("PM session", "Afternoon session") names a stretch of the day, not a total; rest is no
 * one's treatment time; "Time", "Minutes", "Duration" say only that a value is minutes.
 */
export const FIGURE_LABELS: readonly { kind: FigureLabelKind; pattern: RegExp }[] = [
  {
    kind: 'total-timed',
    pattern:
      /\b(?:ttm|total[ \t]{1,3}timed|timed[ \t]{1,3}(?:code[ \t]{1,3})?(?:(?:treatment|tx)[ \t]{1,3})?(?:minutes|mins|min|time)|time[ -]based[ \t]{1,3}(?:minutes|mins|min)|1:1[ \t]{1,3}(?:timed[ \t]{1,3})?(?:minutes|mins|min|time))\b/,
  },
  {
    kind: 'treatment-time',
    pattern:
      /\b(?:ttt|total[ \t]{1,3}(?:(?:treatment|tx|therapy|visit|session|billable)[ \t]{1,3})?(?:time|minutes|mins|min)|(?:treatment|tx)[ \t]{1,3}time)\b/,
  },
  { kind: 'rest', pattern: /\b(?:rest|rests|break|breaks|pause|seated rest|vitals)\b/ },
  {
    kind: 'session',
    pattern: /\b(?:session|visit|am|pm|morning|afternoon|evening|co-?treat(?:ment)?)\b/,
  },
  { kind: 'time', pattern: /\b(?:time|minutes|mins|min|duration)\b/ },
];

export function figureLabelKind(label: string): FigureLabelKind | undefined {
  const lower = label.toLowerCase();
  return FIGURE_LABELS.find((entry) => entry.pattern.test(lower))?.kind;
}

/** Walking named without an intervention label ("on treadmill 24 min", "walked 15 min"): gait time. */
export const WALKING_ACTIVITY = /\b(?:treadmill|amb|ambulat(?:ed|ion|ing|es|e)|walk(?:ed|ing|s)?)\b/i;

/** The tokens that may stand between an intervention's name and its own minutes (see isAttachedGap). */
const GAP_TOKENS =
  /\b(?:with|w\/|using)[ \t]{1,3}[a-z0-9/-]{1,20}(?:[ \t]{1,3}[a-z0-9/-]{1,20}){0,2}|\d{5}|x[ \t]{0,2}\d{1,2}|\b(?:units|unit|u|for|of|total|approx|approximately|about|was|were|x)\b|\d{1,2}/g;
const GAP_PUNCTUATION = /^[\s:=,.()[\]#*/@~–—-]*$/;

/**
 * What may stand between an intervention's name and its minutes for the figure to be the intervention's
 * own: punctuation, its code, a unit count ("x2", "2 units"), "for", "of", "total", a short "with FWW".
 * Anything else (a word
 * such as "treadmill") makes the figure an item of the intervention's activity list, part of its time.
 */
export function isAttachedGap(gap: string): boolean {
  return gap.length <= 40 && GAP_PUNCTUATION.test(gap.toLowerCase().replace(GAP_TOKENS, ''));
}

/** Right after a figure: it was rest ("2 min seated rest", "5 min rest break"), no one's treatment time. */
export const REST_AFTER =
  /^[ \t]{0,3}(?:of[ \t]{1,3})?(?:seated[ \t]{1,3}|standing[ \t]{1,3})?(?:rest|rests|break|breaks|pause)\b/i;
