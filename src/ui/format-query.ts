/**
 * A provider query for the therapist, following the AHIMA/ACDIS compliant-query practice (domain doc §10):
 * only the findings the therapist can settle (skill, prognosis, group, minutes, missing details), each
 * citing the note's own words, each asked open-ended or as multiple choice with "other" and "unable to
 * determine", never leading to an answer and never naming codes, units, payment or any coding consequence.
 * Coder-side edits (GP, CQ, MUE, NCCI, units from minutes) are the coder's to make and are left out.
 * It reaches the clipboard only at the coder's click.
 */
import type { Finding, RuleId } from '../engine/model';

export interface QueryContext {
  /** As the page shows them; the query says when the page did not show them. */
  dateOfService?: string;
  encounterId?: string;
}

interface Question {
  ask: string;
  /** Multiple-choice answers; "Other" and "Unable to determine" are always added. Open-ended without. */
  choices?: string[];
}

/**
 * One question per rule the therapist settles (the engine's THERAPIST_RULES, which a unit test holds equal):
 * a rule is asked about exactly when it is here, so the pages that format the query need not load the
 * engine's claim module, and with it the note analysis, to tell.
 */
const QUESTIONS: Partial<Record<RuleId, Question>> = {
  'repetitive-walking': {
    ask: 'Please describe the gait training provided in this session.',
    choices: [
      'Therapist-directed intervention was provided (please describe what the therapist did)',
      'Walking practice without therapist-directed intervention',
    ],
  },
  'no-improvement-expected': {
    ask: "Please clarify the patient's expected course for walking.",
    choices: [
      'Improvement in walking is expected (please describe)',
      'A maintenance program requiring a therapist is needed (please describe why)',
      'A maintenance program not requiring a therapist is appropriate',
    ],
  },
  'group-session': {
    ask: 'Please clarify how the gait training in this session was delivered.',
    choices: [
      'One-on-one with this patient for the whole time',
      'With two or more patients at the same time',
      'Partly one-on-one and partly with other patients (please give the minutes of each)',
    ],
  },
  'minutes-not-documented': {
    ask: 'Please state the minutes of gait training and the total minutes of timed treatment for this session.',
  },
  'documentation-incomplete': {
    ask: 'Please add any details of the gait training session not yet recorded (for example the level of assistance, the deviations addressed, the cues given, the distance and the device).',
  },
  'motion-analysis': {
    ask: 'Please describe the gait assessment documented in this session.',
    choices: [
      'A study in a motion-analysis laboratory (please describe the equipment and measures)',
      'An observational gait assessment',
    ],
  },
  'stairs-billed-separately': {
    ask: 'Please state within which activity the stair training was provided, and for how many minutes.',
  },
};

function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The findings a query would carry: the therapist's, each with the question for its rule. */
export function queryableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => QUESTIONS[finding.rule] !== undefined);
}

export function formatQuery(findings: readonly Finding[], context: QueryContext = {}): string {
  const clinical = queryableFindings(findings);
  if (clinical.length === 0)
    return 'GaitGuard: no clinical documentation question for the therapist on this note.';
  const lines: string[] = [
    'Documentation clarification: gait training',
    `Date of service: ${context.dateOfService ?? 'not shown on the page'}`,
    `Encounter: ${context.encounterId ?? 'not shown on the page'}`,
    '',
  ];
  clinical.forEach((finding, index) => {
    const question = QUESTIONS[finding.rule];
    if (!question) return;
    lines.push(`${index + 1}. ${question.ask}`);
    const quotes = finding.evidence.flatMap((e) => (e.kind === 'note' && e.quote.trim() ? [e.quote] : []));
    for (const quote of quotes.slice(0, 3)) lines.push(`   The note reads: "${quoteOf(quote)}"`);
    if (question.choices) {
      for (const choice of [...question.choices, 'Other (please specify)', 'Unable to determine'])
        lines.push(`   [ ] ${choice}`);
    } else {
      lines.push('   Answer:');
    }
    lines.push('');
  });
  lines.push('Please answer from your clinical judgement and amend the note as appropriate.');
  return lines.join('\n');
}
