/**
 * What notes say, as data: each whole-note concept is one entry with its
 * pattern and a few examples, each example being one whole match as therapists write it. A new cue is a new
 * entry here; analyzeNotes finds every concept's mentions and the rules read them by name.
 *
 * Patterns are plain regular expressions with the `g` flag (every match in the note is wanted) and usually
 * `i`. They run over whole notes that a hostile page controls, so each must be linear-time: bounded
 * repetition wherever blanks or free text are skipped, no nested quantifiers. concepts.test.ts checks every
 * entry with recheck and against its examples.
 */

export interface NotePattern {
  readonly pattern: RegExp;
  /** Whole matches as they appear in notes; the unit test checks the pattern finds each exactly. */
  readonly examples: readonly string[];
  /**
   * Optional, only where speed needs it: lower-case pieces of text of which every match holds at least one.
   * A note holding none of them is not searched, which spares a whole pass over the many notes that never
   * mention the concept. concepts.test.ts checks the examples and every match in the test notes.
   */
  readonly triggers?: readonly string[];
}

/** Whether an entry can match in a note whose lower-cased text is `lower`: it has a trigger there, or none. */
export function mayMatch(entry: NotePattern, lower: string): boolean {
  return entry.triggers === undefined || entry.triggers.some((piece) => lower.includes(piece));
}

