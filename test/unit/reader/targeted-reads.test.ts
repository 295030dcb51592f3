import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { JSDOM } from 'jsdom';
import { readFrame } from '../../../src/reader/frame-reader';
import * as scanModule from '../../../src/reader/scan';
import type { FrameSnapshot } from '../../../src/reader/snapshot';
import { watchPage } from '../../../src/reader/watch';
import { loadPage } from './helpers';

// Counts full scans: the targeted paths must not walk the page, and the fallbacks must.
vi.mock('../../../src/reader/scan', async (importOriginal) => {
  const original = await importOriginal<typeof scanModule>();
  return { ...original, scanFrame: vi.fn(original.scanFrame) };
});
const scanFrame = vi.mocked(scanModule.scanFrame);

const FIXTURES: Array<{ name: string; url: string; scripts?: boolean }> = [
  { name: 'textarea-note.html', url: 'https://ehr.example.org/visit/1' },
  { name: 'contenteditable-note.html', url: 'https://summit.example.com/visit/7' },
  { name: 'iframe-editor.html', url: 'https://therachart.example.net/note', scripts: true },
  { name: 'openemr-fee-sheet.html', url: 'https://billing.example.net/fees' },
  { name: 'time-in-out.html', url: 'https://ehr.example.org/time' },
  { name: 'hidden-stale-note.html', url: 'https://cascade.example.org/note' },
  { name: 'medplum-charges.html', url: 'https://ehr.example.org/encounter' },
];

const open: JSDOM[] = [];
afterEach(() => {
  for (const dom of open.splice(0)) dom.window.close();
});

function load(fixture: (typeof FIXTURES)[number]): JSDOM {
  const dom = loadPage(fixture.name, fixture.url, fixture.scripts ? { runScripts: 'dangerously' } : {});
  open.push(dom);
  return dom;
}

/** The page's documents: the frame's own and its inline editor frames'. */
function documents(doc: Document): Document[] {
  const inner = Array.from(doc.querySelectorAll('iframe'))
    .map((frame) => frame.contentDocument)
    .filter((child): child is Document => child?.body != null);
  return [doc, ...inner];
}

function editors(doc: Document): HTMLElement[] {
  return documents(doc).flatMap((d) => Array.from(d.querySelectorAll<HTMLElement>('[contenteditable]')));
}

function lastTextNode(el: Element): Text {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
  return last ?? el.appendChild(el.ownerDocument.createTextNode(''));
}

function fire(el: Element, type: 'input' | 'change'): void {
  const view = el.ownerDocument.defaultView!;
  el.dispatchEvent(new view.Event(type, { bubbles: true }));
}

const WORDS = [
  ' gait',
  ' 97116',
  ' x 3 units',
  ' 23 min',
  '\n',
  '  ',
  'Date of service: 05/14/2024',
  'Payer: Medicare',
  'PTA',
  '',
  'a',
];
const word = fc.constantFrom(...WORDS);

type Edit =
  | { kind: 'type-textarea' | 'script-textarea' | 'default-textarea'; at: number; text: string; cut: number }
  | { kind: 'type-editor' | 'paragraph-editor'; at: number; text: string }
  | { kind: 'clear-editor' | 'table-editor' | 'attribute-editor'; at: number }
  | { kind: 'set-input'; at: number; text: string; event: 'input' | 'change' }
  | { kind: 'toggle-checkbox' | 'pick-option'; at: number }
  | { kind: 'outside'; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('type-textarea', 'script-textarea', 'default-textarea'),
    at: fc.nat(9),
    text: word,
    cut: fc.nat(3),
  }),
  fc.record({ kind: fc.constantFrom('type-editor', 'paragraph-editor'), at: fc.nat(9), text: word }),
  fc.record({ kind: fc.constantFrom('clear-editor', 'table-editor', 'attribute-editor'), at: fc.nat(9) }),
  fc.record({
    kind: fc.constant('set-input'),
    at: fc.nat(19),
    text: fc.constantFrom('2', '97116', 'GP', '', '11', '4'),
    event: fc.constantFrom('input', 'change'),
  }),
  fc.record({ kind: fc.constantFrom('toggle-checkbox', 'pick-option'), at: fc.nat(19) }),
  fc.record({ kind: fc.constant('outside'), text: word }),
) as fc.Arbitrary<Edit>;

function pick<T>(items: T[], at: number): T | undefined {
  return items.length > 0 ? items[at % items.length] : undefined;
}

