/**
 * The names of the long-lived ports. A module of its own because the content script opens the frame port
 * in every EHR frame and must not load the schemas of the messages that travel on the others.
 */

/** Port name for pages that follow one tab's state. */
export const TAB_STATE_PORT = 'gaitguard-tab-state';
/** Port name a content script opens in each frame: the worker's pushes and the lifecycle both use it. */
export const FRAME_PORT = 'gaitguard-frame';
