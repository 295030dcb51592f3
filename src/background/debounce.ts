/**
 * A per-key debounce with a maximum wait: each call postpones the run by `quietMs`, but never beyond
 * `maxWaitMs` after the first call that is still pending, so a steady stream of calls cannot starve it.
 * A key may also be told to rest after a costly run: its next run waits at least that long, whatever the
 * maximum wait says, so one key's stream cannot take the whole thread from the others.
 */
export interface Debouncer<K> {
  schedule(key: K): void;
  cancel(key: K): void;
  pending(key: K): boolean;
  /** The key's next run comes no sooner than `ms` from now (a pending run is moved back if need be). */
  rest(key: K, ms: number): void;
}

export function createDebouncer<K>(
  run: (key: K) => void,
  quietMs: number,
  maxWaitMs: number,
  clock: { now(): number } = Date,
): Debouncer<K> {
  const timers = new Map<K, { timer: ReturnType<typeof setTimeout>; firstAt: number; dueAt: number }>();
  const restUntil = new Map<K, number>();
  const fire = (key: K) => {
    timers.delete(key);
    run(key);
  };
  const arm = (key: K, firstAt: number, dueAt: number, now: number) => {
    timers.set(key, { timer: setTimeout(() => fire(key), Math.max(0, dueAt - now)), firstAt, dueAt });
  };
  const restingUntil = (key: K, now: number): number => {
    const until = restUntil.get(key);
    if (until !== undefined && until <= now) restUntil.delete(key);
    return until ?? 0;
  };
  return {
    schedule(key) {
      const now = clock.now();
      const existing = timers.get(key);
      const firstAt = existing?.firstAt ?? now;
      if (existing) clearTimeout(existing.timer);
      const dueAt = Math.max(now + Math.min(quietMs, firstAt + maxWaitMs - now), restingUntil(key, now));
      arm(key, firstAt, dueAt, now);
    },
    cancel(key) {
      const existing = timers.get(key);
      if (existing) clearTimeout(existing.timer);
      timers.delete(key);
      restUntil.delete(key);
    },
    pending: (key) => timers.has(key),
    rest(key, ms) {
      const now = clock.now();
      if (ms <= 0) return;
      restUntil.set(key, now + ms);
      const existing = timers.get(key);
      if (!existing || existing.dueAt >= now + ms) return;
      clearTimeout(existing.timer);
      arm(key, existing.firstAt, now + ms, now);
    },
  };
}
