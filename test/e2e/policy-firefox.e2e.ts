/**
 * Hospital policy in real Firefox ESR: policies.json presets the demo site (per-code payer), turns a rule off
 * and locks both; the site is checked without a click and the popup and options page show the lock.
 * Writing Firefox's distribution folder needs root (as in CI); elsewhere the test is skipped and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  launchFirefox,
  openExtensionPage,
  overlayRulesFirefox,
  waitInOverlayFirefox,
  type FirefoxSession,
  waitForFunctionIn,
} from './harness/firefox';
import { canWriteFirefoxPolicy, writeFirefoxPolicy } from './harness/policy-firefox';

const writable = canWriteFirefoxPolicy();

describe.skipIf(!writable)(
  'a locking hospital policy in Firefox (needs write access to its distribution folder)',
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let restorePolicy: () => void = () => undefined;
    let session: FirefoxSession;
    let page: Page;

    beforeAll(async () => {
      server = await startServer();
      restorePolicy = writeFirefoxPolicy({
        sites: [{ origin: server.origin, method: 'per-code', medicare: false }],
        disabledRules: ['documentation-incomplete'],
        lock: true,
      });
      session = await launchFirefox();
      page = await session.browser.newPage();
      // The worker registers the policy's site when it starts; a page loaded after that gets the reader.
      const deadline = Date.now() + 20_000;
      for (;;) {
        await page.goto(`${server.origin}/demo/daily-note.html`);
        const found = await page
          .waitForSelector('gaitguard-overlay', { timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (found) break;
        if (Date.now() > deadline) throw new Error('the policy site never got the reader');
      }
    });

    afterAll(async () => {
      restorePolicy();
      await session?.close();
      await server?.close();
    });

    it('checks the site without the coder turning it on, with the policy payer method and rules', async () => {
      await waitInOverlayFirefox(page, (root) => root?.querySelector('[data-rule="repetitive-walking"]'), {
        timeout: 20_000,
      });
      const rules = await overlayRulesFirefox(page);
      // The page shows "Insurance: Medicare Part B": a payer on the page wins over the policy's site default
      // (domain doc §9), so Medicare's GP rule applies here; the policy's rule switch still holds.
      expect(rules).toContain('gp-modifier-missing');
      expect(rules).not.toContain('documentation-incomplete');
    });

    it('shows the site and the rule locked', async () => {
      const popup = await openExtensionPage(
        session,
        `src/ui/popup/index.html?forUrl=${encodeURIComponent(page.url())}`,
      );
      await waitForFunctionIn(
        popup,
        () => document.querySelector('[data-testid="site-state"]')?.textContent === 'On',
        {
          timeout: 15_000,
        },
      );
      const popupState = await popup.evaluate(() => ({
        text: document.body.textContent ?? '',
        perCode: [...document.querySelectorAll('input[type="radio"]')].map((input) => ({
          checked: (input as HTMLInputElement).checked,
          disabled: (input as HTMLInputElement).closest('fieldset')?.disabled ?? false,
        })),
      }));
      expect(popupState.text).toContain('Set by your organisation');
      expect(popupState.text).not.toContain('Turn off');
      expect(popupState.perCode).toEqual([
        { checked: false, disabled: true },
        { checked: true, disabled: true },
      ]);
      await popup.close();

      const options = await openExtensionPage(session, 'src/ui/options/index.html');
      await options.waitForSelector('#rule-documentation-incomplete', { timeout: 15_000 });
      const rule = await options.$eval('#rule-documentation-incomplete', (input) => ({
        checked: (input as HTMLInputElement).checked,
        disabled: (input as HTMLInputElement).disabled,
      }));
      expect(rule).toEqual({ checked: false, disabled: true });
      await options.close();
    });
  },
);
