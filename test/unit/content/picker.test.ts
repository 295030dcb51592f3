// @vitest-environment jsdom
/**
 * "A pick shows what it picked" (issue #16): the picker describes the element the coder clicked (what it is
 * called, how much text it holds and its first words, the selector saved and where it sits), and the pill
 * shows that description, so a wrong pick is seen at once. Only the coder's own click picks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserMock } from '../ui/i18n-mock';

vi.mock('webextension-polyfill', () => browserMock);
vi.mock('../../../src/shared/browser-api', () => browserMock);
const { describePicked, startPicker } = await import('../../../src/content/picker');
const { createOverlayView, pickedText } = await import('../../../src/ui/overlay/pill-view');

afterEach(() => document.body.replaceChildren());

const NOTE =
  'Gait training (97116): 23 min. Pt ambulated 150 ft x 3 with rolling walker, CGA, verbal cues for step length.';

describe('describePicked', () => {
  it('names a labelled textarea, counts its text and gives its first words', () => {
    document.body.innerHTML = `<label for="soap">Daily note</label><textarea id="soap"></textarea>`;
    const field = document.querySelector('textarea')!;
    field.value = NOTE;
    const picked = describePicked(field, 'note', '#soap');
    expect(picked).toMatchObject({
      kind: 'note',
      name: 'textarea “Daily note”',
      chars: NOTE.length,
      start: 'Gait training (97116): 23 min. Pt ambulated 150…',
      selector: '#soap',
    });
    expect(pickedText(picked)).toBe(
      `Picked as the note: textarea “Daily note”, ${NOTE.length} characters: “Gait training (97116): 23 min. Pt ambulated 150…”`,
    );
  });

  it('says when the picked element is a search box with no text: the wrong pick shows at once', () => {
    document.body.innerHTML = `<input type="search" placeholder="Search patients" name="q">`;
    const picked = describePicked(document.querySelector('input')!, 'note', 'input[name="q"]');
    expect(picked.name).toBe('input “Search patients”');
    expect(pickedText(picked)).toBe('Picked as the note: input “Search patients”, no text');
  });

  it('names a charge table by its caption and a rich-text editor by its role and aria-label', () => {
    document.body.innerHTML = `
      <table><caption>Fee sheet</caption><tr><td>97116</td><td>3</td><td>GP</td></tr></table>
      <div role="textbox" aria-label="Progress note" contenteditable="true"><p>Gait</p><p>training</p></div>`;
    const table = describePicked(document.querySelector('table')!, 'charges', 'table');
    expect(table.name).toBe('table “Fee sheet”');
    expect(table.start).toContain('97116');
    expect(pickedText(table)).toMatch(/^Picked as the charges: table “Fee sheet”, \d+ characters: “/);
    const editor = describePicked(document.querySelector('[role="textbox"]')!, 'note', 'div');
    expect(editor.name).toBe('div (textbox) “Progress note”');
  });

  it('never reads into a frame: its text belongs to the frame’s own origin', () => {
    document.body.innerHTML = `<iframe title="Therapy note" srcdoc="<p>${NOTE}</p>">Fallback words</iframe>`;
    const picked = describePicked(document.querySelector('iframe')!, 'note', 'iframe');
    expect(picked).toMatchObject({ name: 'iframe “Therapy note”', chars: 0, start: '' });
    expect(JSON.stringify(picked)).not.toContain('ambulated');
  });
});

describe('the pill after a pick', () => {
  it('shows what was picked and where it was saved', () => {
    document.body.innerHTML = `<label for="soap">Daily note</label><textarea id="soap"></textarea>`;
    document.querySelector('textarea')!.value = NOTE;
    const view = createOverlayView({
      onExpandedChange: () => undefined,
      onReveal: () => undefined,
      onPick: () => undefined,
      onHide: () => undefined,
    });
    const base = {
      report: undefined,
      stale: false,
      picking: undefined,
      expanded: true,
      opensUp: false,
      alignRight: false,
      focusFirst: false,
    };
    view.draw({ ...base, picked: undefined });
    expect(view.element.querySelector('.gg-picked')).toBeNull();
    view.draw({ ...base, picked: describePicked(document.querySelector('textarea')!, 'note', '#soap') });
    const shown = view.element.querySelector('.gg-picked')!.textContent;
    expect(shown).toContain('Picked as the note: textarea “Daily note”');
    expect(shown).toContain('“Gait training (97116): 23 min.');
    expect(shown).toContain('Saved for this site as #soap');
  });
});

describe('startPicker', () => {
  it('does not pick on a click a page script makes', () => {
    document.body.innerHTML = `<textarea id="decoy">Pt ambulated.</textarea>`;
    const layer = document.createElement('div').attachShadow({ mode: 'closed' });
    const onPicked = vi.fn();
    const controller = new AbortController();
    startPicker('note', { layer, onPicked, onDone: () => undefined }, controller.signal);
    document.querySelector<HTMLTextAreaElement>('#decoy')!.click();
    expect(onPicked).not.toHaveBeenCalled();
    controller.abort();
  });
});
