import { describe, expect, it, vi } from 'vitest';
import { createWriteLimiter, frameVerdict } from '../../../src/background/frame-trust';
import { createDebouncer } from '../../../src/background/debounce';
import { applyPolicy } from '../../../src/shared/policy';
import { DEFAULT_SETTINGS, type SiteSettings } from '../../../src/shared/settings';

const P1 = 'http://127.0.0.1:8801';
const P2 = 'http://127.0.0.1:8802';
const OTHER = 'http://localhost:8801';

const site = (origin: string, state: SiteSettings['state'] = 'on'): SiteSettings => ({
  origin,
  state,
  method: 'cms',
  medicare: true,
});

function settings(sites: SiteSettings[]) {
  return applyPolicy(
    { ...structuredClone(DEFAULT_SETTINGS), sites: Object.fromEntries(sites.map((s) => [s.origin, s])) },
    undefined,
  );
}

describe('whose snapshot the worker takes', () => {
  it('ignores a frame of an enabled site inside a page of a site that is off (the port trick)', () => {
    const current = settings([site(P1)]);
    expect(frameVerdict(current, new Set([P1]), P2, P1, undefined)).toBe('top-origin-off');
    expect(frameVerdict(current, new Set([P1]), P1, P1, undefined)).toBeUndefined();
  });

  it('ignores a frame whose own site is off, even inside an enabled page and with the permission held', () => {
    const current = settings([site(P1)]);
    expect(frameVerdict(current, new Set([P1, OTHER]), P1, OTHER, undefined)).toBe('frame-origin-off');
    expect(frameVerdict(current, new Set([P1]), P1, P2, undefined)).toBe('frame-origin-off');
  });

  it('ignores a paused frame and a site whose permission was withdrawn', () => {
    const current = settings([site(P1), site(OTHER, 'paused')]);
    expect(frameVerdict(current, new Set([P1, OTHER]), P1, OTHER, undefined)).toBe('frame-origin-paused');
    expect(frameVerdict(settings([site(P1)]), new Set(), P1, P1, undefined)).toBe('frame-origin-off');
  });

  it('takes a frame of an enabled site in a page that is off when the coder allowed it in that tab', () => {
    const current = settings([site(OTHER)]);
    expect(frameVerdict(current, new Set([OTHER]), P1, OTHER, new Set([OTHER]))).toBeUndefined();
    expect(frameVerdict(current, new Set([OTHER]), P1, OTHER, new Set())).toBe('top-origin-off');
  });
});

describe('the write limiter', () => {
  it('lets a few writes a minute through per tab and refuses a burst', () => {
    let now = 0;
    const limiter = createWriteLimiter(3, { now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.allow(1))).toEqual([true, true, true, false]);
    expect(limiter.allow(2)).toBe(true);
    now = 61_000;
    expect(limiter.allow(1)).toBe(true);
  });
});

describe('the analysis debounce', () => {
  it('runs once for a burst and cannot be postponed beyond its maximum wait', () => {
    vi.useFakeTimers();
    try {
      const runs: number[] = [];
      const keys: number[] = [];
      const debouncer = createDebouncer<number>(
        (key) => {
          keys.push(key);
          runs.push(Date.now());
        },
        30,
        250,
      );
      const start = Date.now();
      // A snapshot every 20 ms, forever: without the maximum wait the run would never come.
      for (let at = 0; at < 1_000; at += 20) {
        debouncer.schedule(7);
        vi.advanceTimersByTime(20);
      }
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs[0]! - start).toBeLessThanOrEqual(250);
      debouncer.schedule(8);
      debouncer.schedule(8);
      vi.advanceTimersByTime(31);
      expect(keys.filter((key) => key === 8)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("spaces a costly key's runs by its rest while another key keeps its quiet time", () => {
    vi.useFakeTimers();
    try {
      const runs: Array<{ key: number; at: number }> = [];
      const start = Date.now();
      const debouncer = createDebouncer<number>(
        (key) => {
          runs.push({ key, at: Date.now() - start });
          // Tab 1 is a storm whose every analysis costs 400 ms: it rests three times that.
          if (key === 1) debouncer.rest(1, 1_200);
        },
        30,
        250,
      );
      const quiet: number[] = [];
      for (let at = 0; at < 5_000; at += 20) {
        debouncer.schedule(1);
        if (at % 1_000 === 500) {
          debouncer.schedule(2);
          quiet.push(at);
        }
        vi.advanceTimersByTime(20);
      }
      const storm = runs.filter((run) => run.key === 1).map((run) => run.at);
      expect(storm.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < storm.length; i++) expect(storm[i]! - storm[i - 1]!).toBeGreaterThanOrEqual(1_200);
      // The quiet tab is analysed 30 ms after each of its snapshots, storm or not.
      const calm = runs.filter((run) => run.key === 2).map((run) => run.at);
      expect(calm).toHaveLength(quiet.length);
      calm.forEach((at, i) => expect(at - quiet[i]!).toBeLessThanOrEqual(40));
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves a pending run back when its key is told to rest, and not forward', () => {
    vi.useFakeTimers();
    try {
      const runs: number[] = [];
      const start = Date.now();
      const debouncer = createDebouncer<number>(() => runs.push(Date.now() - start), 30, 250);
      debouncer.schedule(3);
      debouncer.rest(3, 500);
      vi.advanceTimersByTime(499);
      expect(runs).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(runs).toEqual([500]);
      // A rest shorter than the quiet time left changes nothing.
      debouncer.schedule(3);
      debouncer.rest(3, 10);
      vi.advanceTimersByTime(30);
      expect(runs).toEqual([500, 530]);
      // Cancelling a key (its tab closed) forgets its rest too.
      debouncer.rest(3, 10_000);
      debouncer.cancel(3);
      debouncer.schedule(3);
      vi.advanceTimersByTime(30);
      expect(runs).toEqual([500, 530, 560]);
    } finally {
      vi.useRealTimers();
    }
  });
});
