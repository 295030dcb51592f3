/**
 * Which labels name the payer: "Coverage" and "Health plan" do, however the page lays them out; the note's own
 * "Plan:" does not (it is the plan of care), and a PTA named in the plan is not who furnished today's care.
 */
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { pageFromHtml } from './helpers';

const NOTE =
  '<div class="note"><p>Gait training 24 min: amb 200 ft x 3 w/ SPC, SBA, VC for heel strike.</p></div>';
const CHARGES =
  '<table><tr><th>CPT</th><th>Units</th><th>Mod</th></tr><tr><td>97116</td><td>2</td><td>GP</td></tr></table>';

function read(header: string, note = NOTE) {
  return readFrame(
    pageFromHtml(`<html><body><header>${header}</header>${note}${CHARGES}</body></html>`).window.document,
  );
}

describe('payer labels', () => {
  it.each([
    ['text and value in one node', '<span>Coverage: Aetna Choice POS II</span>'],
    ['value in its own element', '<span>Coverage: <b>Aetna Choice POS II</b></span>'],
    ['a description list', '<dl><dt>Coverage</dt><dd>Aetna Choice POS II</dd></dl>'],
    ['health plan', '<div><span>Health plan</span> <span>Aetna Choice POS II</span></div>'],
  ])('reads the payer from %s', (_, header) => {
    expect(read(header).payerName).toBe('Aetna Choice POS II');
  });

  it('does not take the note’s plan for the payer, nor a PTA named in it for today’s provider', () => {
    const note = `${NOTE.replace('</div>', '')}<div>Plan: PTA to continue gait training 2x/wk per POC</div></div>`;
    const snapshot = read('<div>Insurance: Medicare Part B</div>', note);
    expect(snapshot.payerName).toBe('Medicare Part B');
    expect(snapshot.furnishedBy ?? []).not.toContain('PTA');
    expect(read('', note).payerName).toBeUndefined();
  });
});
