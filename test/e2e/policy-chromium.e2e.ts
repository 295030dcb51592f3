/**
 * Hospital policy in real Chromium: a managed policy presets the demo site (per-code payer), turns a rule off
 * and locks both; the coder sees GaitGuard on without a click and cannot change what the policy set.
 * Writing Chromium's policy directory needs root (as in CI); elsewhere the test is skipped and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchChromium,
  openPopupFor,
  waitForOverlayFindings,
  type ChromiumSession,
} from './harness/chromium';
import { canWritePolicy, keyedTestBuild, writeChromiumPolicy, type PolicyBuild } from './harness/policy';

const writable = canWritePolicy();

describe.skipIf(!writable)('a locking hospital policy (needs write access to /etc/chromium/policies)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let build: PolicyBuild;
  let removePolicy: () => void = () => undefined;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    build = keyedTestBuild();
    removePolicy = writeChromiumPolicy(build.extensionId, {
      sites: [{ origin: server.origin, method: 'per-code', medicare: false }],
      disabledRules: ['documentation-incomplete'],
      lock: true,
    });
    session = await launchChromium({ extensionPath: build.path });
    if (session.extensionId !== build.extensionId)
      throw new Error('the keyed build did not get its fixed id');
    // The worker registers the policy's site at start-up; pages opened after that get the reader.
    const deadline = Date.now() + 15_000;
    while (
      (await session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length === 0
    ) {
      if (Date.now() > deadline) throw new Error('the policy site was never registered');
      await new Promise((done) => setTimeout(done, 100));
    }
    page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/daily-note.html`);
  });

  afterAll(async () => {
    removePolicy();
    await session?.close();
    build?.remove();
    await server?.close();
  });

  it('checks the site without the coder turning it on, with the policy payer method and rules', async () => {
    const findings = await waitForOverlayFindings(page, { atLeast: 1 });
    const rules = findings.map((finding) => finding.rule);
    expect(rules).toContain('repetitive-walking');
    // The page shows "Insurance: Medicare Part B": a payer on the page wins over the policy's site default
    // (domain doc §9), so Medicare's GP rule applies here; the policy's rule switch still holds.
    expect(rules).toContain('gp-modifier-missing');
    expect(rules).not.toContain('documentation-incomplete');
  });

  it('shows the site locked in the popup', async () => {
    const popup = await openPopupFor(session, page.url());
    await popup.getByTestId('site-state').filter({ hasText: 'On' }).waitFor();
    expect(await popup.getByText('Set by your organisation').count()).toBeGreaterThan(0);
    expect(await popup.getByRole('button', { name: 'Turn off' }).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    const perCode = popup.getByRole('radio', { name: 'Commercial (per-code)' });
    expect(await perCode.isChecked()).toBe(true);
    expect(await perCode.isDisabled()).toBe(true);
    await popup.close();
  });

  it('shows the policy rule locked off on the options page', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    const rule = options.locator('#rule-documentation-incomplete');
    await rule.waitFor();
    expect(await rule.isChecked()).toBe(false);
    expect(await rule.isDisabled()).toBe(true);
    const site = options.locator(`tr[data-origin="${server.origin}"]`);
    expect(await site.getByText('Set by your organisation').count()).toBe(1);
    await options.close();
  });
});
