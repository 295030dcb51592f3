/**
 * The one wait of the end-to-end harnesses: ask again until the answer is truthy or the time is up. A check
 * that throws (a document being swapped under the poll) counts as "not yet"; its last error becomes the
 * cause of the timeout. Waits for a state, never for a fixed time.
 */
export async function pollUntil(
  check: () => Promise<unknown>,
  timeout: number,
  failure: string,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${failure}: ${timeout}ms exceeded`, lastError ? { cause: lastError } : undefined);
    await new Promise((next) => setTimeout(next, 100));
  }
}
