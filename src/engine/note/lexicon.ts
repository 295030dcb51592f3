/**
 * How therapists name interventions, mapped to the code each is billed under. A label in the note ("GT",
 * "ther ex", "NMR") tells whose minutes a number is. Stair training maps to 97116 because gait training
 * includes stair climbing (domain doc §1).
 */
import { asciiLower } from './lower';
import { PATTERNS, eachMatch, firstMatch } from './patterns';
import { firstMatchAt, scanWords, wordScannerOf } from './word-scan';

export interface InterventionLabel {
  code: string;
  pattern: RegExp;
  /** Short paraphrase for messages (never a CPT descriptor). */
  name: string;
}

export const INTERVENTION_LABELS: readonly InterventionLabel[] = [
  {
    code: '97116',
    pattern: PATTERNS.labelGait,
    name: 'gait training',
  },
  {
    code: '97110',
    pattern: PATTERNS.labelTherEx,
    name: 'therapeutic exercise',
  },
  {
    code: '97112',
    pattern: PATTERNS.labelNeuroReEd,
    name: 'neuromuscular re-education',
  },
  {
    code: '97140',
    pattern: PATTERNS.labelManual,
    name: 'manual therapy',
  },
  {
    code: '97530',
    pattern: PATTERNS.labelTherAct,
    name: 'therapeutic activities',
  },
  {
    code: '97535',
    pattern: PATTERNS.labelSelfCare,
    name: 'self-care training',
  },
  { code: '97035', pattern: PATTERNS.labelUltrasound, name: 'ultrasound' },
  { code: '97033', pattern: PATTERNS.labelIonto, name: 'iontophoresis' },
  { code: '97124', pattern: PATTERNS.labelMassage, name: 'massage' },
  { code: '97150', pattern: PATTERNS.labelGroup, name: 'group therapy' },
  {
    code: '97750',
    pattern: PATTERNS.labelPerformanceTest,
    name: 'physical performance test',
  },
  { code: '97760', pattern: PATTERNS.labelOrthotic, name: 'orthotic training' },
  { code: '97761', pattern: PATTERNS.labelProsthetic, name: 'prosthetic training' },
  {
    code: 'G0283',
    pattern: PATTERNS.labelEstimUnattended,
    name: 'unattended electrical stimulation',
  },
  {
    code: '97010',
    pattern: PATTERNS.labelHotCold,
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

/** codeInText (case-sensitive) matches "9dddd" or "G0ddd" only. */
function mayHoldCode(text: string): boolean {
  return text.includes('9') || text.includes('G0');
}

const LABEL_SCANNER = wordScannerOf(INTERVENTION_LABELS.map((entry) => entry.pattern));

/**
 * The intervention named last in a short label (the one closest to the number that follows it). A code
 * written in the label ("(97116)") wins over a name. Among names, the match that ends last wins; on a tie,
 * the entry listed first in INTERVENTION_LABELS.
 */
export function lastInterventionIn(label: string): LabelMatch | undefined {
  let bestCode: LabelMatch | undefined;
  if (mayHoldCode(label))
    eachMatch(PATTERNS.codeInText, label, (m) => {
      bestCode = { code: m[0], index: m.index, end: m.index + m[0].length };
    });
  if (bestCode) return bestCode;
  // Each entry's matches end later and later, so the match that ends last overall is the last of its
  // entry, and on a tie the lower entry keeps it: one pass needs no per-entry record.
  let bestEntry = -1;
  let bestStart = 0;
  let bestEnd = -1;
  scanWords(LABEL_SCANNER, asciiLower(label), (i, start, end) => {
    if (end > bestEnd || (end === bestEnd && i < bestEntry)) {
      bestEntry = i;
      bestStart = start;
      bestEnd = end;
    }
    return true;
  });
  const entry = INTERVENTION_LABELS[bestEntry];
  return entry && { code: entry.code, index: bestStart, end: bestEnd };
}

/** The intervention that the text starts with, if any ("gait training" in "gait training with FWW"). */
export function leadingIntervention(text: string): LabelMatch | undefined {
  const code = mayHoldCode(text) ? firstMatch(PATTERNS.codeInText, text) : null;
  if (code?.index === 0) return { code: code[0], index: 0, end: code[0].length };
  const first = firstMatchAt(LABEL_SCANNER, asciiLower(text), 0);
  if (!first) return undefined;
  const entry = INTERVENTION_LABELS[first.pattern];
  return entry && { code: entry.code, index: 0, end: first.end };
}
