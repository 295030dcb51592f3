export const TEST_ONLY_HOSTS: RegExp;
export const FIREFOX_ESR: number;
export function shippedBuildProblems(
  dir: string,
  browser: 'chrome' | 'firefox',
  expected: { version: string },
): string[];
