/** Stands in for webextension-polyfill (which throws outside an extension) and src/shared/browser-api: i18n answers from en/messages.json. */
import messages from '../../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

export const browserMock = { default: { i18n: { getMessage } } };
