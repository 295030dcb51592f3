import type { Severity } from '../../engine/model';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_TITLE: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

export const SEVERITY_SINGULAR: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};
