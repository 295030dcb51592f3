/**
 * Every regular expression of the engine, in one registry, so one test can prove each is linear-time with
 * recheck. Rules of the house: bounded repetition wherever whitespace or free text is skipped, no nested
 * quantifiers, no alternation whose branches can match the same text under a repetition.
 * Modules never write a regex literal of their own; they take it from here.
 *
 * Patterns that scan whole notes (concepts, context cues, minutes) have no `i` flag: they run on the note
 * lower-cased once by asciiLower(), which is cheaper than case folding in every pass. Patterns that still
 * carry `i` run on short original-case snippets (labels, headings, cells); codeInText and ptaProvider are
 * case-sensitive on purpose and run on the original text.
 */

/** Whitespace inside a phrase (bounded so that skipping it stays linear). */
const SP = '[ \\t]{1,3}';

function re(source: string, flags: string): RegExp {
  return new RegExp(source, flags);
}

export const PATTERNS = {
  // ---- Layout -------------------------------------------------------------------------------------------
  /** A heading at the start of a line: "PLAN:", "O:", "Short-term goals:", "2. Assessment:". Sticky. */
  heading: /[ \t]{0,8}(?:\d{1,2}[.)][ \t]{1,3})?([A-Za-z][A-Za-z0-9/&'() -]{0,60}):/y,
  headingPlan:
    /\b(?:plan|plans|goals?|recommendations?|recommend|instructions|follow[ -]?up|disposition|poc|short[ -]term|long[ -]term|outcomes?|referrals?|orders?|hep|include|includes)\b/i,
  headingHistory:
    /\b(?:history|hpi|pmh|hx|subjective|complaints?|cc|reason|prior|plof|social|medications?|allergies|course|background|interim)\b/i,
  headingAssessment: /\b(?:assessment|impression|prognosis|diagnos[ie]s|problems?|summary)\b/i,
  headingTreatment:
    /\b(?:objective|treatment|treatments|interventions?|tx|procedures?|exam|examination|findings|gait|charges|billing|time|today|session|functional|mobility|ambulation|observations?|measures?)\b/i,
  /** Splits a table row into cells: a pipe, a tab, or a run of two or more spaces. */
  tableCellSplit: / {2,}|\t|\|/,
  tableMinutesHeader: /^(?:min|mins|minutes|min\.|time|time \(min\)|minutes spent|total min)$/i,
  /** The first word of every tableMinutesHeader cell: where, on the lower-cased note, a header cell can start. */
  tableMinutesHeaderStart: /\b(?:min|time|total)/g,
  tableLabelHeader:
    /^(?:interventions?|procedures?|treatments?|services?|activit(?:y|ies)|codes?|cpt|description|modalit(?:y|ies)|exercises?|billing code)$/i,
  bareNumber: /^(\d{1,3})(?:[ \t]{0,2}(?:min|mins|minutes|'))?$/i,

  // ---- Context ------------------------------------------------------------------------------------------
  planCue:
    /\b(?:will|plan|plans|planned|goals?|to be seen|is to|are to|recommend|recommends|recommended|should|next (?:visit|session|tx|time)|would benefit|may benefit|intend|intends|discuss|discussed|consider|considering|refer|referred|referral|order|ordered|schedule|scheduled|suggest|suggested|progress to|wants? to|would like|hope|hopes|expects? to|in order to)\b/,
  historyCue:
    /\b(?:history|hx|prior to|ago|previously|used to|last (?:week|month|year|visit|session|night)|yesterday|at home|states|stated|reports|reported|per (?:pt|patient)|denies|c\/o|complains|walked into|arrived|plof|since|before (?:the|her|his|this)|had been|was walking|when walking|while walking)\b/,
  negationCue:
    /\b(?:no|not|denies|denied|without|negative for|never|none|nor|absent|r\/o|rule out|isn't|hasn't|wasn't|didn't|doesn't|non|free of)\b/g,
  contrastCue: /\b(?:but|however|although|though|yet)\b/,
  conditionalCue: /\b(?:if|unless|until|prevent|preventing|avoid|avoiding|whether|risk of)\b/,

  // ---- Minutes ------------------------------------------------------------------------------------------
  /** "23 min", "15'", "8-10 minutes", "27 mins". The label before it says whose minutes they are. */
  minuteQuantity:
    /\b(\d{1,3})(?:[ \t]{0,2}(?:-|–|to)[ \t]{0,2}(\d{1,3}))?[ \t]{0,2}(minutes|minute|mins|min|mn|['’′])(?![A-Za-z])/g,
  /** A plan for future visits ("3x/week", "will continue") in the sentence of a minute figure. */
  minutesPlanCue:
    /\b(?:will|plan|plans|planned|goals?|to be seen|is to|are to|next (?:visit|session)|recommend|recommended|\d ?x ?\/ ?(?:wk|week)|\d ?x ?(?:a|per) (?:wk|week)|per week|times (?:a|per) week)\b/i,
  /** Between an intervention and a number: the minutes are a rest, not the intervention. */
  labelRestBreak: /\b(?:rest|rests|break|breaks|pause|seated|sitting)\b/i,
  labelIsTotalTimed: /\b(?:timed|time[ -]based|1:1)\b/i,
  labelIsTotal: /\b(?:total|session|visit)\b/i,
  /** "Total timed minutes: 47", "timed code minutes = 47", "total timed treatment time 47". */
  totalTimedBefore: re(
    `\\b(?:total${SP})?(?:timed${SP}(?:code${SP})?(?:treatment${SP})?|time[ -]based${SP}|1:1${SP}timed${SP})(?:minutes|mins|min|time)\\b[ \\t]{0,2}(?:[:=\\-–]|was|were|of)?[ \\t]{0,2}(\\d{1,3})`,
    'g',
  ),
  /** "47 total timed minutes", "47 timed min". */
  totalTimedAfter: re(
    `\\b(\\d{1,3})[ \\t]{0,2}(?:total${SP})?timed${SP}(?:code${SP})?(?:minutes|mins|min)\\b`,
    'g',
  ),
  /** "total treatment time 50 min", "Total time: 50", "total session minutes 50". */
  totalTreatmentBefore: re(
    `\\btotal${SP}(?:(?:treatment|tx|session|visit|therapy|billable|treatment session)${SP})?(?:time|minutes|mins|min)\\b[ \\t]{0,2}(?:[:=\\-–]|was|of)?[ \\t]{0,2}(\\d{1,3})`,
    'g',
  ),
  /** "time in 9:05 / time out 9:50", "Time In: 0905 ... Time Out: 0950". */
  timeInOut:
    /\btime[ \t]{0,2}in[ \t]{0,2}[:-]?[ \t]{0,2}(\d{1,2}):?(\d{2})[ \t]{0,2}([ap])?\.?m?\.?[^\n\d]{0,24}?time[ \t]{0,2}out[ \t]{0,2}[:-]?[ \t]{0,2}(\d{1,2}):?(\d{2})[ \t]{0,2}([ap])?/g,
  /** A CPT/HCPCS code written in the note. */
  codeInText: /\b(?:9[0-9]{4}|G0[0-9]{3})\b/g,
  /** "of gait training" after a quantity ("23 minutes of gait training"). */
  ofAfterQuantity: /^[ \t]{0,2}(?:of|in|for)[ \t]{1,3}/i,

  // Intervention names as therapists write them, each mapped to its code in lexicon.ts.
  labelGait: re(
    `\\b(?:gait(?:[ \\t/&-]{1,3}(?:and${SP})?(?:stairs?${SP}|stair${SP})?(?:training|trng|trg|train|tr\\b))?|gt|ambulation${SP}training|amb${SP}training|stairs?${SP}(?:training|negotiation|trng))\\b`,
    'gi',
  ),
  labelTherEx: re(
    `\\b(?:ther(?:apeutic)?[ .-]{0,2}ex(?:ercises?)?|therex|te|exercises?|strengthening)\\b`,
    'gi',
  ),
  labelNeuroReEd: re(
    `\\b(?:neuro(?:muscular)?[ -]{0,2}re[ -]{0,2}ed(?:ucation)?|nmr|nmre|neuro${SP}re-?ed|balance${SP}training)\\b`,
    'gi',
  ),
  labelManual: re(
    `\\b(?:manual${SP}therapy|manual|mt|joint${SP}mob(?:ilizations?|s)?|soft${SP}tissue${SP}mob(?:ilization)?|stm)\\b`,
    'gi',
  ),
  labelTherAct: re(
    `\\b(?:ther(?:apeutic)?[ .-]{0,2}act(?:ivity|ivities|s)?|ta|functional${SP}(?:activities|training)|transfer${SP}training)\\b`,
    'gi',
  ),
  labelSelfCare: re(`\\b(?:self[ -]care|adl${SP}training|home${SP}management)\\b`, 'gi'),
  labelUltrasound: /\b(?:ultrasound|ultra-sound)\b/gi,
  labelIonto: /\b(?:iontophoresis|ionto)\b/gi,
  labelMassage: /\bmassage\b/gi,
  labelGroup: re(`\\bgroup(?:${SP}(?:therapy|session|tx|exercise))?\\b`, 'gi'),
  labelPerformanceTest: re(`\\bphysical${SP}performance${SP}test(?:ing)?\\b`, 'gi'),
  labelOrthotic: re(`\\borthotic${SP}(?:management|training|fitting)\\b`, 'gi'),
  labelProsthetic: re(`\\bprosthetic${SP}(?:training|management)\\b`, 'gi'),
  labelEstimUnattended: /\b(?:unattended[ \t]{1,3})?e[ -]?stim(?:ulation)?\b/gi,
  labelHotCold: re(`\\b(?:hot${SP}packs?|cold${SP}packs?|moist${SP}heat|cryotherapy)\\b`, 'gi'),

  // ---- Gait language ------------------------------------------------------------------------------------
  /** Any mention of walking: marks a sentence as being about gait. */
  gaitTerm:
    /\b(?:gait|amb|ambulated|ambulation|ambulating|ambulates|ambulate|walk|walked|walking|walks|gt|treadmill|stairs|stair)\b/g,
  deviation:
    /\b(?:step[ -]length|stride(?:[ -]length)?|heel[ -](?:strike|contact)|toe[ -](?:off|clearance)|foot[ -]clearance|trendelenburg|circumduct(?:ion|ing|s)?|shuffl(?:e|ing|ed)|freezing|antalgic|steppage|foot drop|drop foot|genu recurvatum|knee hyperextension|trunk lean|lateral lean|base of support|cadence|asymmetr(?:y|ic|ical)|step[ -]to|step[ -]through|reciprocal|arm swing|hip hik(?:e|ing)|vaulting|scissor(?:ing)?|festinat(?:ion|ing)|veer(?:s|ing|ed)?|deviations?|limp(?:s|ing)?|wide[ -]based|narrow[ -]based|stance phase|swing phase|push[ -]off|gait pattern|weight[ -]shift(?:ing)?)\b/g,
  cue: /\b(?:vcs?|v\/c|tcs?|t\/c|verbal|verbally|tactile|tactilely|cues?|cued|cueing|cuing|prompts?|prompting|prompted|demonstration|demonstrated|feedback|metronome|auditory)\b/g,
  skilledTraining:
    /\b(?:facilitat(?:e|ed|ion|ing)|handling|manual (?:assist|guidance)|pelvic (?:guidance|facilitation)|sequenc(?:e|ing)|instruct(?:ed|ion|ions|ing)|educat(?:ed|ion|ing)|pacing|progress(?:ed|ion)|regress(?:ed|ion)|obstacles?|dual[ -]task(?:ing)?|turns|turning|backward|retro walking|sidestepping|side stepping|tandem|head turns|curbs?|ramps?|uneven|grass|gravel|incline|community distances?|stairs?|step[ -]ups?|fitted|fitting|adjusted|device (?:training|selection)|ad training|safety training|parallel bars|weight[ -]bearing (?:progression|training))\b/g,
  objectiveMeasure:
    /\b(?:tug|timed up and go|10[ -]?(?:m|meter|metre)[ -]?(?:walk|wt)|10mwt|6[ -]?min(?:ute)?[ -]?walk|6mwt|six[ -]minute walk|2[ -]?min(?:ute)?[ -]?walk|berg|bbs|dgi|dynamic gait index|fga|functional gait assessment|tinetti|poma|gait speed|gait velocity|m\/s)\b/g,
  repetitive:
    /\b(?:for (?:general )?(?:endurance|conditioning|stamina|activity tolerance|exercise)|walking program|walk(?:ed|ing)? (?:with|w\/) (?:an |the )?aide|laps?|in (?:the )?hall(?:way)?s?|to (?:and|&) from (?:the )?(?:gym|room|therapy|clinic|dining room|bathroom|car)|general conditioning|endurance walk(?:ing)?|walk(?:ed)? (?:around|about) (?:the )?(?:unit|gym|clinic|facility))\b/g,
  device:
    /\b(?:fww|rw|2ww|4ww|spc|lbqc|sbqc|qc|quad cane|canes?|crutch|crutches|walkers?|rollator|hemi[ -]?walker|assistive device|a\/d|afo|kafo|orthosis|brace|prosthesis|prosthetic|walking boot|cam boot|parallel bars|gait belt|no ad|without (?:an )?(?:ad|assistive device|device))\b/g,
  assistance:
    /\b(?:independent|independently|mod(?:ified)? (?:i|ind|independent)|supervision|supervised|sba|stand[ -]?by assist(?:ance)?|standby|cga|contact[ -]guard|(?:min|minimal|minimum|mod|moderate|max|maximal|maximum|total) (?:a|assist|assistance|asst)|mina|moda|maxa|\d (?:person|pers) assist|without assist(?:ance)?|dependent|assist x ?\d)\b/g,
  distance:
    /\b(?:\d{1,5}(?:[.,]\d{1,2})?[ \t]{0,2}(?:ft|feet|foot|m|meters?|metres?|yards?|yds?|blocks?|miles?|laps?)(?![A-Za-z])|\d{1,4}['’′](?![A-Za-z\d])|household distances?|community distances?)/g,
  stairs: /\b(?:stairs?|stair(?:case|well|s)|steps? (?:up|down)|curbs?|flights?|step[ -]ups?)\b/g,
  noImprovement:
    /\b(?:plateau(?:ed|ing|s)?|(?:not|un)likely to (?:improve|progress|regain|benefit)|not expected to (?:improve|progress|regain|make (?:further |significant )?(?:gains|progress))|no (?:further |significant )?(?:improvement|progress|gains) (?:is |are )?(?:expected|anticipated)|poor (?:rehab(?:ilitation)? )?(?:potential|prognosis)|prognosis(?: is)?[: ]{1,3}poor|potential(?: is)?[: ]{1,3}poor|(?:reached|achieved) (?:his |her |their |the )?(?:maximum|max|maximal|full) (?:potential|benefit|functional potential|improvement)|limited (?:rehab(?:ilitation)? )?potential)\b/g,
  /** Words that make "plateau" anatomy rather than progress ("tibial plateau fracture"). */
  plateauAnatomy:
    /\b(?:tibial?|tibia|femoral|femur|condyles?|condylar|fracture|fx|medial|lateral|knee|bone|bony|articular|plafond|schatzker)\b/i,
  maintenance:
    /\b(?:skilled maintenance|maintenance (?:program|therapy|plan|services?)|maintain (?:current|functional|her|his|their|safe)|prevent(?:ing)? (?:further )?(?:decline|deterioration|regression)|slow (?:the )?(?:decline|deterioration|progression)|(?:requires?|needs?|necessitates?) (?:the )?skills? of (?:a |the )?(?:qualified )?(?:physical )?therap(?:ist|y)|jimmo|medical complications?|(?:cannot|can not|can't|could not|unable to) be (?:safely )?(?:performed|carried out|done|provided) by (?:a |the )?(?:caregiver|aide|family|patient|non-skilled))\b/g,
  group:
    /\b(?:group (?:session|therapy|treatment|tx|gait|class|setting|exercise|walk|walking)s?|in (?:a|the) group|(?:treated|seen|performed) concurrently|concurrent (?:treatment|therapy|session)|(?:with|alongside) (?:\d|two|three|four|five|another|other) (?:other )?(?:patients|patient|pts)|\d (?:pts|patients) (?:at once|simultaneously|together))\b/g,
  motionAnalysis:
    /\b(?:motion[ -]analysis|gait (?:lab|laboratory|analysis lab)|(?:3-?d|three[ -]dimensional) (?:kinematics?|kinetics|motion|gait)|kinematics?|force plates?|plantar pressures?|pedobarograph(?:y|ic)?|dynamic (?:surface |fine[ -]wire )?emg|(?:surface|fine[ -]wire) emg (?:during|while) (?:walking|gait|ambulation)|instrumented gait|computeri[sz]ed gait|vicon|motion capture|reflective markers)\b/g,
  /** A physical therapist assistant on this visit. Case-sensitive: "PTA" also means "prior to admission". */
  ptaProvider:
    /(?:\b(?:by|with|from|per) (?:the |a |our )?(?:L?PTA|[Pp]hysical [Tt]herap(?:ist|y) [Aa]ssistant)\b|\b[Pp]hysical [Tt]herap(?:ist|y) [Aa]ssistant\b|(?<=[A-Za-z.]), L?PTA\b|\bL?PTA(?::| provided| performed| treated| furnished| completed| administered)|\bLPTA\b)/g,
  /**
   * On the lower-cased note: a word that every ptaProvider match holds at a word start ("PTA", "LPTA" or the
   * "assistant" of "physical therapist assistant"). A note without one skips the PTA pass.
   */
  ptaWord: /\b(?:l?pta|assistant)/g,
  /**
   * Past-tense attribution of today's care, before a PTA mention in the same sentence ("Treatment provided
   * by J. Okafor, PTA"). Runs on lower-cased text.
   */
  ptaFurnishedCue:
    /\b(?:provided|performed|furnished|completed|administered|rendered|delivered|treated|seen|treatment by|tx by|session by)\b/,
  /** Words that make a PTA mention a future visit rather than today's ("PTA to follow up next week"). */
  ptaFutureCue:
    /\b(?:will|follow[ -]?up|next (?:week|visit|session|tx|time)|tomorrow|to be seen|to see|to continue|to treat|scheduled)\b/,
  /** A signature line by a PTA: "J. Okafor, PTA", "Signed: Jane Doe, LPTA". Case-sensitive, from the line start. */
  ptaSignatureLine:
    /^[ \t]{0,8}(?:(?:[Ee]lectronically )?[Ss]igned(?: by)?:?[ \t]{1,3}|(?:[Tt]reating )?[Tt]herapist:?[ \t]{1,3})?[A-Z][a-z]{0,20}\.?[ \t]{1,3}(?:[A-Z]\.[ \t]{1,3})?[A-Z][A-Za-z'-]{1,30}, L?PTA\b/,
  sentenceCodeMention: /\b97116\b/g,

  whitespaceRun: /\s+/g,

  // ---- Charge lists (CLI) -------------------------------------------------------------------------------
  chargeCode: /^[0-9A-Z]{5}$/,
  chargeUnits: /^\d{1,3}$/,
  chargeModifier: /^[0-9A-Z]{2}$/,
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
} as const satisfies Record<string, RegExp>;

/**
 * The concepts that the scan of analyze.ts finds on the lower-cased note. ptaProvider is left out: it is
 * case-sensitive and runs on the original text, where the scan met a PTA word (ptaWord).
 */
export const SCANNED_CONCEPTS = [
  'motionAnalysis',
  'maintenance',
  'noImprovement',
  'group',
  'repetitive',
  'objectiveMeasure',
  'stairs',
  'deviation',
  'skilledTraining',
  'device',
  'assistance',
  'cue',
  'distance',
  'gaitTerm',
] as const satisfies readonly (keyof typeof PATTERNS)[];

export type PatternName = keyof typeof PATTERNS;

/**
 * Visits every match of a global pattern in `text` without the copy of the pattern that matchAll makes on
 * each call; `visit` returns false to stop. lastIndex is back at 0 afterwards, because matchAll elsewhere
 * starts from it.
 */
export function eachMatch(
  pattern: RegExp,
  text: string,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (visit(m) === false) return;
      // An empty match would leave lastIndex where it is; step past it as matchAll does.
      if (m[0] === '') pattern.lastIndex++;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

/** The first match of a global pattern, leaving lastIndex at 0. */
export function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m;
}

/** A fresh copy of a global pattern, so callers never share lastIndex state. */
export function fresh(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags);
}
