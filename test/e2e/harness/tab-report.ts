/**
 * Reading a tab's merged report the way the popup does (`get-tab-state` from an extension page), for tests
 * that assert what the page reader read in a real browser. Browser-neutral: the caller supplies how to
 * send a message from an extension page.
 */
import type { TabReport } from '../../../src/messages/to-content';

export type { TabReport };

export type AskWorker = (tabId: number) => Promise<TabReport | undefined>;

/** Rules fired, in report order. */
export function rulesOf(report: TabReport): string[] {
  return report.findings.map((finding) => finding.rule);
}

/** Every evidence quote of every finding, e.g. "charge:97116 × 3 GP" or "note:97116): 22 min". */
export function quotesOf(report: TabReport): string[] {
  return report.findings.flatMap((finding) =>
    finding.evidence.map((evidence) => `${evidence.kind}:${evidence.quote}`),
  );
}

export function describeReport(report: TabReport | undefined): string {
  if (!report) return 'no report';
  return JSON.stringify({
    notes: report.noteCount,
    charges: report.chargeCount,
    rules: rulesOf(report),
    quotes: quotesOf(report),
    foreign: report.foreignOrigins,
  });
}

/**
 * Polls the worker until the tab's report satisfies `accept`. The worker coalesces frames' snapshots and
 * each frame debounces its reads, so the first report after a navigation or an edit may be partial.
 */
export async function reportWhere(
  ask: AskWorker,
  tabId: number,
  accept: (report: TabReport) => boolean,
  timeoutMs = 20_000,
): Promise<TabReport> {
  const deadline = Date.now() + timeoutMs;
  let last: TabReport | undefined;
  while (Date.now() < deadline) {
    last = await ask(tabId);
    if (last && accept(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The tab's report never matched; last seen: ${describeReport(last)}`);
}

/** Waits (briefly) until the worker has forgotten the tab, so the next page's report cannot be stale. */
export async function waitUntilForgotten(ask: AskWorker, tabId: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await ask(tabId))) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('The worker still holds a report for the tab after it left the page');
}
