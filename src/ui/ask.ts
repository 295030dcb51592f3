import browser from '../shared/browser-api';
import type { PageToBackground } from '../messages/to-background';
import type { Reply } from '../background/handle-message';
import { t } from './i18n';

const NO_REPLY = /message port closed before a response/i;

/** Sends an extension page's request to the worker; a dead or silent worker becomes a readable error. */
export async function ask(message: PageToBackground): Promise<Reply> {
  try {
    return (
      ((await browser.runtime.sendMessage(message)) as Reply | undefined) ?? {
        ok: false,
        error: t('noAnswer'),
      }
    );
  } catch (error) {
    // Chrome rejects when the worker went away without replying; that is no answer, not an error of ours.
    if (error instanceof Error && NO_REPLY.test(error.message)) return { ok: false, error: t('noAnswer') };
    return { ok: false, error: error instanceof Error ? error.message : t('notResponding') };
  }
}
