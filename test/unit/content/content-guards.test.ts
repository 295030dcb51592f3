import { describe, expect, it } from 'vitest';
import { siteView } from '../../../src/content/site-settings';
import { asBackgroundMessage } from '../../../src/content/incoming';

describe('siteView (the content script reads settings without zod)', () => {
  const stored = {
    sites: {
      'https://emr.example.org': {
        state: 'paused',
        noteSelectors: ['#note', 7, null],
        chargeSelectors: 'nope',
      },
      'https://fees.example.org': { state: 'on' },
    },
  };

  it('reads the state and keeps only string selectors', () => {
    expect(siteView(stored, 'https://emr.example.org')).toEqual({
      state: 'paused',
      noteSelectors: ['#note'],
      chargeSelectors: undefined,
    });
    expect(siteView(stored, 'https://fees.example.org')?.state).toBe('on');
  });

  it('counts a site as on only when the coder or the policy turned it on', () => {
    const policy = { sites: [{ origin: 'https://policy.example.org/' }] };
    expect(siteView({ sites: {} }, 'https://policy.example.org', policy)?.state).toBe('on');
    expect(siteView({ sites: {} }, 'https://policy.example.org:8443', policy)).toBeUndefined();
    expect(siteView(stored, 'https://emr.example.org:8443')).toBeUndefined();
    // A locking policy keeps its site on even where the coder's own entry says paused.
    const locked = { sites: [{ origin: 'https://emr.example.org' }], lock: true };
    expect(siteView(stored, 'https://emr.example.org', locked)?.state).toBe('on');
    expect(siteView(stored, 'https://emr.example.org', { ...locked, lock: false })?.state).toBe('paused');
  });

  it('answers undefined for anything that is not a stored site', () => {
    expect(siteView(stored, 'https://other.example.org')).toBeUndefined();
    expect(siteView(undefined, 'https://emr.example.org')).toBeUndefined();
    expect(siteView('settings', 'https://emr.example.org')).toBeUndefined();
    expect(siteView({ sites: null }, 'https://emr.example.org')).toBeUndefined();
  });
});

describe('asBackgroundMessage', () => {
  it('accepts the worker vocabulary', () => {
    expect(asBackgroundMessage({ type: 'resend' })).toEqual({ type: 'resend' });
    expect(asBackgroundMessage({ type: 'teardown' })?.type).toBe('teardown');
    const report = { type: 'report', report: { findings: [] }, overlayHidden: false };
    expect(asBackgroundMessage(report)).toBe(report);
  });

  it('drops unknown, malformed and half-formed messages', () => {
    expect(asBackgroundMessage(null)).toBeUndefined();
    expect(asBackgroundMessage('resend')).toBeUndefined();
    expect(asBackgroundMessage({ type: 'eval', code: '1' })).toBeUndefined();
    expect(asBackgroundMessage({ type: 'report', report: {} })).toBeUndefined();
    expect(asBackgroundMessage({ type: 'reveal', evidence: {} })).toBeUndefined();
  });
});
