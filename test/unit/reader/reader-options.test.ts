import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { MAX_NOTE_CHARS } from '../../../src/engine/model';
import { readFrame, shouldReportFrame } from '../../../src/reader/frame-reader';
import { FrameSnapshotSchema } from '../../../src/reader/snapshot';
import { largePageHtml } from '../../fixtures/pages/generate-large';
import { loadPage, pageFromHtml } from './helpers';

const CUSTOM_PAGE = `<!doctype html><html><body>
<div class="x1"><div class="x2">Pt ambulated with walker. Gait training 97116 for 30 minutes with cues for posture.</div></div>
<div class="z9"><span>97116</span> <span>GP</span> <span>2</span></div>
<div class="z9"><span>97110</span> <span>GP</span> <span>1</span></div>
<textarea id="scratch">Scratch pad text that is not the note.</textarea>
</body></html>`;

describe('coder-picked selectors and options', () => {
  it('uses picked note and charge selectors over heuristics', () => {
    const doc = pageFromHtml(CUSTOM_PAGE).window.document;
    expect(readFrame(doc).notes.map((note) => note.text)).toEqual(['Scratch pad text that is not the note.']);
    const picked = readFrame(doc, { noteSelectors: ['div.x2'], chargeSelectors: ['#nothing-here'] });
    expect(picked.notes.map((note) => note.text)).toEqual([
      'Pt ambulated with walker. Gait training 97116 for 30 minutes with cues for posture.',
    ]);
    expect(picked.charges).toEqual([]);
    expect(picked.warnings).toContain('The charge table picked for this site was not found on this page.');
  });

  it('reports invalid selectors as warnings instead of throwing, without note text', () => {
    const doc = pageFromHtml(CUSTOM_PAGE).window.document;
    const snapshot = readFrame(doc, { noteSelectors: ['div[[['], ignoreSelector: '::::' });
    expect(snapshot.warnings).toEqual([
      'The ignore selector is not valid CSS and was not used.',
      'A saved note field selector is not valid CSS and was skipped: div[[[',
      'The note field picked for this site was not found on this page.',
    ]);
    expect(snapshot.warnings.join(' ')).not.toContain('Scratch');
    expect(snapshot.notes).toHaveLength(1);
  });

  it('skips whatever the ignore selector matches', () => {
    const doc = pageFromHtml(CUSTOM_PAGE).window.document;
    expect(readFrame(doc, { ignoreSelector: '#scratch' }).notes).toEqual([]);
  });

  it('never mutates the DOM', () => {
    const dom = loadPage(
      'openemr-fee-sheet.html',
      'https://openemr.example.org/interface/forms/fee_sheet/new.php',
    );
    const before = dom.serialize();
    const observer = new dom.window.MutationObserver(() => undefined);
    observer.observe(dom.window.document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    readFrame(dom.window.document, { noteSelectors: ['textarea'], chargeSelectors: ['#selected_codes'] });
    expect(observer.takeRecords()).toEqual([]);
    expect(dom.serialize()).toBe(before);
  });

  it('truncates an over-long note with a warning', () => {
    const dom = pageFromHtml('<label for="n">Note</label><textarea id="n"></textarea>');
    (dom.window.document.getElementById('n') as HTMLTextAreaElement).value = 'x'.repeat(MAX_NOTE_CHARS + 10);
    const snapshot = readFrame(dom.window.document);
    expect(snapshot.notes[0]!.text).toHaveLength(MAX_NOTE_CHARS);
    expect(snapshot.warnings).toEqual([
      `The note field "Note" is longer than ${MAX_NOTE_CHARS} characters; only the start was read.`,
    ]);
  });

  it('assumes one unit (with a warning) when a charge table shows no units column', () => {
    const doc = pageFromHtml(
      '<table><tr><th>CPT Code</th><th>Modifier</th></tr><tr><td>97116-GP</td><td></td></tr></table>',
    ).window.document;
    const snapshot = readFrame(doc);
    expect(snapshot.charges.map(({ code, units, modifiers }) => [code, units, modifiers])).toEqual([
      ['97116', 1, ['GP']],
    ]);
    expect(snapshot.warnings).toEqual(['1 charge line(s) show no units; 1 unit was assumed for each.']);
  });

  it('does not take 5-digit numbers outside charge structures for codes', () => {
    const doc = pageFromHtml(
      '<table><tr><th>Name</th><th>Zip code</th><th>MRN</th></tr><tr><td>A. Patient</td><td>97116</td><td>97110</td></tr></table>',
    ).window.document;
    expect(readFrame(doc).charges).toEqual([]);
  });
});

describe('inline editor frames and large pages', () => {
  it('tells an about:blank editor frame not to report itself (its parent reads it)', () => {
    const dom = new JSDOM('<iframe id="ed"></iframe>', { url: 'https://ehr.example.org/' });
    const editorDoc = (dom.window.document.getElementById('ed') as HTMLIFrameElement).contentDocument!;
    expect(shouldReportFrame(editorDoc)).toBe(false);
    expect(shouldReportFrame(dom.window.document)).toBe(true);
  });

  it('generates a page of the requested size that the reader handles', () => {
    const dom = new JSDOM(largePageHtml(10_000), {
      url: 'https://openemr.example.org/interface/forms/fee_sheet/new.php',
    });
    const count = dom.window.document.getElementsByTagName('*').length;
    expect(count).toBeGreaterThan(9_500);
    expect(count).toBeLessThan(10_500);
    const snapshot = readFrame(dom.window.document);
    expect(FrameSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.notes.map((note) => note.source.label)).toEqual([
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
    ]);
    expect(snapshot.charges.map(({ code, units }) => [code, units])).toEqual([['97116', 2]]);
    expect(snapshot.dateOfService).toBe('2024-05-14');
  });
});
