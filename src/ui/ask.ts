import browser from 'webextension-polyfill';
import type { PageToBackground } from '../messages/to-background';
import type { Reply } from '../background/handle-message';
import { t } from './i18n';

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
    return { ok: false, error: error instanceof Error ? error.message : t('notResponding') };
  }
}
