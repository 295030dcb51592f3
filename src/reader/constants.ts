/** Tag name of GaitGuard's own overlay host; the reader and the watcher never look inside it. */
export const OVERLAY_HOST_TAG = 'gaitguard-overlay';

/**
 * Joins the parts of a selector that crosses a boundary the CSS engine cannot cross on its own: an open
 * shadow root (the part before is the host) or a same-origin inline editor iframe (the part before is the
 * iframe). `resolveSelector` in selectors.ts follows the same convention.
 */
export const SCOPE_SEPARATOR = ' >>> ';

export const MAX_NOTES = 200;
export const MAX_WARNINGS = 50;
export const MAX_WARNING_CHARS = 500;
export const MAX_FOREIGN_ORIGINS = 50;
export const MAX_LABEL_CHARS = 120;
/** Ids longer than this are replaced by a hash so they stay within the model's 200-character limit. */
export const MAX_READABLE_ID_CHARS = 150;
/** Report views shorter than this are labels or badges, not notes. */
export const MIN_REPORT_NOTE_CHARS = 20;
/** A block whose own text is at least this long is treated as a note even without a note-like name. */
export const LARGE_TEXT_BLOCK_CHARS = 200;