export const CONCEPTS = {
  /**
   * Any mention of walking: marks a sentence as being about gait. Terse notes open the gait entry with its
   * code alone at the head of a line ("97116 x2 (27 min): FWW, CGA, 100' x 3").
   */
  gaitTerm: {
    pattern:
      /\b(?:gait|amb|ambulated|ambulation|ambulating|ambulates|ambulate|walk|walked|walking|walks|gt|treadmill|stairs|stair)\b|\b97116(?<=(?:^|\n)[ \t|*•-]{0,8}97116)\b/gi,
    examples: ['Gait', 'amb', 'ambulated', 'walking', 'treadmill', '97116'],
  },
  /** A gait deviation observed or addressed. */
  deviation: {
    pattern:
      /\b(?:step[ -]length|stride(?:[ -]length)?|heel[ -](?:strike|contact)|toe[ -](?:off|clearance)|foot[ -]clearance|trendelenburg|circumduct(?:ion|ing|s)?|shuffl(?:e|ing|ed)|freezing|antalgic|steppage|foot drop|drop foot|genu recurvatum|knee hyperextension|trunk lean|lateral lean|base of support|cadence|asymmetr(?:y|ic|ical)|step[ -]to|step[ -]through|reciprocal|arm swing|hip hik(?:e|ing)|vaulting|scissor(?:ing)?|festinat(?:ion|ing)|veer(?:s|ing|ed)?|deviations?|limp(?:s|ing)?|wide[ -]based|narrow[ -]based|stance phase|swing phase|push[ -]off|gait pattern|weight[ -]shift(?:ing)?)\b/gi,
    examples: ['step length', 'heel strike', 'Trendelenburg', 'circumduction', 'antalgic', 'step-to'],
  },
  /** Cues given: verbal, tactile, demonstration, feedback. */
  cue: {
    pattern:
      /\b(?:vcs?|v\/c|tcs?|t\/c|verbal|verbally|tactile|tactilely|cues?|cued|cueing|cuing|prompts?|prompting|prompted|demonstration|demonstrated|feedback|metronome|auditory)\b/gi,
    examples: ['VC', 'v/c', 'TCs', 'verbal', 'cues', 'metronome'],
  },
  /** Training that needs a therapist: facilitation, instruction, progression, harder surfaces and tasks. */
  skilledTraining: {
    pattern:
      /\b(?:facilitat(?:e|ed|ion|ing)|handling|manual (?:assist|guidance)|pelvic (?:guidance|facilitation)|sequenc(?:e|ing)|instruct(?:ed|ion|ions|ing)|educat(?:ed|ion|ing)|pacing|progress(?:ed|ion)|regress(?:ed|ion)|obstacles?|dual[ -]task(?:ing)?|turns|turning|backward|retro walking|sidestepping|side stepping|tandem|head turns|curbs?|ramps?|uneven|grass|gravel|incline|community distances?|stairs?|step[ -]ups?|fitted|fitting|adjusted|device (?:training|selection)|ad training|safety training|parallel bars|weight[ -]bearing (?:progression|training))\b/gi,
    examples: ['facilitation', 'pelvic guidance', 'instructed', 'dual-task', 'uneven', 'device training'],
  },
  /** A standardised gait or balance measure. */
  objectiveMeasure: {
    pattern:
      /\b(?:tug|timed up and go|10[ -]?(?:m|meter|metre)[ -]?(?:walk|wt)|10mwt|6[ -]?min(?:ute)?[ -]?walk|6mwt|six[ -]minute walk|2[ -]?min(?:ute)?[ -]?walk|berg|bbs|dgi|dynamic gait index|fga|functional gait assessment|tinetti|poma|gait speed|gait velocity|m\/s)\b/gi,
    examples: ['TUG', '10 m walk', '10MWT', '6-minute walk', 'Berg', 'gait speed'],
  },
  /** Walking that reads as repetition or conditioning rather than training. */
  repetitive: {
    pattern:
      /\b(?:for (?:general )?(?:endurance|conditioning|stamina|activity tolerance|exercise)|walking program|walk(?:ed|ing)? (?:with|w\/) (?:an |the )?aide|laps?|in (?:the )?hall(?:way)?s?|to (?:and|&) from (?:the )?(?:gym|room|therapy|clinic|dining room|bathroom|car)|general conditioning|endurance walk(?:ing)?|walk(?:ed)? (?:around|about) (?:the )?(?:unit|gym|clinic|facility))\b/gi,
    examples: ['for endurance', 'walking program', 'walked with the aide', 'laps', 'in hallway'],
  },
  /** An assistive device or orthosis, or its absence. */
  device: {
    pattern:
      /\b(?:fww|rw|2ww|4ww|spc|lbqc|sbqc|qc|quad cane|canes?|crutch|crutches|walkers?|rollator|hemi[ -]?walker|assistive device|a\/d|afo|kafo|orthosis|brace|prosthesis|prosthetic|walking boot|cam boot|parallel bars|gait belt|no ad|without (?:an )?(?:ad|assistive device|device))\b/gi,
    examples: ['FWW', 'SPC', 'rollator', 'AFO', 'no AD', 'without an assistive device'],
  },
  /** The level of assistance. */
  assistance: {
    pattern:
      /\b(?:independent|independently|mod(?:ified)? (?:i|ind|independent)|supervision|supervised|sba|stand[ -]?by assist(?:ance)?|standby|cga|contact[ -]guard|(?:min|minimal|minimum|mod|moderate|max|maximal|maximum|total) (?:a|assist|assistance|asst)|mina|moda|maxa|\d (?:person|pers) assist|without assist(?:ance)?|dependent|assist x ?\d)\b/gi,
    examples: ['mod I', 'SBA', 'CGA', 'contact guard', 'min assist', '2 person assist'],
  },
  /** A distance walked. */
  distance: {
    pattern:
      /\b(?:\d{1,5}(?:[.,]\d{1,2})?[ \t]{0,2}(?:ft|feet|foot|m|meters?|metres?|yards?|yds?|blocks?|miles?|laps?)(?![A-Za-z])|\d{1,4}['’′](?![A-Za-z\d])|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred)[ -]){0,4}(?:ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[ \t]{1,2}(?:feet|foot|meters?|metres?|yards?)\b|household distances?|community distances?)/gi,
    examples: [
      '150 ft',
      '30 m',
      '2 blocks',
      "200'",
      'household distances',
      'one hundred fifty feet',
      'twenty yards',
    ],
  },
  /** Stairs, steps and curbs. */
  stairs: {
    pattern: /\b(?:stairs?|stair(?:case|well|s)|steps? (?:up|down)|curbs?|flights?|step[ -]ups?)\b/gi,
    examples: ['stairs', 'staircase', 'steps up', 'curb', 'step-ups'],
  },
  /** Walking not expected to improve: a plateau, poor potential, maximum benefit reached. */
  noImprovement: {
    pattern:
      /\b(?:plateau(?:ed|ing|s)?|(?:not|un)likely to (?:improve|progress|regain|benefit)|not expected to (?:improve|progress|regain|make (?:further |significant )?(?:gains|progress))|no (?:further |significant )?(?:improvement|progress|gains) (?:is |are )?(?:expected|anticipated)|poor (?:rehab(?:ilitation)? )?(?:potential|prognosis)|prognosis(?: is)?[: ]{1,3}poor|potential(?: is)?[: ]{1,3}poor|(?:reached|achieved) (?:his |her |their |the )?(?:maximum|max|maximal|full) (?:potential|benefit|functional potential|improvement)|limited (?:rehab(?:ilitation)? )?potential|(?:gains|improvement|progress)[a-z ]{0,40}? (?:is|are) not (?:anticipated|expected)|potential for [a-z ]{1,30}?[: ]{1,3}poor)\b/gi,
    examples: [
      'plateaued',
      'not expected to improve',
      'gains in ambulation are not anticipated',
      'improvement in her gait is not expected',
      'potential for gait: poor',
      'no further progress is expected',
      'poor rehab potential',
      'Prognosis: poor',
      'reached her maximum potential',
    ],
  },
  /** Why skilled care is still needed without improvement (Jimmo). */
  maintenance: {
    pattern:
      /\b(?:skilled maintenance|maintenance (?:program|therapy|plan|services?)|maintain (?:current|functional|her|his|their|safe)|prevent(?:ing)? (?:further )?(?:decline|deterioration|regression)|slow (?:the )?(?:decline|deterioration|progression)|(?:requires?|needs?|necessitates?) (?:the )?skills? of (?:a |the )?(?:qualified )?(?:physical )?therap(?:ist|y)|jimmo|medical complications?|(?:cannot|can not|can't|could not|unable to) be (?:safely )?(?:performed|carried out|done|provided) by (?:a |the )?(?:caregiver|aide|family|patient|non-skilled))\b/gi,
    examples: [
      'skilled maintenance',
      'prevent further decline',
      'requires the skills of a qualified physical therapist',
      'cannot be safely performed by a caregiver',
    ],
  },
  /** Two or more patients treated at once. */
  group: {
    pattern:
      /\b(?:group (?:session|therapy|treatment|tx|gait|class|setting|exercise|walk|walking)s?|in (?:a|the) group|(?:treated|seen|performed) concurrently|concurrent (?:treatment|therapy|session)|(?:with|alongside) (?:\d|one|two|three|four|five|another|other) (?:other )?(?:(?:part b|medicare) )?(?:patients|patient|pts)|\d (?:pts|patients) (?:at once|simultaneously|together))\b/gi,
    triggers: ['group', 'concurrent', 'patient', 'pts'],
    examples: [
      'group gait',
      'group class',
      'in a group',
      'seen concurrently',
      'with two other patients',
      '3 pts at once',
    ],
  },
  /** A laboratory motion-analysis study (96000-96004), not observational gait assessment. */
  motionAnalysis: {
    pattern:
      /\b(?:motion[ -]analysis|gait (?:lab|laboratory|analysis lab)|(?:3-?d|three[ -]dimensional) (?:kinematics?|kinetics|motion|gait)|kinematics?|force plates?|plantar pressures?|pedobarograph(?:y|ic)?|dynamic (?:surface |fine[ -]wire )?emg|(?:surface|fine[ -]wire) emg (?:during|while) (?:walking|gait|ambulation)|instrumented gait|computeri[sz]ed gait|vicon|motion capture|reflective markers)\b/gi,
    triggers: [
      'motion',
      'gait lab',
      'gait analysis lab',
      '3d',
      '3-d',
      'dimensional',
      'kinemat',
      'force plate',
      'plantar pressure',
      'pedobarograph',
      'emg',
      'instrumented gait',
      'computeri',
      'vicon',
      'reflective marker',
    ],
    examples: ['motion analysis', 'gait lab', '3-D kinematics', 'force plates', 'dynamic EMG'],
  },
  /**
   * A physical therapist assistant on this visit. No `i` flag: written in lower case, "pta" usually means
   * "prior to admission".
   */
  ptaProvider: {
    pattern:
      /(?:\b(?:by|with|from|per) (?:the |a |our )?(?:L?PTA|[Pp]hysical [Tt]herap(?:ist|y) [Aa]ssistant)\b|\b[Pp]hysical [Tt]herap(?:ist|y) [Aa]ssistant\b|,(?<=[A-Za-z.],) L?PTA\b|\bL?PTA(?: (?:then|also|alone|independently|subsequently|later|next))?(?::| provided| performed| treated| furnished| completed| administered| continued| led| did)|\bLPTA\b)/g,
    triggers: ['pta', 'physical therapist assistant', 'physical therapy assistant'],
    examples: [
      'by PTA',
      'with the physical therapist assistant',
      'PTA provided',
      'LPTA',
      'PTA then completed',
    ],
  },
  /**
   * The year's Medicare therapy amount as the page or note states it ("PT/SLP YTD: $2,615.40"): what the KX
   * threshold is judged on. Named as therapy (PT/SLP, therapy, KX), so a deductible or a patient's payments to
   * date are not taken for it.
   */
  therapyAmountToDate: {
    pattern:
      /\b(?:(?:pt\/slp|pt\/st|pt ?\+ ?slp|pt and slp|therapy|kx(?: threshold)?)[ \t]{1,3}(?:(?:amount|allowed|charges|total)[ \t]{1,3})?(?:ytd|year[ -]to[ -]date)|(?:ytd|year[ -]to[ -]date)[ \t]{1,3}(?:pt\/slp|pt\/st|pt ?\+ ?slp|therapy|physical therapy)(?:[ \t]{1,3}(?:amount|allowed|charges|total))?)[ \t]{0,3}[:=-]?[ \t]{0,3}\$[ \t]?(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,7})(?:\.\d{2})?(?![\d,])/gi,
    triggers: ['ytd', 'year-to-date', 'year to date'],
    examples: [
      'PT/SLP YTD: $2,615.40',
      'therapy amount year-to-date $2512',
      'KX threshold YTD $2,490.00',
      'YTD therapy charges: $1,980',
      'year to date PT/SLP allowed = $2,733.12',
    ],
  },
} as const satisfies Record<string, NotePattern>;

export type Concept = keyof typeof CONCEPTS;
export const CONCEPT_NAMES = Object.keys(CONCEPTS) as Concept[];
