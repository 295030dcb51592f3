export const TEST_ONLY_HOSTS: RegExp;
export function shippedBuildProblems(
  dir: string,
  browser: 'chrome' | 'firefox',
  expected: { version: string },
): string[];