/** Does to the page what a coder, an editor library or the page's own script would. */
function apply(doc: Document, step: Edit): void {
  switch (step.kind) {
    case 'type-textarea':
    case 'script-textarea':
    case 'default-textarea': {
      const area = pick(Array.from(doc.querySelectorAll('textarea')), step.at);
      if (!area) return;
      const kept = area.value.slice(0, Math.max(0, area.value.length - step.cut));
      if (step.kind === 'default-textarea') area.textContent = kept + step.text;
      else area.value = kept + step.text;
      if (step.kind === 'type-textarea') fire(area, 'input');
      return;
    }
    case 'type-editor': {
      const editor = pick(editors(doc), step.at);
      if (!editor) return;
      lastTextNode(editor).appendData(step.text);
      fire(editor, 'input');
      return;
    }
    case 'paragraph-editor': {
      const editor = pick(editors(doc), step.at);
      if (!editor) return;
      const paragraph = editor.ownerDocument.createElement('p');
      paragraph.textContent = step.text;
      editor.append(paragraph);
      fire(editor, 'input');
      return;
    }
    case 'clear-editor': {
      const editor = pick(editors(doc), step.at);
      if (!editor) return;
      editor.textContent = '';
      fire(editor, 'input');
      return;
    }
    case 'table-editor': {
      const editor = pick(editors(doc), step.at);
      editor?.insertAdjacentHTML(
        'beforeend',
        '<table><tr><th>CPT</th><th>Units</th></tr><tr><td>97116</td><td>2</td></tr></table>',
      );
      return;
    }
    case 'attribute-editor': {
      const editor = pick(editors(doc), step.at);
      const child = editor?.firstElementChild;
      if (child) child.setAttribute('hidden', '');
      return;
    }
    case 'set-input': {
      const input = pick(
        Array.from(doc.querySelectorAll<HTMLInputElement>('input:not([type="checkbox"])')),
        step.at,
      );
      if (!input) return;
      input.value = step.text;
      fire(input, step.event);
      return;
    }
    case 'toggle-checkbox': {
      const box = pick(Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')), step.at);
      if (!box) return;
      box.checked = !box.checked;
      fire(box, 'change');
      return;
    }
    case 'pick-option': {
      const select = pick(Array.from(doc.querySelectorAll('select')), step.at);
      if (!select || select.options.length === 0) return;
      select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
      fire(select, 'change');
      return;
    }
    case 'outside': {
      const note = doc.createElement('div');
      note.className = 'progress-note';
      note.textContent = `Progress note: ${step.text} `.repeat(8);
      doc.body.append(note);
      return;
    }
  }
}

/** Mutation records reach the watcher in a microtask; a timer runs after them. */
function settle(dom: JSDOM): Promise<void> {
  return new Promise((resolve) => dom.window.setTimeout(resolve, 0));
}

function comparable(snapshot: FrameSnapshot | undefined): Omit<FrameSnapshot, 'warnings'> | undefined {
  if (!snapshot) return undefined;
  const { warnings: _warnings, ...rest } = snapshot;
  return rest;
}

describe('targeted re-reads', () => {
  it.each(FIXTURES)(
    'equal a full read after every edit ($name)',
    async (fixture) => {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
          const dom = load(fixture);
          const doc = dom.window.document;
          const controller = new AbortController();
          let latest: FrameSnapshot | undefined;
          const watcher = watchPage(doc, (snapshot) => (latest = snapshot), {
            signal: controller.signal,
            debounceMs: 10_000,
          });
          try {
            for (const step of edits) {
              apply(doc, step);
              await settle(dom);
              watcher.rescan();
              expect(comparable(latest)).toEqual(comparable(readFrame(doc)));
            }
          } finally {
            controller.abort();
            dom.window.close();
          }
        }),
        { numRuns: 25 },
      );
      // 25 runs of up to 12 edits each, every one read twice under jsdom: on a shared machine this takes
      // 10 to 20 s, so it gets a minute; nothing here is timed.
    },
    60_000,
  );
});

describe('what a keystroke costs', () => {
  async function watched(fixture: (typeof FIXTURES)[number]) {
    const dom = load(fixture);
    const doc = dom.window.document;
    const controller = new AbortController();
    const seen: FrameSnapshot[] = [];
    const watcher = watchPage(doc, (snapshot) => seen.push(snapshot), {
      signal: controller.signal,
      debounceMs: 10_000,
    });
    const scansAfter = async (change: () => void): Promise<number> => {
      const before = scanFrame.mock.calls.length;
      change();
      await settle(dom);
      watcher.rescan();
      return scanFrame.mock.calls.length - before;
    };
    return { doc, seen, scansAfter, stop: () => controller.abort() };
  }

  it('updates a textarea note without scanning the page', async () => {
    const { doc, seen, scansAfter, stop } = await watched(FIXTURES[0]!);
    const note = doc.querySelector<HTMLTextAreaElement>('#note-body')!;
    const scans = await scansAfter(() => {
      note.value += ' Stairs 4 steps.';
      fire(note, 'input');
    });
    expect(scans).toBe(0);
    expect(seen.at(-1)!.notes.find((n) => n.id === seen[0]!.notes[0]!.id)?.text).toMatch(/Stairs 4 steps\.$/);
    stop();
  });

  it('re-reads only the editor typed in, and the whole page once a fact label appears in it', async () => {
    const { doc, seen, scansAfter, stop } = await watched(FIXTURES[1]!);
    const editor = doc.querySelector<HTMLElement>('[aria-labelledby="lbl-note"]')!;
    const typed = await scansAfter(() => {
      lastTextNode(editor).appendData(' Ramp x4.');
      editor.append(doc.createElement('p'));
      fire(editor, 'input');
    });
    expect(typed).toBe(0);
    expect(seen.at(-1)!.notes.some((n) => n.text.endsWith('Ramp x4.'))).toBe(true);
    expect(seen.at(-1)!.notes).toEqual(readFrame(doc).notes);
    const withFact = await scansAfter(() => {
      editor.insertAdjacentHTML('beforeend', '<p>Date of service: 06/04/2024</p>');
    });
    expect(withFact).toBe(1);
    expect(seen.at(-1)!.dateOfService).toBe(readFrame(doc).dateOfService);
    stop();
  });

  it('reads a changed charge control against the cached scan, and scans when markup changes', async () => {
    const { doc, seen, scansAfter, stop } = await watched(FIXTURES[3]!);
    const units = doc.querySelector<HTMLInputElement>('input[name="bill[2][units]"]')!;
    const typed = await scansAfter(() => {
      units.value = '2';
      fire(units, 'input');
    });
    expect(typed).toBe(0);
    expect(seen.at(-1)!.charges.find((line) => line.code === '97116')?.units).toBe(2);
    const added = await scansAfter(() => doc.body.append(doc.createElement('textarea')));
    expect(added).toBe(1);
    stop();
  });
});
