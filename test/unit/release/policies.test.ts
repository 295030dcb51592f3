/**
 * The example policy files of docs/DEPLOYMENT.md (docs/policies/) say what the guide says, and the
 * GaitGuard part of each validates against public/managed_schema.json (the schema the Chrome build ships)
 * and parses without a problem in the extension's own policy reader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/shared/policy';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'docs/policies');
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const EXAMPLE_ID = 'abcdefghijklmnopabcdefghijklmnop';
const WEB_STORE_UPDATE = 'https://clients2.google.com/service/update2/crx';
const FIREFOX_ID = (
  JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  }
).browser_specific_settings.gecko.id;

type Schema = {
  type: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
};

/** The subset of JSON Schema that Chrome's managed_schema uses; unknown keys are errors here, to catch typos. */
function schemaErrors(value: unknown, schema: Schema, at = 'policy'): string[] {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const expected = schema.type === 'integer' ? 'number' : schema.type;
  if (kind !== expected) return [`${at}: ${kind}, expected ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} not in ${schema.enum.join(', ')}`];
  if (kind === 'array')
    return (value as unknown[]).flatMap((item, i) => schemaErrors(item, schema.items!, `${at}[${i}]`));
  if (kind === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      schema.properties?.[key]
        ? schemaErrors(item, schema.properties[key], `${at}.${key}`)
        : [`${at}.${key}: not in the schema`],
    );
  return [];
}

const managedSchema = JSON.parse(
  readFileSync(path.join(ROOT, 'public/managed_schema.json'), 'utf8'),
) as Schema;

function expectValidPolicy(policy: unknown): void {
  expect(schemaErrors(policy, managedSchema)).toEqual([]);
  const read = parsePolicy(policy);
  expect(read.problems).toEqual([]);
  expect(read.policy?.sites?.length).toBeGreaterThan(0);
}

/** A .reg file's keys and values (REG_SZ strings with \" and \\ escapes, dwords). */
function parseReg(text: string): Map<string, Record<string, string | number>> {
  const keys = new Map<string, Record<string, string | number>>();
  let current: Record<string, string | number> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key) keys.set(key[1]!, (current = {}));
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (value && current) {
      const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
      current[unescape(value[1]!)] = value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2]!);
    }
  }
  return keys;
}

