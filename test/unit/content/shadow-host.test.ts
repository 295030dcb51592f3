// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createShadowHost } from '../../../src/content/shadow-host';
import { OVERLAY_HOST_TAG } from '../../../src/reader/constants';

describe('createShadowHost (GaitGuard’s one element in a page)', () => {
  afterEach(() => document.querySelectorAll(OVERLAY_HOST_TAG).forEach((host) => host.remove()));

  it('attaches a closed root: the page sees the host but host.shadowRoot is null', () => {
    const controller = new AbortController();
    const { root, host } = createShadowHost(document, '.x{}', controller.signal);
    root.append(document.createTextNode('Bill 2 units of 97116'));
    const seen = document.querySelector(OVERLAY_HOST_TAG);
    expect(seen).toBe(host);
    expect(seen!.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    // What GaitGuard draws is in the root, not in anything the page can read from the host.
    expect(root.host).toBe(host);
    expect(host.textContent).toBe('');
    expect(host.innerHTML).toBe('');
    expect(document.documentElement.textContent).not.toContain('97116');
    controller.abort();
  });

  it('leaves with its signal', () => {
    const controller = new AbortController();
    createShadowHost(document, '', controller.signal);
    expect(document.querySelectorAll(OVERLAY_HOST_TAG)).toHaveLength(1);
    controller.abort();
    expect(document.querySelectorAll(OVERLAY_HOST_TAG)).toHaveLength(0);
  });
});
