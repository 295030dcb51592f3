import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../../messages/to-page';
import { followTabState } from '../../messages/tab-state-client';

/**
 * The tab's state as the worker pushes it over its port on every change, for the popup and the side panel
 * alike. A new tab starts from nothing, so one tab's findings are never shown for another.
 */
export function useTabState(tabId: number | undefined): TabState | undefined {
  const [state, setState] = useState<TabState | undefined>();
  useEffect(() => {
    setState(undefined);
    if (tabId === undefined) return undefined;
    const controller = new AbortController();
    followTabState(tabId, setState, controller.signal);
    return () => controller.abort();
  }, [tabId]);
  return state;
}
