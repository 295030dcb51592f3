/**
 * How therapists name interventions, mapped to the code each is billed under. A label in the note ("GT",
 * "ther ex", "NMR") tells whose minutes a number is. Stair training maps to 97116 because gait training
 * includes stair climbing (domain doc §1).
 */
import { PATTERNS, eachMatch } from './patterns';

export interface InterventionLabel {
  code: string;
  pattern: RegExp;
  /** Short paraphrase for messages (never a CPT descriptor). */
  name: string;
}

export const INTERVENTION_LABELS: readonly InterventionLabel[] = [
  {
    code: '97116',
    pattern:
      /\b(?:gait(?:[ \t/&-]{1,3}(?:and[ \t]{1,3})?(?:stairs?[ \t]{1,3}|stair[ \t]{1,3})?(?:training|trng|trg|train|tr\b))?|gt|ambulation[ \t]{1,3}training|amb[ \t]{1,3}training|stairs?[ \t]{1,3}(?:training|negotiation|trng))\b/gi,
    name: 'gait training',
  },
  {
    code: '97110',
    pattern: /\b(?:ther(?:apeutic)?[ .-]{0,2}ex(?:ercises?)?|therex|te|exercises?|strengthening)\b/gi,
    name: 'therapeutic exercise',
  },
  {
    code: '97112',
    pattern:
      /\b(?:neuro(?:muscular)?[ -]{0,2}re[ -]{0,2}ed(?:ucation)?|nmr|nmre|neuro[ \t]{1,3}re-?ed|balance[ \t]{1,3}training)\b/gi,
    name: 'neuromuscular re-education',
  },
  {
    code: '97140',
    pattern:
      /\b(?:manual[ \t]{1,3}therapy|manual|mt|joint[ \t]{1,3}mob(?:ilizations?|s)?|soft[ \t]{1,3}tissue[ \t]{1,3}mob(?:ilization)?|stm)\b/gi,
    name: 'manual therapy',
  },
  {
    code: '97530',
    pattern:
      /\b(?:ther(?:apeutic)?[ .-]{0,2}act(?:ivity|ivities|s)?|ta|functional[ \t]{1,3}(?:activities|training)|transfer[ \t]{1,3}training)\b/gi,
    name: 'therapeutic activities',
  },
  {
    code: '97535',
    pattern: /\b(?:self[ -]care|adl[ \t]{1,3}training|home[ \t]{1,3}management)\b/gi,
    name: 'self-care training',
  },
  { code: '97035', pattern: /\b(?:ultrasound|ultra-sound)\b/gi, name: 'ultrasound' },
  { code: '97033', pattern: /\b(?:iontophoresis|ionto)\b/gi, name: 'iontophoresis' },
  { code: '97124', pattern: /\bmassage\b/gi, name: 'massage' },
  {
    code: '97150',
    pattern: /\bgroup(?:[ \t]{1,3}(?:therapy|session|tx|exercise))?\b/gi,
    name: 'group therapy',
  },
  {
    code: '97750',
    pattern: /\bphysical[ \t]{1,3}performance[ \t]{1,3}test(?:ing)?\b/gi,
    name: 'physical performance test',
  },
  {
    code: '97760',
    pattern: /\borthotic[ \t]{1,3}(?:management|training|fitting)\b/gi,
    name: 'orthotic training',
  },
  {
    code: '97761',
    pattern: /\bprosthetic[ \t]{1,3}(?:training|management)\b/gi,
    name: 'prosthetic training',
  },
  {
    code: 'G0283',
    pattern: /\b(?:unattended[ \t]{1,3})?e[ -]?stim(?:ulation)?\b/gi,
    name: 'unattended electrical stimulation',
  },
  {
    code: '97010',
    pattern: /\b(?:hot[ \t]{1,3}packs?|cold[ \t]{1,3}packs?|moist[ \t]{1,3}heat|cryotherapy)\b/gi,
    name: 'hot or cold packs',
  },
];

/** Our own short names for codes, used in messages. */
export const CODE_NAMES: Readonly<Record<string, string>> = {
  '97116': 'gait training',
  '97110': 'therapeutic exercise',
  '97112': 'neuromuscular re-education',
  '97140': 'manual therapy',
  '97530': 'therapeutic activities',
  '97535': 'self-care training',
  '97150': 'group therapy',
  '96000': 'motion analysis (video, 3-D)',
  '96001': 'motion analysis with plantar pressure',
  '96002': 'dynamic surface EMG',
  '96003': 'dynamic fine-wire EMG',
  '96004': 'motion analysis review and report',
  '97760': 'orthotic management and training',
  '97761': 'prosthetic training',
  '97763': 'orthotic/prosthetic follow-up',
};

export function codeName(code: string): string {
  const name = CODE_NAMES[code];
  return name ? `${code} (${name})` : code;
}

export interface LabelMatch {
  code: string;
  /** Offset of the label inside the searched text. */
  index: number;
  end: number;
}

/**
 * The intervention named last in a short label (the one closest to the number that follows it). A code
 * written in the label ("(97116)") wins over a name. Among names, the match that ends last wins; on a tie,
 * the entry listed first in INTERVENTION_LABELS.
 */
export function lastInterventionIn(label: string): LabelMatch | undefined {
  let best: LabelMatch | undefined;
  eachMatch(PATTERNS.codeInText, label, (m) => {
    best = { code: m[0], index: m.index, end: m.index + m[0].length };
  });
  if (best) return best;
  for (const { code, pattern } of INTERVENTION_LABELS) {
    eachMatch(pattern, label, (m) => {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { code, index: m.index, end };
    });
  }
  return best;
}

/** Each label and the code-in-text pattern: a line's head is tried against them in turn. */
const HEADS: readonly { code: string; pattern: RegExp }[] = [
  { code: '', pattern: PATTERNS.codeInText },
  ...INTERVENTION_LABELS,
];
/** Longer than any label: a head is looked for in the text's first characters only. */
const HEAD_REACH = 64;

/**
 * The intervention that the text starts with, if any ("gait training" in "gait training with FWW"). A
 * pattern's leftmost match is at 0 whenever one starts there, so the checked patterns serve as they are.
 */
export function leadingIntervention(text: string): LabelMatch | undefined {
  const head = text.slice(0, HEAD_REACH);
  for (const { code, pattern } of HEADS) {
    pattern.lastIndex = 0;
    const m = pattern.exec(head);
    pattern.lastIndex = 0;
    if (m && m.index === 0) return { code: code || m[0], index: 0, end: m[0].length };
  }
  return undefined;
}
