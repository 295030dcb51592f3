/** Runs axe-core in a page (through the debugger protocol, so extension pages' CSP does not block it). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { inOverlay } from './chromium';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document);
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[]
    ).map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
}

export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * axe-core over the page with GaitGuard's closed roots included. axe finds shadow trees through
 * host.shadowRoot, which is null for a closed root; for the run only, the harness lends each host a
 * shadowRoot getter with the root the DevTools protocol handed it (see inOverlay), and takes it back after.
 * `checked` counts the overlay's nodes axe looked at, so an overlay it never saw cannot pass unseen.
 */
export async function runAxeOnOverlay(page: Page): Promise<{ violations: AxeViolation[]; checked: number }> {
  await page.evaluate(axeSource);
  return inOverlay(page, async (_root, roots) => {
    for (const root of roots)
      Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
    try {
      const axe = (
        window as unknown as {
          axe: { run(context: Document): Promise<Record<'violations' | 'passes', unknown[]>> };
        }
      ).axe;
      const result = await axe.run(document);
      type Rule = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
      const overlayNodes = (rule: Rule) =>
        rule.nodes.filter((node) => JSON.stringify(node.target).includes('gaitguard-overlay'));
      return {
        violations: (result.violations as Rule[])
          .filter((rule) => overlayNodes(rule).length > 0)
          .map((rule) => ({
            id: rule.id,
            impact: rule.impact,
            help: rule.help,
            targets: overlayNodes(rule).map((node) => JSON.stringify(node.target)),
          })),
        checked: (result.passes as Rule[]).reduce((sum, rule) => sum + overlayNodes(rule).length, 0),
      };
    } finally {
      for (const root of roots) delete (root.host as unknown as { shadowRoot?: unknown }).shadowRoot;
    }
  });
}
