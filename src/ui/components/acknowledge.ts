/**
 * Acknowledged findings, per tab: a coder marks a finding reviewed with a reason and the list, the count and
 * the badge shrink. Kept in storage.session (memory only, gone with the browser session) so the popup and
 * the side panel agree; only the rule, its ordinal and a reason code are stored: no note text, no quote, no
 * identifier. A free-text reason stays in the memory of the view it was typed in.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import type { Finding } from '../../engine/model';

export const ACK_REASONS = {
  chart: 'Documentation elsewhere in the chart',
  payer: 'Payer allows',
  query: 'Will query the therapist',
  other: 'Other reason',
} as const;
export type AckReason = keyof typeof ACK_REASONS;
export type Acks = Record<string, AckReason>;

const storageKey = (tabId: number) => `acks:${tabId}`;

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
function parseAcks(raw: unknown): Acks {
  const acks: Acks = {};
  if (!raw || typeof raw !== 'object') return acks;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (/^[a-z-]{1,40}#\d{1,4}$/.test(key) && isReason(value)) acks[key] = value;
  }
  return acks;
}

function sessionArea() {
  // Older Firefox builds without storage.session: acknowledgements then live in the view's memory only.
  return (browser.storage as { session?: typeof browser.storage.local }).session;
}

export function useAcks(
  tabId: number | undefined,
): [Acks, (key: string, reason: AckReason | undefined) => void] {
  const [acks, setAcks] = useState<Acks>({});
  useEffect(() => {
    setAcks({});
    const area = sessionArea();
    if (tabId === undefined || !area) return undefined;
    const key = storageKey(tabId);
    let live = true;
    void area.get(key).then((stored) => live && setAcks(parseAcks(stored[key])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      const change = changes[key];
      if (areaName === 'session' && change) setAcks(parseAcks(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);

  const update = useCallback(
    (key: string, reason: AckReason | undefined) => {
      setAcks((current) => {
        const next = { ...current };
        if (reason) next[key] = reason;
        else delete next[key];
        const area = sessionArea();
        if (tabId !== undefined && area) void area.set({ [storageKey(tabId)]: next });
        return next;
      });
    },
    [tabId],
  );
  return [acks, update];
}

/** The badge shows what is still open; the worker's next report recounts from the same store. */
export async function showOpenCount(tabId: number, open: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: open > 0 ? String(open) : '' }).catch(() => undefined);
}
