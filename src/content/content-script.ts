/**
 * GaitGuard's content script, registered at runtime for the sites a coder turned on and run in every frame.
 * Each frame reports what it shows; the top frame also hosts the overlay. Everything hangs off one
 * AbortSignal so the script can be torn down without a trace (site turned off, extension reloaded).
 */
import browser from 'webextension-polyfill';
import { asBackgroundMessage } from './incoming';
import { siteView, type SiteView } from './site-settings';
import { isContextAlive, onContextLost, sendToBackground } from './messenger';
import { initFrameReporter } from './report-frame';
import { initOverlay, type OverlayController } from './overlay';
import { initRevealer } from './reveal';
import { startPicker } from './picker';
import { prewarm } from '../ui/i18n';

const INSTANCE_KEY = Symbol.for('gaitguard.content-instance');
/** Instances from an older install live in other script worlds; they hear this DOM event and leave. */
const REPLACED_EVENT = 'gaitguard:replaced';

type Instance = { stop(): void };
const scope = globalThis as typeof globalThis & { [INSTANCE_KEY]?: Instance };

/** The script is registered per host, so it may land on another port of an enabled host: check the origin. */
async function siteIfOn(): Promise<SiteView | undefined> {
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return undefined;
  const stored = (await browser.storage.local.get('settings')).settings;
  // A site enabled by policy has no entry of its own until the coder changes something; it is on.
  const site = siteView(stored, location.origin) ?? { state: 'on' };
  return site.state === 'on' ? site : undefined;
}

async function start(): Promise<void> {
  scope[INSTANCE_KEY]?.stop();
  document.dispatchEvent(new CustomEvent(REPLACED_EVENT));

  const controller = new AbortController();
  const { signal } = controller;
  const isTop = window.top === window;
  let overlay: OverlayController | undefined;
  const instance: Instance = { stop: () => controller.abort() };
  scope[INSTANCE_KEY] = instance;
  document.addEventListener(REPLACED_EVENT, () => controller.abort(), { signal });

  const site = await siteIfOn();
  if (!site || signal.aborted) return;
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
        onPlacementSaved: (placement) => void sendToBackground({ type: 'save-overlay', placement }),
        onHide: () => overlay?.setHidden(true),
        onPick: (kind) => {
          stopPicker?.();
          overlay?.setPicking(kind);
          stopPicker = startPicker(
            kind,
            {
              layer: overlay!.root,
              onPicked: (selector) => void sendToBackground({ type: 'save-pick', kind, selector }),
              onDone: () => overlay?.setPicking(undefined),
            },
            signal,
          );
        },
      },
      signal,
    );
  }

  const onMessage = (raw: unknown): undefined => {
    const message = asBackgroundMessage(raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'report':
        overlay?.show(message.report, message.overlayHidden, message.placement);
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
      onPlacementSaved: () => undefined,
      onPick: () => undefined,
      onHide: () => controller.abort(),
    },
    controller.signal,
  );
  notice.setStale();
}

void start().catch(() => undefined);
