/**
 * A per-key debounce with a maximum wait: each call postpones the run by `quietMs`, but never beyond
 * `maxWaitMs` after the first call that is still pending, so a steady stream of calls cannot starve it.
 */
export interface Debouncer<K> {
  schedule(key: K): void;
  cancel(key: K): void;
  pending(key: K): boolean;
}

export function createDebouncer<K>(
  run: (key: K) => void,
  quietMs: number,
  maxWaitMs: number,
  clock: { now(): number } = Date,
): Debouncer<K> {
  const timers = new Map<K, { timer: ReturnType<typeof setTimeout>; firstAt: number }>();
  const fire = (key: K) => {
    timers.delete(key);
    run(key);
  };
  return {
    schedule(key) {
      const now = clock.now();
      const existing = timers.get(key);
      const firstAt = existing?.firstAt ?? now;
      if (existing) clearTimeout(existing.timer);
      const delay = Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now));
      timers.set(key, { timer: setTimeout(() => fire(key), delay), firstAt });
    },
    cancel(key) {
      const existing = timers.get(key);
      if (existing) clearTimeout(existing.timer);
      timers.delete(key);
    },
    pending: (key) => timers.has(key),
  };
}
