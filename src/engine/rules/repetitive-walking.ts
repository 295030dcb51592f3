import type { Mention } from '../note/analyze';
import { nearGait } from '../note/analyze';
import { BPM_SKILLED } from './citations';
import { PATTERNS, eachMatch } from '../note/patterns';
import {
  chargeEvidence,
  firstFew,
  inGaitSentence,
  isDocumented,
  isToday,
  mentionEvidence,
  textAround,
} from './facts';
import type { RuleContext } from './types';
import { defineRule } from './types';

/** A distance walked today in a sentence about walking: plain walking unless skilled input goes with it. */
function isDistanceTrigger(ctx: RuleContext, m: Mention): boolean {
  return isToday(m) && inGaitSentence(ctx.analysis, m);
}

const SETTING_REACH = 24;

/** A word of a treadmill's setting ("incline" in "2% incline", "progressed" in "speed progressed"). */
function inMachineSetting(ctx: RuleContext, m: Mention): boolean {
  const around = textAround(ctx.analysis, m, SETTING_REACH, SETTING_REACH);
  const at = Math.min(SETTING_REACH, m.start);
  let inside = false;
  eachMatch(PATTERNS.machineSetting, around, (s) => {
    inside = s.index <= at && at + m.end - m.start <= s.index + s[0].length;
    return !inside;
  });
  return inside;
}

/**
 * Skilled input documented with today's walking: cues or training with the walk (not a treadmill's
 * setting), or a gait deviation or objective measure of today's visit anywhere in the note.
 */
function hasSkilledGaitInput(ctx: RuleContext): boolean {
  const { analysis } = ctx;
  const { mentions } = analysis;
  // The note-wide facts first: they need no walk's context worked out.
  return (
    mentions.deviation.some(isDocumented) ||
    mentions.objectiveMeasure.some(isDocumented) ||
    mentions.cue.some((m) => isToday(m) && nearGait(analysis, m)) ||
    mentions.skilledTraining.some((m) => isToday(m) && !inMachineSetting(ctx, m) && nearGait(analysis, m))
  );
}

export const repetitiveWalking = defineRule({
  id: 'repetitive-walking',
  title: 'Walking without skilled input',
  description:
    'The gait work documented reads as repetitive or endurance walking (laps, walking program, distance only) with no deviations, cues, training or measures.',
  severity: 'warning',
  citation: BPM_SKILLED,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0) return [];
    const { mentions } = ctx.analysis;
    const repetitive = mentions.repetitive.filter(isToday);
    // Whether anything triggers, then whether skilled input clears it, before every trigger is listed.
    if (repetitive.length === 0 && !mentions.distance.some((m) => isDistanceTrigger(ctx, m))) return [];
    if (hasSkilledGaitInput(ctx)) return [];
    const triggers =
      repetitive.length > 0 ? repetitive : mentions.distance.filter((m) => isDistanceTrigger(ctx, m));
    const what = repetitive.length > 0 ? `"${repetitive[0]?.match}"` : 'distance only';
    return [
      {
        message: `Gait work reads as plain walking (${what}), no skilled input documented`,
        explanation:
          'Walking that an unskilled person could supervise safely (laps, walking for endurance, a walking program) is not a skilled service. The note shows no gait deviations addressed, no cues, no device or safety training and no objective measure.',
        evidence: [
          ...firstFew(triggers).map((m) => mentionEvidence(ctx.analysis, m)),
          ...ctx.gaitLines.map(chargeEvidence),
        ],
        fix: 'Document the skilled part (deviations, cues, training, measures), or do not bill 97116',
      },
    ];
  },
});
