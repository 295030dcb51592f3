/**
 * Opens the side panel from a click (both browsers require a user gesture): Chrome's sidePanel for the tab,
 * Firefox's sidebar. Returns false where neither exists.
 */
import browser from '../../shared/browser-api';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

export async function openSidePanel(tabId: number | undefined): Promise<boolean> {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  try {
    if (sidebar) {
      await sidebar.open();
      return true;
    }
    if (chromeApi && tabId !== undefined) {
      await chromeApi.open({ tabId });
      window.close();
      return true;
    }
  } catch {
    // Not from a user gesture, or the browser has no side panel: the popup stays the view.
  }
  return false;
}
