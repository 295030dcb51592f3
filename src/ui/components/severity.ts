import type { Severity } from '../../engine/model';
import type { MessageKey } from '../i18n';

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
