/**
 * Hostile pages for the reader and the engine: a 5 MB note, binary garbage in text and attributes, and a
 * 5,000-deep DOM. Whatever the page holds, readFrame must return a snapshot the worker's schema accepts (the
 * worker would reject anything else and the coder would see nothing), and analyzeEncounter must finish.
 * No timing is asserted here (the benchmark does that); the suite's timeout catches a hang.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFrame, readFrameTree } from '../../../src/reader/frame-reader';
import { mergeFrames } from '../../../src/reader/merge';
import { FrameSnapshotSchema } from '../../../src/reader/snapshot';
import { DEFAULT_TABLES, analyzeEncounter, buildContext } from '../../../src/engine/index';
import { ALL_RULES } from '../../../src/engine/rules/index';
import { MAX_NOTE_CHARS } from '../../../src/engine/limits';

const NOTE = `S: Pt reports L knee stiffness after TKA 6 wks ago. Denies falls since last visit.
O: Gait training (97116): 23 min. Pt ambulated 300 ft x 3 in hallway with RW, cues for heel strike.
Ther ex (97110): 15 min - quad sets, SLR 3x10, heel slides.
A: Tolerated session well. Progressing toward goals.
P: Continue POC 2x/wk.
`;
const CHARGES = `<table><thead><tr><th>CPT</th><th>Mod</th><th>Units</th></tr></thead>
<tbody><tr><td>97116</td><td>GP</td><td>3</td></tr><tr><td>97110</td><td>GP</td><td>1</td></tr></tbody></table>`;

function page(body: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>Note</title></head><body>${body}</body></html>`, {
    url: 'https://ehr.example.org/chart',
  }).window.document;
}

/** Reads a frame and runs the engine on it the way the worker does; returns the snapshot after validation. */
function readAndAnalyze(doc: Document) {
  const snapshot = readFrame(doc);
  const parsed = FrameSnapshotSchema.safeParse(snapshot);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  const encounter = mergeFrames([{ frameId: 0, snapshot }], {
    name: 'Medicare',
    method: 'cms',
    medicare: true,
  });
  // analyzeEncounter turns a failing rule into silence; ask the note analysis and each rule directly.
  const ctx = buildContext(encounter, DEFAULT_TABLES);
  for (const rule of ALL_RULES) expect(() => rule.evaluate(ctx), rule.id).not.toThrow();
  const findings = analyzeEncounter(encounter);
  return { snapshot, findings };
}

/** Deterministic pseudo-random bytes (a failure must be reproducible). */
function garbage(length: number, seed: number): string {
  let state = seed >>> 0;
  let out = '';
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // Every UTF-16 unit, lone surrogates and NUL included: what a corrupted record or a binary paste yields.
    out += String.fromCharCode(state >>> 16);
  }
  return out;
}

describe('a 5 MB note', () => {
  const big = NOTE.repeat(Math.ceil(5_000_000 / NOTE.length));

  it('in a textarea is read (whole, under the cap) and analysed', () => {
    const doc = page(`<label for="n">Treatment note</label><textarea id="n"></textarea>${CHARGES}`);
    (doc.getElementById('n') as HTMLTextAreaElement).value = big;
    const { snapshot, findings } = readAndAnalyze(doc);
    expect(big.length).toBeGreaterThanOrEqual(5_000_000);
    expect(big.length).toBeLessThan(MAX_NOTE_CHARS);
    expect(snapshot.notes).toHaveLength(1);
    expect(snapshot.notes[0]!.text.length).toBeGreaterThan(4_900_000);
    // Thousands of repeated "23 min" lines: the engine still weighs them against the 3 billed units.
    expect(findings.map((finding) => finding.rule)).toContain('units-below-minutes');
  });

  it('as page text in a report view is read and analysed', () => {
    const doc = page(`<h2>Daily note</h2><pre class="note">${big}</pre>${CHARGES}`);
    const { snapshot } = readAndAnalyze(doc);
    expect(snapshot.notes.length).toBeGreaterThan(0);
  });
});

