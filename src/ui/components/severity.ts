import type { Severity } from '../../engine/model';
import type { MessageKey } from '../i18n';

/**
 * The engine's SEVERITIES order, most serious first, in which the pill, the popup and the side panel group
 * and count findings. Restated here because importing the engine's model would load its schemas (and zod)
 * into the content script and every page that only shows a pushed report; a unit test holds the two equal.
 */
export const SEVERITY_ORDER = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

export const SEVERITY_GROUP_KEY: Record<Severity, MessageKey> = {
  error: 'groupError',
  warning: 'groupWarning',
  info: 'groupInfo',
};

export const SEVERITY_KEY: Record<Severity, MessageKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};
