/** Where each rule's requirement comes from. Plain text; nothing is fetched. */
import type { Citation } from '../model';

export const CMS_TIMED_UNITS: Citation = {
  title: 'Medicare Claims Processing Manual, Pub 100-04',
  section: 'ch.5 §20.2 (counting minutes for timed codes)',
};
export const PER_CODE_UNITS: Citation = {
  title: 'Per-code timed-unit method (payer policy; a unit once 8 of 15 minutes are passed)',
  section: 'midpoint rule applied to each code on its own',
};
export const BPM_DOCUMENTATION: Citation = {
  title: 'Medicare Benefit Policy Manual, Pub 100-02',
  section: 'ch.15 §220.3 E (treatment notes: timed-code minutes and total treatment time)',
};
export const BPM_DOCUMENTATION_CONTENT: Citation = {
  title: 'Medicare Benefit Policy Manual, Pub 100-02',
  section: 'ch.15 §220.3 (documentation of skilled therapy services)',
};
export const BPM_SKILLED: Citation = {
  title: 'Medicare Benefit Policy Manual, Pub 100-02',
  section: 'ch.15 §220.2 A-B (reasonable and necessary skilled services)',
};
export const BPM_MAINTENANCE: Citation = {
  title: 'Medicare Benefit Policy Manual, Pub 100-02',
  section: 'ch.15 §220.2 D (maintenance programs; Jimmo v. Sebelius settlement, CMS Transmittal 179, 2014)',
};
export const GROUP_THERAPY: Citation = {
  title: 'CMS Medicare Carriers Manual, Transmittal 1753',
  section: 'one-on-one codes versus group therapy (97150)',
};
export const MOTION_ANALYSIS: Citation = {
  title: 'CPT code set, motion analysis codes 96000-96004',
  section: 'laboratory-based comprehensive motion analysis',
};
export const GAIT_INCLUDES_STAIRS: Citation = {
  title: 'CPT code set, code 97116',
  section: 'gait training includes stair climbing',
};
export const THERAPY_MODIFIERS: Citation = {
  title: 'Medicare Claims Processing Manual, Pub 100-04',
  section: 'ch.5 §20.1 (therapy modifiers GP, GO, GN)',
};
export const PTA_MODIFIER: Citation = {
  title:
    'Medicare Claims Processing Manual, Pub 100-04, ch.5 §20.1; CY 2020 Physician Fee Schedule final rule',
  section: 'CQ modifier for services furnished in whole or in part by a PTA (over 10% of the minutes)',
};
export const MUE_EDITS: Citation = {
  title: 'CMS Medically Unlikely Edits, practitioner services',
  section: 'units of a code per patient per date of service (dated quarterly table)',
};
export const NCCI_EDITS: Citation = {
  title: 'CMS National Correct Coding Initiative, practitioner procedure-to-procedure edits',
  section: 'code pairs and their modifier indicators (dated quarterly table)',
};
