/**
 * GaitGuard's content script, registered at runtime for the sites a coder turned on and run in every frame.
 * Each frame reports what it shows; the top frame also hosts the overlay. Everything hangs off one
 * AbortSignal so the script can be torn down without a trace (site turned off, extension reloaded).
 */
import browser from '../shared/browser-api';
import { asBackgroundMessage } from './incoming';
import { sameView, siteView, type SiteView } from './site-settings';
import { isContextAlive, onContextLost, openFramePort, sendToBackground } from './messenger';
import { initFrameReporter } from './report-frame';
import { initOverlay, type OverlayController } from './overlay';
import { initRevealer } from './reveal';
import { startPicker } from './picker';
import type { PickedField } from '../ui/overlay/pill-view';
import { prewarm } from '../ui/i18n';
import { OVERLAY_HOST_TAG } from '../reader/constants';

/**
 * A second copy of this script in the same world (injected again after the site was turned back on)
 * replaces the first through this slot, which the page cannot see. Copies of an older install live in other
 * worlds; they leave on their own when their port to the old worker closes (see messenger.ts).
 */
const INSTANCE_KEY = Symbol.for('gaitguard.content-instance');

type Instance = { stop(): void };
const scope = globalThis as typeof globalThis & { [INSTANCE_KEY]?: Instance };

/** The coder's last pick, until the copy of the script that its new selector starts has shown it. */
let lastPick: PickedField | undefined;

/**
 * This frame's own site settings, or undefined when its site is not on. The frame's origin (scheme, host and
 * port) is what counts: the script may be registered by host in Firefox, and runs in frames of other sites.
 */
async function readSiteView(): Promise<SiteView | undefined> {
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return undefined;
  const [stored, managed] = await Promise.all([
    browser.storage.local.get('settings').then((items) => items.settings),
    readPolicy(),
  ]);
  return siteView(stored, location.origin, managed);
}

/** The managed policy, where content scripts may read it; undefined where they may not or none is set. */
async function readPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  scope[INSTANCE_KEY]?.stop();

  const controller = new AbortController();
  const { signal } = controller;
  const isTop = window.top === window;
  let overlay: OverlayController | undefined;
  const instance: Instance = { stop: () => controller.abort() };
  scope[INSTANCE_KEY] = instance;

  const site = await readSiteView();
  if (site?.state !== 'on' || signal.aborted) return;
  // The site's switch is watched here, not only in the worker: turned off or paused in any window, every
  // frame of it stops at once in every tab; a new pick restarts the reader with it.
  browser.storage.onChanged.addListener(onStorageChange);
  signal.addEventListener('abort', () => {
    if (isContextAlive()) browser.storage.onChanged.removeListener(onStorageChange);
  });
  function onStorageChange(_changes: unknown, area: string): void {
    if (area !== 'local' && area !== 'managed') return;
    void readSiteView().then((next) => {
      if (signal.aborted || sameView(next, site)) return;
      if (next?.state === 'on') void start().catch(() => undefined);
      else controller.abort();
    });
  }
  // Once the extension is reloaded under this page, i18n lookups fail; the reload notice must still speak.
  if (isTop)
    prewarm([
      'overlayLabel',
      'reloadToRecheck',
      'staleBody',
      'hide',
      'collapse',
      'expand',
      'moveHandle',
      'moveTitle',
      'pillKeys',
    ]);

  const reporter = initFrameReporter(
    { noteSelectors: site.noteSelectors, chargeSelectors: site.chargeSelectors },
    signal,
  );
  const revealer = initRevealer(reporter.latest, signal);
  let stopPicker: (() => void) | undefined;

  if (isTop) {
    overlay = initOverlay(
      {
        onReveal: (evidence) => void sendToBackground({ type: 'reveal-request', evidence }),
        onHide: () => overlay?.setHidden(true),
        onPick: (kind) => {
          stopPicker?.();
          overlay?.setPicking(kind);
          stopPicker = startPicker(
            kind,
            {
              layer: overlay!.root,
              onPicked: (picked) => {
                // A new selector restarts this script (the site's settings changed): the next overlay
                // shows the pick too.
                lastPick = picked;
                overlay?.setPicked(picked);
                void sendToBackground({ type: 'save-pick', kind, selector: picked.selector });
              },
              onDone: () => overlay?.setPicking(undefined),
            },
            signal,
          );
        },
      },
      signal,
    );
  }

  if (isTop && lastPick) {
    overlay?.setPicked(lastPick);
    lastPick = undefined;
  }

  if (isTop) {
    // A host left by a copy of GaitGuard that died with an older install (its reload notice) goes.
    document.querySelectorAll(OVERLAY_HOST_TAG).forEach((host) => {
      if (host !== overlay?.host) host.remove();
    });
  }

  const onMessage = (raw: unknown): undefined => {
    const message = asBackgroundMessage(raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'report':
        overlay?.show(message.report, message.overlayHidden);
        break;
      case 'toggle-overlay':
        overlay?.setHidden(message.hidden);
        break;
      case 'resend':
        reporter.resend();
        break;
      case 'reveal':
        revealer.reveal(message.evidence, message.localId);
        break;
      case 'teardown':
        controller.abort();
        break;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  openFramePort(onMessage, signal);
  signal.addEventListener('abort', () => {
    if (isContextAlive()) browser.runtime.onMessage.removeListener(onMessage);
    if (scope[INSTANCE_KEY] === instance) delete scope[INSTANCE_KEY];
  });

  onContextLost(() => {
    // Keep only a quiet note in the top frame; every reader and listener goes.
    const keepOverlay = overlay;
    controller.abort();
    if (keepOverlay && isTop) showReloadNotice();
  });
}

function showReloadNotice(): void {
  const controller = new AbortController();
  const notice = initOverlay(
    {
      onReveal: () => undefined,
      onPick: () => undefined,
      onHide: () => controller.abort(),
    },
    controller.signal,
  );
  notice.setStale();
}

void start().catch(() => undefined);
