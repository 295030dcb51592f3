import type { BackgroundToContent } from '../messages/to-content';

const TYPES = new Set<BackgroundToContent['type']>([
  'report',
  'resend',
  'teardown',
  'toggle-overlay',
  'reveal',
]);

/**
 * Only GaitGuard's own worker can reach runtime.onMessage (pages cannot), and it sends messages typed at
 * compile time; this guard drops anything from an older or newer worker that this script would misread.
 */
export function asBackgroundMessage(raw: unknown): BackgroundToContent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type as BackgroundToContent['type'])) return undefined;
  const message = raw as BackgroundToContent;
  if (message.type === 'report' && !Array.isArray(message.report?.findings)) return undefined;
  if (
    message.type === 'reveal' &&
    (typeof message.localId !== 'string' || typeof message.evidence !== 'object')
  ) {
    return undefined;
  }
  return message;
}