describe('binary garbage', () => {
  it('in text nodes, attributes, labels and control values yields a valid snapshot', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const doc = page('');
      const body = doc.body;
      for (let index = 0; index < 60; index += 1) {
        const junk = garbage(300 + index * 7, seed * 1000 + index);
        const kind = index % 6;
        const el =
          kind === 0
            ? doc.createElement('textarea')
            : kind === 1
              ? doc.createElement('input')
              : kind === 2
                ? doc.createElement('table')
                : kind === 3
                  ? doc.createElement('label')
                  : doc.createElement('div');
        for (const attr of ['id', 'class', 'name', 'aria-label', 'title', 'style', 'role', 'for', 'value']) {
          try {
            el.setAttribute(attr, garbage(40, seed + index + attr.length));
          } catch {
            // A name jsdom refuses is one no page can have either.
          }
        }
        if (kind === 0 || kind === 1) (el as HTMLInputElement).value = `${junk} 97116 ${junk}`;
        else if (kind === 2) {
          const row = (el as HTMLTableElement).insertRow();
          for (const text of ['97116', junk.slice(0, 5), junk.slice(5, 40), '3'])
            row.insertCell().textContent = text;
        } else el.textContent = `Gait training (97116): ${junk}`;
        body.append(el);
      }
      body.append(doc.createTextNode(garbage(20_000, seed)));
      readAndAnalyze(doc);
      expect(readFrameTree(doc).every((snapshot) => FrameSnapshotSchema.safeParse(snapshot).success)).toBe(
        true,
      );
    }
  });

  it('as a 1 MB note goes through the engine', () => {
    const doc = page(`<label for="n">Treatment note</label><textarea id="n"></textarea>${CHARGES}`);
    (doc.getElementById('n') as HTMLTextAreaElement).value =
      `Gait training 97116: 23 min.\n${garbage(1_000_000, 42)}`;
    const { snapshot } = readAndAnalyze(doc);
    expect(snapshot.notes).toHaveLength(1);
  });
});

/**
 * jsdom resolves inherited style by walking every ancestor in each getComputedStyle call, so the reader's
 * ancestor visibility check costs O(depth²) there (48 s at 5,000 levels) though a browser answers from its
 * style tree. These tests are about recursion depth, so style is answered from inline style alone; the
 * browser tests load the same deep page for real.
 */
function inlineStyleOnly(doc: Document): Document {
  const view = doc.defaultView!;
  view.getComputedStyle = (el: Element) => (el as HTMLElement).style;
  return doc;
}

describe('a 5,000-deep DOM', { timeout: 90_000 }, () => {
  function nest(doc: Document, depth: number, tag: string, leaf: Node): HTMLElement {
    const outer = doc.createElement(tag);
    let inner = outer;
    for (let level = 1; level < depth; level += 1) {
      const next = doc.createElement(tag);
      inner.append(next);
      inner = next;
    }
    inner.append(leaf);
    return outer;
  }

  it('with the note field at the bottom is read without overflowing the stack', () => {
    const doc = inlineStyleOnly(page(CHARGES));
    const area = doc.createElement('textarea');
    area.setAttribute('aria-label', 'Treatment note');
    area.value = NOTE;
    doc.body.append(nest(doc, 5_000, 'div', area));
    const { snapshot } = readAndAnalyze(doc);
    expect(snapshot.notes.map((note) => note.text)).toContain(NOTE.trim());
  });

  it('of nested spans holding note text is read without overflowing the stack', () => {
    const doc = inlineStyleOnly(page(`<h2>Daily note</h2>${CHARGES}`));
    const report = doc.createElement('div');
    report.className = 'note';
    report.append(nest(doc, 5_000, 'span', doc.createTextNode(NOTE)));
    doc.body.append(report);
    readAndAnalyze(doc);
  });

  // Each table's cells hold every deeper table, so reading cell text is quadratic in depth by nature (jsdom
  // needs ~50 s at 1,500 levels); 300 levels still goes far past any real charge grid.
  it('of 300 nested tables is read without overflowing the stack', () => {
    const doc = inlineStyleOnly(page(''));
    let table = doc.createElement('table');
    doc.body.append(table);
    for (let level = 0; level < 300; level += 1) {
      const cell = table.insertRow().insertCell();
      cell.textContent = '97116';
      const inner = doc.createElement('table');
      cell.append(inner);
      table = inner;
    }
    readAndAnalyze(doc);
  });
});

describe('the engine alone', () => {
  it('finishes on a 5 MB note and on 1 MB of garbage', () => {
    for (const text of [NOTE.repeat(Math.ceil(5_000_000 / NOTE.length)), garbage(1_000_000, 7)]) {
      const findings = analyzeEncounter({
        payer: { name: 'Medicare', method: 'cms', medicare: true },
        notes: [{ id: 'n', text, source: {} }],
        charges: [{ id: 'c', code: '97116', units: 3, modifiers: [], status: 'unbilled', source: {} }],
      });
      expect(findings.length).toBeGreaterThan(0);
    }
  });
});