/** A property list's value (dict, array, string, integer, true, false), enough for a .mobileconfig. */
function parsePlist(xml: string): unknown {
  const tokens = [
    ...xml
      .replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>|<plist[^>]*>|<\/plist>/g, '')
      .matchAll(/<(\/?)(\w+)\s*(\/?)>([^<]*)/g),
  ];
  let i = 0;
  const next = (): unknown => {
    const [, close, tag, selfClosing, text] = tokens[i++]!;
    if (close) throw new Error(`unexpected </${tag}>`);
    if (tag === 'true' || tag === 'false') {
      if (!selfClosing) i++;
      return tag === 'true';
    }
    if (tag === 'string' || tag === 'integer') {
      i++;
      return tag === 'integer'
        ? Number(text)
        : (text ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    if (tag === 'array') {
      const items: unknown[] = [];
      while (!tokens[i]![1]) items.push(next());
      i++;
      return items;
    }
    if (tag === 'dict') {
      const dict: Record<string, unknown> = {};
      while (!tokens[i]![1]) {
        const [, , keyTag, , keyText] = tokens[i]!;
        if (keyTag !== 'key') throw new Error(`<${keyTag}> where a <key> belongs`);
        i += 2;
        dict[keyText!] = next();
      }
      i++;
      return dict;
    }
    throw new Error(`unknown plist tag <${tag}>`);
  };
  return next();
}

type ChromeSettings = Record<string, Record<string, unknown>>;

function expectForceInstalledFromWebStore(
  forcelist: unknown,
  settings: ChromeSettings,
  pin: [string, string],
) {
  expect(forcelist).toEqual([`${EXAMPLE_ID};${WEB_STORE_UPDATE}`]);
  const own = settings[EXAMPLE_ID]!;
  expect(own).toMatchObject({
    installation_mode: 'force_installed',
    update_url: WEB_STORE_UPDATE,
    [pin[0]]: pin[1],
  });
  // An organisation that blocks extensions on its sites must let GaitGuard run on the EHR.
  const blocked = (settings['*']?.runtime_blocked_hosts as string[] | undefined) ?? [];
  const allowed = (own.runtime_allowed_hosts as string[] | undefined) ?? [];
  if (blocked.length > 0) expect(allowed.length).toBeGreaterThan(0);
  for (const host of allowed) expect(host).toMatch(/^https:\/\/[a-z0-9.-]+$/);
}

describe('docs/policies', () => {
  it('Chrome (Linux/macOS JSON): force-installed from the Web Store, pinned, allowed on the EHR', () => {
    const policy = JSON.parse(read('chrome-managed-policy.json')) as Record<string, unknown>;
    expectForceInstalledFromWebStore(
      policy.ExtensionInstallForcelist,
      policy.ExtensionSettings as ChromeSettings,
      ['toolbar_pin', 'force_pinned'],
    );
    expectValidPolicy((policy['3rdparty'] as { extensions: Record<string, unknown> }).extensions[EXAMPLE_ID]);
  });

  it('Edge: the Chrome Web Store build needs the update URL with the id, and the button shown', () => {
    const policy = JSON.parse(read('edge-managed-policy.json')) as Record<string, unknown>;
    expectForceInstalledFromWebStore(
      policy.ExtensionInstallForcelist,
      policy.ExtensionSettings as ChromeSettings,
      ['toolbar_state', 'force_shown'],
    );
    expectValidPolicy((policy['3rdparty'] as { extensions: Record<string, unknown> }).extensions[EXAMPLE_ID]);
  });

  it('Firefox policies.json: a signed XPI over https, on the toolbar, with the add-on id', () => {
    const { policies } = JSON.parse(read('firefox-policies.json')) as { policies: Record<string, unknown> };
    const settings = (policies.ExtensionSettings as ChromeSettings)[FIREFOX_ID]!;
    expect(settings).toMatchObject({ installation_mode: 'force_installed', default_area: 'navbar' });
    expect(settings.install_url).toMatch(/^https:\/\/.+\.xpi$/);
    expectValidPolicy(
      (policies['3rdparty'] as { Extensions: Record<string, unknown> }).Extensions[FIREFOX_ID],
    );
  });

  it('Windows .reg: the same settings as registry values, complex ones as JSON strings', () => {
    const reg = read('gaitguard-chrome.reg');
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const keys = parseReg(reg);
    const base = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome';
    expect(Object.values(keys.get(`${base}\\ExtensionInstallForcelist`) ?? {})).toEqual([
      `${EXAMPLE_ID};${WEB_STORE_UPDATE}`,
    ]);
    const settings = JSON.parse(String(keys.get(base)?.ExtensionSettings)) as ChromeSettings;
    expect(settings[EXAMPLE_ID]).toMatchObject({ toolbar_pin: 'force_pinned', update_url: WEB_STORE_UPDATE });
    const values = keys.get(`${base}\\3rdparty\\extensions\\${EXAMPLE_ID}\\policy`) ?? {};
    expectValidPolicy({
      sites: JSON.parse(String(values.sites)),
      disabledRules: JSON.parse(String(values.disabledRules)),
      lock: values.lock === 1,
    });
  });

  it('macOS .mobileconfig: a com.google.Chrome payload and the extension policy payload', () => {
    const profile = parsePlist(read('gaitguard-chrome.mobileconfig')) as {
      PayloadContent: Record<string, unknown>[];
    };
    const chrome = profile.PayloadContent.find((p) => p.PayloadType === 'com.google.Chrome')!;
    expectForceInstalledFromWebStore(
      chrome.ExtensionInstallForcelist,
      chrome.ExtensionSettings as ChromeSettings,
      ['toolbar_pin', 'force_pinned'],
    );
    const own = profile.PayloadContent.find(
      (p) => p.PayloadType === `com.google.Chrome.extensions.${EXAMPLE_ID}`,
    )!;
    const policy = Object.fromEntries(Object.entries(own).filter(([key]) => !key.startsWith('Payload')));
    expectValidPolicy(policy);
  });

  it('the validation fails on a policy that breaks the schema', () => {
    expect(
      schemaErrors(
        { sites: [{ origin: 'https://emr.example.org', method: 'CMS' }], lok: true },
        managedSchema,
      ),
    ).toEqual(['policy.sites[0].method: "CMS" not in cms, per-code', 'policy.lok: not in the schema']);
  });
});
