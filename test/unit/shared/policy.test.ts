import { describe, expect, it } from 'vitest';
import { applyPolicy, PolicySchema } from '../../../src/shared/policy';
import { DEFAULT_SETTINGS, originPattern, siteOriginOf, type Settings } from '../../../src/shared/settings';
import { describeSiteState } from '../../../src/background/site-state';

const own = (): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  sites: {
    'https://emr.example.org': {
      origin: 'https://emr.example.org',
      state: 'paused',
      method: 'cms',
      medicare: true,
    },
  },
  disabledRules: ['motion-analysis'],
});

describe('applyPolicy', () => {
  it('without policy, the coder settings stand and nothing is locked', () => {
    const effective = applyPolicy(own(), undefined);
    expect(effective.sites['https://emr.example.org']?.state).toBe('paused');
    expect(effective.lockedOrigins).toEqual([]);
    expect(effective.policyActive).toBe(false);
  });

  it('an unlocked policy adds its sites but respects what the coder already chose', () => {
    const effective = applyPolicy(own(), {
      sites: [
        { origin: 'https://emr.example.org/some/page', method: 'per-code', medicare: false },
        { origin: 'https://fees.example.org', method: 'per-code' },
      ],
    });
    expect(effective.sites['https://emr.example.org']).toMatchObject({
      state: 'paused',
      method: 'cms',
      medicare: true,
    });
    expect(effective.sites['https://fees.example.org']).toMatchObject({ state: 'on', method: 'per-code' });
    expect(effective.lockedOrigins).toEqual([]);
    expect(effective.policyOrigins).toEqual(['https://emr.example.org', 'https://fees.example.org']);
  });

  it('a locking policy wins: its sites are on with its method, and its rules stay off', () => {
    const effective = applyPolicy(own(), {
      sites: [{ origin: 'https://emr.example.org', method: 'per-code', medicare: false }],
      disabledRules: ['documentation-incomplete'],
      lock: true,
    });
    expect(effective.sites['https://emr.example.org']).toMatchObject({
      state: 'on',
      method: 'per-code',
      medicare: false,
    });
    expect(effective.lockedOrigins).toEqual(['https://emr.example.org']);
    expect(effective.disabledRules.sort()).toEqual(['documentation-incomplete', 'motion-analysis']);
    expect(effective.lockedRules).toEqual(['documentation-incomplete']);
  });

  it('ignores policy entries that are not web origins', () => {
    const effective = applyPolicy(own(), {
      sites: [{ origin: 'file:///etc/passwd' }, { origin: 'not a url' }],
      lock: true,
    });
    expect(Object.keys(effective.sites)).toEqual(['https://emr.example.org']);
  });

  it('rejects a malformed policy rather than half-applying it', () => {
    expect(PolicySchema.safeParse({ disabledRules: ['no-such-rule'] }).success).toBe(false);
    expect(PolicySchema.safeParse({ sites: 'https://emr.example.org' }).success).toBe(false);
  });
});

describe('site helpers', () => {
  it('keys sites by origin and refuses pages GaitGuard never runs on', () => {
    expect(siteOriginOf('https://emr.example.org:8443/enc/1?x=1')).toBe('https://emr.example.org:8443');
    expect(siteOriginOf('chrome://extensions')).toBeUndefined();
    expect(siteOriginOf('file:///tmp/note.html')).toBeUndefined();
    expect(siteOriginOf('garbage')).toBeUndefined();
    expect(siteOriginOf(undefined)).toBeUndefined();
  });

  it('builds a match pattern for one origin, port included where the browser honours it', () => {
    expect(originPattern('http://127.0.0.1:8765', true)).toBe('http://127.0.0.1:8765/*');
    expect(originPattern('https://emr.example.org', true)).toBe('https://emr.example.org/*');
    expect(originPattern('https://emr.example.org:8443', true)).toBe('https://emr.example.org:8443/*');
    // Firefox matches by host only; there the frame and worker checks keep other ports out.
    expect(originPattern('http://127.0.0.1:8765', false)).toBe('http://127.0.0.1/*');
  });

  it('describes a site that is switched on but lost its permission as blocked', () => {
    const effective = applyPolicy(own(), { sites: [{ origin: 'https://fees.example.org' }] });
    expect(describeSiteState(effective, 'https://fees.example.org', false)).toBe('blocked');
    expect(describeSiteState(effective, 'https://fees.example.org', true)).toBe('on');
    expect(describeSiteState(effective, 'https://emr.example.org', true)).toBe('paused');
    expect(describeSiteState(effective, 'https://other.example.org', true)).toBe('off');
  });
});
