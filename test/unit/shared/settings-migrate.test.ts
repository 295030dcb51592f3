import { describe, expect, it } from 'vitest';
import { readStoredSettings } from '../../../src/shared/settings-migrate';
import { SETTINGS_VERSION } from '../../../src/shared/settings';

const V1 = {
  sites: {
    'http://127.0.0.1:8765': {
      origin: 'http://127.0.0.1:8765',
      state: 'on',
      method: 'per-code',
      medicare: false,
      noteSelectors: ['#soap-note'],
    },
  },
  disabledRules: ['motion-analysis'],
  overlayHidden: true,
};

describe('reading the stored settings across versions', () => {
  it('migrates a version-1 record (no version field) without losing a site, a pick or a rule', () => {
    const read = readStoredSettings(structuredClone(V1));
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.migratedFrom).toBe(1);
    expect(read.settings.version).toBe(SETTINGS_VERSION);
    expect(read.settings.sites['http://127.0.0.1:8765']).toMatchObject({
      method: 'per-code',
      noteSelectors: ['#soap-note'],
    });
    expect(read.settings.disabledRules).toEqual(['motion-analysis']);
    expect(read.settings.overlayHidden).toBe(true);
  });

  it('reads a current record as it is', () => {
    const read = readStoredSettings({ ...structuredClone(V1), version: SETTINGS_VERSION });
    expect(read).toMatchObject({ kind: 'ok' });
    expect(read.kind === 'ok' && read.migratedFrom).toBeFalsy();
  });

  it('reports a record that fails to parse as corrupt, naming the problem, instead of passing defaults off as it', () => {
    const broken = structuredClone(V1) as Record<string, unknown>;
    (broken.sites as Record<string, Record<string, unknown>>)['http://127.0.0.1:8765']!.method = 'CMS';
    const read = readStoredSettings(broken);
    expect(read.kind).toBe('corrupt');
    expect(read.kind === 'corrupt' && read.problem).toMatch(/sites/);
  });

  it('does not read a record from a newer version as if it were its own', () => {
    const read = readStoredSettings({ ...structuredClone(V1), version: SETTINGS_VERSION + 1 });
    expect(read.kind).toBe('corrupt');
    expect(read.kind === 'corrupt' && read.problem).toMatch(/newer/);
  });

  it('tells an absent record (first run) from a corrupt one', () => {
    expect(readStoredSettings(undefined).kind).toBe('absent');
    expect(readStoredSettings('settings').kind).toBe('corrupt');
    expect(readStoredSettings([]).kind).toBe('corrupt');
  });
});
