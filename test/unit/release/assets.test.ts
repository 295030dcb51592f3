import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLook } from '../../../src/background/action-look';
import type { SiteStateLabel } from '../../../src/background/site-state';
import english from '../../../public/_locales/en/messages.json';
import { decodeRgba, pngSize } from './png';

const ROOT = path.resolve(__dirname, '../../..');
const text = (key: string) => (english as Record<string, { message: string }>)[key]?.message ?? `?${key}`;

describe('icons and store art (npm run icons, from store/icon-master.svg)', () => {
  it('every icon has the size its name says', () => {
    const icons = readdirSync(path.join(ROOT, 'public/icons'));
    expect(icons.length).toBeGreaterThanOrEqual(12);
    for (const name of icons) {
      const size = Number(/-(\d+)\.png$/.exec(name)?.[1]);
      expect(pngSize(path.join(ROOT, 'public/icons', name)), name).toEqual({ width: size, height: size });
    }
  });

  it('the 128 px icon draws its artwork in the central 96x96, with 16 px of transparent padding', () => {
    const png = decodeRgba(path.join(ROOT, 'public/icons/icon-128.png'));
    let [minX, minY, maxX, maxY] = [128, 128, -1, -1];
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++)
        if (png.alpha(x, y) > 0) {
          [minX, minY] = [Math.min(minX, x), Math.min(minY, y)];
          [maxX, maxY] = [Math.max(maxX, x), Math.max(maxY, y)];
        }
    expect(minX).toBeGreaterThanOrEqual(16);
    expect(minY).toBeGreaterThanOrEqual(16);
    expect(maxX).toBeLessThanOrEqual(111);
    expect(maxY).toBeLessThanOrEqual(111);
    // ...and fills it: the shield spans most of the 96 px box.
    expect(maxY - minY).toBeGreaterThanOrEqual(86);
    expect(maxX - minX).toBeGreaterThanOrEqual(72);
  });

  it.each([
    ['store/promo-440x280.png', 440, 280],
    ['store/screenshot-1-1280x800.png', 1280, 800],
    ['store/screenshot-2-1280x800.png', 1280, 800],
  ])('%s is %ix%i, a size the stores accept', (file, width, height) => {
    expect(pngSize(path.join(ROOT, file))).toEqual({ width, height });
  });
});

describe('the toolbar look per site state', () => {
  const states: SiteStateLabel[] = ['on', 'paused', 'off', 'blocked', 'unsupported'];
  it.each(states)('%s: an icon that ships and a title that says the state in words', (state) => {
    const look = actionLook(state, '1 error', text);
    for (const file of Object.values(look.path))
      expect(existsSync(path.join(ROOT, 'public', file)), file).toBe(true);
    expect(look.title).toMatch(/^GaitGuard: /);
    expect(look.title).not.toContain('?');
  });
  it('names the findings only when the site is on, and tells the states apart', () => {
    expect(actionLook('on', '1 error, 2 warnings', text).title).toBe('GaitGuard: On. 1 error, 2 warnings');
    expect(actionLook('paused', '1 error', text).title).toBe('GaitGuard: Paused');
    expect(actionLook('blocked', undefined, text).title).toBe('GaitGuard: Needs permission');
    const icons = new Set(
      ['on', 'paused', 'off', 'blocked'].map((s) => actionLook(s as SiteStateLabel, '', text).path[16]),
    );
    expect(icons.size).toBe(4);
  });
});

describe('the privacy policy page', () => {
  const page = readFileSync(path.join(ROOT, 'public/privacy.html'), 'utf8');
  it('is a static page (no script, no remote resource) that covers what the stores ask', () => {
    expect(page).not.toMatch(/<script|<link|<img|src=|@import/i);
    for (const topic of ['What GaitGuard reads', 'What GaitGuard stores', 'Permissions', 'Sharing and sale'])
      expect(page).toContain(topic);
  });
});
