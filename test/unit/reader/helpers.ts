import type { FrameSnapshot } from '../../../src/reader/snapshot';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, type ConstructorOptions } from 'jsdom';

export const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

export function fixtureHtml(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/** A fixture page in jsdom at a realistic URL (scripts off unless asked for). */
export function loadPage(name: string, url: string, options: ConstructorOptions = {}): JSDOM {
  return new JSDOM(fixtureHtml(name), { url, ...options });
}

export function pageFromHtml(html: string, url = 'https://ehr.example.org/chart'): JSDOM {
  return new JSDOM(html, { url });
}

/** The fields of each charge line a fixture test asserts on (ids, sources and labels left out). */
export function chargeSummary(snapshot: FrameSnapshot) {
  return snapshot.charges.map(({ code, units, modifiers, minutes, status }) => ({
    code,
    units,
    modifiers,
    minutes,
    status,
  }));
}
