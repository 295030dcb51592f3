/**
 * One keystroke in the textarea-note fixture that flips units-exceed-minutes, timed inside the page from the
 * key's own event timestamp to the overlay showing (or no longer showing) the finding. The overlay's shadow
 * root is closed, so the observer is set up through the harness's DevTools-protocol handle on it.
 */
import type { Page } from 'playwright-core';
import { inOverlay } from '../test/e2e/harness/chromium';

interface EditState {
  started: number;
  shown?: number;
}

/** "(97116): 23 min" → "(97116): 3 min" (removeDigit) turns the finding on; typing the 2 back turns it off. */
export async function timedEdit(page: Page, removeDigit: boolean, timeoutMs = 30_000): Promise<number> {
  await inOverlay(
    page,
    (root, _roots, remove) => {
      if (!root) throw new Error('no overlay');
      const note = document.querySelector('#note-body') as HTMLTextAreaElement;
      const at = note.value.indexOf('(97116): ') + '(97116): '.length;
      note.focus();
      note.setSelectionRange(remove ? at + 1 : at, remove ? at + 1 : at);
      const state = window as unknown as { ggEdit?: EditState };
      state.ggEdit = { started: Number.NaN };
      note.addEventListener(
        'keydown',
        (event) => {
          // The event's own timestamp is when the key was pressed, before any handler ran.
          state.ggEdit!.started = event.timeStamp;
        },
        { once: true },
      );
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      const observer = new MutationObserver(() => {
        if (Boolean(root.querySelector('[data-rule="units-exceed-minutes"]')) === remove) {
          state.ggEdit!.shown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    removeDigit,
  );
  await page.keyboard.press(removeDigit ? 'Backspace' : '2');
  const handle = await page.waitForFunction(
    () => {
      const edit = (window as unknown as { ggEdit?: EditState }).ggEdit;
      return edit?.shown === undefined ? false : edit.shown - edit.started;
    },
    undefined,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}
