import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getMessage } from './i18n-mock';

const sendMessage = vi.fn();
vi.mock('../../../src/shared/browser-api', () => ({
  default: { i18n: { getMessage }, runtime: { sendMessage } },
}));
const { ask } = await import('../../../src/ui/ask');

describe('ask: a page request to the worker without the polyfill', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('passes the worker’s reply through', async () => {
    sendMessage.mockResolvedValue({ ok: true });
    expect(await ask({ type: 'get-settings' })).toEqual({ ok: true });
  });

  it('reads Chrome’s “port closed before a response” as no answer, as the polyfill did', async () => {
    sendMessage.mockRejectedValue(new Error('The message port closed before a response was received.'));
    expect(await ask({ type: 'get-settings' })).toEqual({
      ok: false,
      error: getMessage('noAnswer'),
    });
  });

  it('names any other failure, such as no worker to receive it', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await ask({ type: 'get-settings' })).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
    sendMessage.mockResolvedValue(undefined);
    expect((await ask({ type: 'get-settings' })).ok).toBe(false);
  });
});
