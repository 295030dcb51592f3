/**
 * Where acknowledgements live: storage.session (memory only), per tab, as rule#ordinal → reason code. No
 * preact here: the worker reads it too, to keep the badge at the count of open findings.
 */
import browser from '../../shared/browser-api';
import type { Finding } from '../../engine/model';
import type { MessageKey } from '../i18n';

/** The reason codes a finding can be marked reviewed with, and the message each is shown by. */
export const ACK_REASONS = {
  chart: 'ackReasonChart',
  payer: 'ackReasonPayer',
  query: 'ackReasonQuery',
  other: 'ackReasonOther',
} as const satisfies Record<string, MessageKey>;
export type AckReason = keyof typeof ACK_REASONS;
export type Acks = Record<string, AckReason>;

export const storageKey = (tabId: number) => `acks:${tabId}`;

/** A finding's key within its tab: its rule and its place among that rule's findings. */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const ordinal = seen.get(finding.rule) ?? 0;
    seen.set(finding.rule, ordinal + 1);
    return `${finding.rule}#${ordinal}`;
  });
}

function isReason(value: unknown): value is AckReason {
  return typeof value === 'string' && Object.hasOwn(ACK_REASONS, value);
}

/** Only well-formed entries survive a read: storage.session is shared by every extension page. */
export function parseAcks(raw: unknown): Acks {
  const acks: Acks = {};
  if (!raw || typeof raw !== 'object') return acks;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (/^[a-z-]{1,40}#\d{1,4}$/.test(key) && isReason(value)) acks[key] = value;
  }
  return acks;
}

export function sessionArea() {
  // Older Firefox builds without storage.session: acknowledgements then live in the view's memory only.
  return (browser.storage as { session?: typeof browser.storage.local }).session;
}

/** Findings not acknowledged. */
export function openCount(findings: readonly Finding[], acks: Acks): number {
  return findingKeys(findings).filter((key) => !acks[key]).length;
}

/** The acknowledgements of a tab, for the worker's badge. */
export async function acksOf(tabId: number): Promise<Acks> {
  const area = sessionArea();
  if (!area) return {};
  const key = storageKey(tabId);
  const stored = (await area.get(key).catch(() => ({}))) as Record<string, unknown>;
  return parseAcks(stored[key]);
}
