/**
 * How much of a page GaitGuard takes on, whatever the page does. A real therapy note is a few thousand
 * characters and an encounter has a handful of frames; these caps sit far above that and keep a hostile or
 * runaway page from keeping the shared worker busy for every other tab. What a cap cuts is reported as cut.
 */
/** Characters of note text one frame may send in one snapshot (the rest of its notes is cut). */
export const SNAPSHOT_CHAR_CAP = 1_000_000;
/** Characters of note text one tab may hold across all its frames. */
export const TAB_CHAR_CAP = 2_000_000;
/** Frames of one tab whose snapshots are kept; later frames are ignored and named in the report. */
export const FRAMES_PER_TAB = 24;
/** Quiet time after a snapshot before the tab is analysed, so a burst of frames is analysed once. */
export const ANALYSIS_DEBOUNCE_MS = 30;
/** Longest a steady stream of snapshots may postpone a tab's analysis. */
export const ANALYSIS_MAX_WAIT_MS = 250;
/**
 * Most of the worker's time one tab's analyses may take while its snapshots keep coming: after an analysis
 * that took t, the tab's next one waits t × (1 / share − 1). A typical note's analysis takes a millisecond
 * and is not held back; a page of megabyte notes is analysed less often, and other tabs keep their turn.
 */
export const ANALYSIS_TAB_SHARE = 0.25;
/** Picks and overlay-position writes accepted per tab per minute; a person makes a few. */
export const SETTINGS_WRITES_PER_MINUTE = 12;
