/**
 * The engine's other regular expressions: headings, context cues, label words and charge-list
 * syntax. They run on short windows of a note (a heading, a sentence around a mention, a label) or on short
 * strings; like the concepts, each must be linear-time (patterns.test.ts checks them with recheck).
 * Whole-note concepts and minute forms are in concepts.ts.
 */
export const PATTERNS = {
  // ---- Layout -------------------------------------------------------------------------------------------
  /** A heading at the start of a line: "PLAN:", "O:", "Short-term goals:", "2. Assessment:". Sticky. */
  heading: /[ \t]{0,8}(?:\d{1,2}[.)][ \t]{1,3})?([A-Za-z][A-Za-z0-9/&'() -]{0,60}):/y,
  /**
   * A line that holds only a section name, with no colon ("Interventions", "ASSESSMENT"), as WebPT-style
   * and printed notes set them above a table or paragraph. Only the main section names: a flowsheet's
   * field labels also sit alone on their lines, with their values under them. Sticky.
   */
  headingAlone:
    /[ \t]{0,8}(?:\d{1,2}[.)][ \t]{1,3})?((?:subjective|objective|assessment|plan(?: of care)?|interventions?|treatments?|procedures?|history|impression)(?:[ \t]{1,3}(?:performed|provided|today))?)[ \t]{0,8}(?=\r?\n|$)/iy,
  headingPlan:
    /\b(?:plan|plans|goals?|recommendations?|recommend|instructions|follow[ -]?up|disposition|poc|short[ -]term|long[ -]term|outcomes?|referrals?|orders?|hep|include|includes)\b/i,
  /**
   * A flowsheet field that records what was done today about a plan item ("Goals Addressed This Session",
   * "HEP Reviewed", "HEP compliance"): a field label with its value, not a plan heading. "Goals to be
   * completed in 3 weeks" is still the plan.
   */
  fieldLabelDone:
    /(?<!\bto[ \t]{1,3}be[ \t]{1,3})\b(?:addressed|reviewed|met|updated|issued|performed|progressed|compliance|adherence|status|checked|completed|worked[ \t]{1,3}on)\b/i,
  headingHistory:
    /\b(?:history|hpi|pmh|hx|subjective|complaints?|cc|reason|prior|plof|social|medications?|allergies|course|background|interim)\b/i,
  headingAssessment: /\b(?:assessment|impression|prognosis|diagnos[ie]s|problems?|summary)\b/i,
  headingTreatment:
    /\b(?:objective|treatment|treatments|interventions?|tx|procedures?|exam|examination|findings|gait|charges|billing|time|today|session|functional|mobility|ambulation|observations?|measures?)\b/i,

  // ---- Context (on the sentence window around a mention) ------------------------------------------------
  planCue:
    /\b(?:will|plan|plans|planned|goals?|to be seen|is to|are to|recommend|recommends|recommended|should|next (?:visit|session|tx|time)|would benefit|may benefit|intend|intends|discuss|discussed|consider|considering|refer|referred|referral|order|ordered|schedule|scheduled|suggest|suggested|progress to|wants? to|would like|hope|hopes|expects? to|in order to)\b/i,
  historyCue:
    /\b(?:history|hx|prior to|ago|previously|used to|last (?:week|month|year|visit|session|night)|yesterday|at home|states|stated|reports|reported|per (?:pt|patient)|denies|c\/o|complains|walked into|arrived|plof|since|before (?:the|her|his|this)|had been|was walking|when walking|while walking)\b/i,
  negationCue:
    /\b(?:no|not|denies|denied|without|negative for|never|none|nor|absent|r\/o|rule out|isn't|hasn't|wasn't|didn't|doesn't|non|free of)\b/gi,
  contrastCue: /\b(?:but|however|although|though|yet)\b/i,
  conditionalCue: /\b(?:if|unless|until|prevent|preventing|avoid|avoiding|whether|risk of)\b/i,

  /**
   * A sentence that starts as an activity's entry with its own minutes ("Bike 10 min", "NuStep 8'",
   * "Then 23 min"): up to three words, then the minutes. Run on a sentence's first 80 characters.
   */
  activityWithMinutes:
    /^[A-Za-z][A-Za-z/&-]{0,20}(?:[ \t]{1,2}[A-Za-z/&-]{1,20}){0,2}[ \t]{1,2}\d{1,3}[ \t]{0,2}(?:min|mins|minutes|')(?![A-Za-z])/,

  // ---- Whose minutes ------------------------------------------------------------------------------------
  /** A plan for future visits ("3x/week", "will continue") in the sentence of a minute figure. */
  minutesPlanCue:
    /\b(?:will|plan|plans|planned|goals?|to be seen|is to|are to|next (?:visit|session)|recommend|recommended|\d ?x ?\/ ?(?:wk|week)|\d ?x ?(?:a|per) (?:wk|week)|per week|times (?:a|per) week)\b/i,
  /** A CPT/HCPCS code written in the note. */
  codeInText: /\b(?:9[0-9]{4}|G0[0-9]{3})\b/g,

  // ---- Rule-specific context ----------------------------------------------------------------------------
  /**
   * Another discipline's words: a speech or occupational therapy statement ("Pt has plateaued in dysphagia
   * treatment", "OT discharge: maximum potential for dressing") says nothing about walking.
   */
  otherDiscipline:
    /\b(?:speech|slp|st|dysphagia|swallow(?:ing)?|aphasia|cognitive|cognition|occupational|ot|adls?|dressing|feeding|bathing|toileting|grooming|handwriting|fine motor)\b/i,
  /**
   * What a plateau can be about besides walking ("a plateau in balance confidence", "knee ROM has plateaued",
   * "pain plateaued at 4/10"): with none of the gait words beside it, the statement is not about gait.
   */
  otherDomain:
    /\b(?:pain|rom|range of motion|flexion|extension|strength|mmt|swelling|edema|balance confidence|abc(?: scale)?|fear of falling|grip|shoulder|elbow|wrist|hand|upper extremit(?:y|ies)|ue|wound|scar|endurance on (?:the )?bike|weight loss)\b/i,
  /** Words about walking, its measures and its function: beside one, a plateau is walking's. */
  gaitWord:
    /\b(?:gait|amb|ambulat(?:e|es|ed|ing|ion)|walk(?:s|ed|ing)?|mobility|transfers?|stairs?|distance|cadence|speed|tug|10mwt|6mwt|function(?:al)?|goals?)\b/i,
  /** The patient's own view, not the therapist's assessment ("Pt feels she has plateaued", "he says"). */
  patientView:
    /\b(?:feels?|felt|says|said|believes?|thinks|perceives?|complains|per (?:pt|patient)|according to (?:the )?(?:pt|patient)|in (?:his|her|their) (?:own )?(?:view|words|opinion))\b/i,
  /**
   * A treadmill's setting, its speed or incline set or changed ("2% incline", "speed progressed", "incline
   * adjusted"): not skilled input, whatever training word it holds. Gait "with decreased speed" is no setting.
   */
  machineSetting:
    /\b(?:\d{1,2}(?:\.\d{1,2})?[ \t]{0,2}%[ \t]{0,2}(?:incline|grade|elevation)|(?:speed|incline|grade|elevation)[ \t]{1,2}(?:was[ \t]{1,2})?(?:progressed|increased|raised|adjusted|decreased|lowered|regressed)|(?:progressed|increased|raised|adjusted|regressed)[ \t]{1,2}(?:the[ \t]{1,2})?(?:speed|incline|grade|elevation))\b|\b(?:incline|grade|elevation)[ \t]{1,2}(?:of[ \t]{1,2})?\d{1,2}(?:\.\d{1,2})?[ \t]{0,2}%/gi,
  /** The gait work is one-on-one, whatever group session the paragraph names ("1045-1100 gait training, one-on-one"). */
  oneOnOne: /\b(?:one[ -]on[ -]one|1:1|individual(?:ly)?)\b/i,
  /** Words that make "plateau" anatomy rather than progress ("tibial plateau fracture"). */
  plateauAnatomy:
    /\b(?:tibial?|tibia|femoral|femur|condyles?|condylar|fracture|fx|medial|lateral|knee|bone|bony|articular|plafond|schatzker)\b/i,
  /** Past-tense attribution of today's care before a PTA mention ("Treatment provided by J. Okafor, PTA"). */
  ptaFurnishedCue:
    /\b(?:provided|performed|furnished|completed|administered|rendered|delivered|treated|seen|treatment by|tx by|session by)\b/i,
  /** Words that make a PTA mention a future visit rather than today's ("PTA to follow up next week"). */
  ptaFutureCue:
    /\b(?:will|follow[ -]?up|next (?:week|visit|session|tx|time)|tomorrow|to be seen|to see|to continue|to treat|scheduled)\b/i,
  /** A signature line by a PTA: "J. Okafor, PTA", "Signed: Jane Doe, LPTA". Case-sensitive, from the line start. */
  ptaSignatureLine:
    /^[ \t]{0,8}(?:(?:[Ee]lectronically )?[Ss]igned(?: by)?:?[ \t]{1,3}|(?:[Tt]reating )?[Tt]herapist:?[ \t]{1,3})?[A-Z][a-z]{0,20}\.?[ \t]{1,3}(?:[A-Z]\.[ \t]{1,3})?[A-Z][A-Za-z'-]{1,30}, L?PTA\b/,

  // ---- Charge lists (CLI) -------------------------------------------------------------------------------
  chargeCode: /^[0-9A-Z]{5}$/,
  chargeUnits: /^\d{1,3}$/,
  chargeModifier: /^[0-9A-Z]{2}$/,
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
} as const satisfies Record<string, RegExp>;

/**
 * Visits every match of a global pattern in `text`; `visit` returns false to stop. The pattern's lastIndex
 * is back at 0 afterwards, so the shared pattern objects carry no state between calls.
 */
export function eachMatch(
  pattern: RegExp,
  text: string,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  if (!pattern.global) {
    // Without `g`, exec starts at 0 every time: one match is all there is to visit.
    const m = pattern.exec(text);
    if (m) visit(m);
    return;
  }
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
