/**
 * Acknowledged findings, per tab: a coder marks a finding reviewed with a reason and the list, the count and
 * the badge shrink. Kept in storage.session (memory only, gone with the browser session) so the popup and
 * the side panel agree; only the rule, its ordinal and a reason code are stored: no note text, no quote, no
 * identifier. A free-text reason stays in the memory of the view it was typed in.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser-api';
import { parseAcks, sessionArea, storageKey, type AckReason, type Acks } from './ack-store';

export { ACK_REASONS, findingKeys, openCount } from './ack-store';
export type { AckReason, Acks } from './ack-store';

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

/** The badge shows what is still open at once; the worker's next report recounts from the same store. */
export async function showOpenCount(tabId: number, open: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: open > 0 ? String(open) : '' }).catch(() => undefined);
}
