/**
 * How therapists name interventions, mapped to the code each is billed under. A label in the note ("GT",
 * "ther ex", "NMR") tells whose minutes a number is. Stair training maps to 97116 because gait training
 * includes stair climbing (domain doc §1).
 */
import { PATTERNS, eachMatch, firstMatch } from './patterns';

export interface InterventionLabel {
  code: string;
  pattern: RegExp;
  /** Short paraphrase for messages (never a CPT descriptor). */
  name: string;
  /**
   * Every match of `pattern` contains one of these, lower-cased. The label patterns carry `i` without `u`,
   * which folds ASCII letters onto ASCII letters only, so a text whose toLowerCase() holds none of them
   * cannot match, and the pattern is skipped.
   */
  needs: readonly string[];
}

export const INTERVENTION_LABELS: readonly InterventionLabel[] = [
  {
    code: '97116',
    pattern: PATTERNS.labelGait,
    name: 'gait training',
    needs: ['gait', 'gt', 'amb', 'stair'],
  },
  {
    code: '97110',
    pattern: PATTERNS.labelTherEx,
    name: 'therapeutic exercise',
    needs: ['ther', 'te', 'exercise', 'strengthening'],
  },
  {
    code: '97112',
    pattern: PATTERNS.labelNeuroReEd,
    name: 'neuromuscular re-education',
    needs: ['neuro', 'nmr', 'balance'],
  },
  {
    code: '97140',
    pattern: PATTERNS.labelManual,
    name: 'manual therapy',
    needs: ['manual', 'mt', 'mob', 'stm'],
  },
  {
    code: '97530',
    pattern: PATTERNS.labelTherAct,
    name: 'therapeutic activities',
    needs: ['ther', 'ta', 'functional', 'transfer'],
  },
  {
    code: '97535',
    pattern: PATTERNS.labelSelfCare,
    name: 'self-care training',
    needs: ['care', 'adl', 'home'],
  },
  { code: '97035', pattern: PATTERNS.labelUltrasound, name: 'ultrasound', needs: ['ultra'] },
  { code: '97033', pattern: PATTERNS.labelIonto, name: 'iontophoresis', needs: ['ionto'] },
  { code: '97124', pattern: PATTERNS.labelMassage, name: 'massage', needs: ['massage'] },
  { code: '97150', pattern: PATTERNS.labelGroup, name: 'group therapy', needs: ['group'] },
  {
    code: '97750',
    pattern: PATTERNS.labelPerformanceTest,
    name: 'physical performance test',
    needs: ['performance'],
  },
  { code: '97760', pattern: PATTERNS.labelOrthotic, name: 'orthotic training', needs: ['orthotic'] },
  { code: '97761', pattern: PATTERNS.labelProsthetic, name: 'prosthetic training', needs: ['prosthetic'] },
  {
    code: 'G0283',
    pattern: PATTERNS.labelEstimUnattended,
    name: 'unattended electrical stimulation',
    needs: ['stim'],
  },
  {
    code: '97010',
    pattern: PATTERNS.labelHotCold,
    name: 'hot or cold packs',
    needs: ['pack', 'heat', 'cryotherapy'],
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

function mayName(entry: InterventionLabel, lower: string): boolean {
  for (const word of entry.needs) if (lower.includes(word)) return true;
  return false;
}

/**
 * The intervention named last in a short label (the one closest to the number that follows it). A code
 * written in the label ("(97116)") wins over a name.
 */
export function lastInterventionIn(label: string): LabelMatch | undefined {
  let bestCode: LabelMatch | undefined;
  if (mayHoldCode(label))
    eachMatch(PATTERNS.codeInText, label, (m) => {
      bestCode = { code: m[0], index: m.index, end: m.index + m[0].length };
    });
  if (bestCode) return bestCode;
  const lower = label.toLowerCase();
  let best: LabelMatch | undefined;
  for (const entry of INTERVENTION_LABELS) {
    if (!mayName(entry, lower)) continue;
    eachMatch(entry.pattern, label, (m) => {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { code: entry.code, index: m.index, end };
    });
  }
  return best;
}

/** The intervention that the text starts with, if any ("gait training" in "gait training with FWW"). */
export function leadingIntervention(text: string): LabelMatch | undefined {
  const code = mayHoldCode(text) ? firstMatch(PATTERNS.codeInText, text) : null;
  if (code?.index === 0) return { code: code[0], index: 0, end: code[0].length };
  const lower = text.toLowerCase();
  for (const entry of INTERVENTION_LABELS) {
    if (!mayName(entry, lower)) continue;
    const m = firstMatch(entry.pattern, text);
    if (m?.index === 0) return { code: entry.code, index: 0, end: m[0].length };
  }
  return undefined;
}
