import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { snapshotSignature, watchPage } from '../../../src/reader/watch';
import { readFrame } from '../../../src/reader/frame-reader';
import type { FrameSnapshot } from '../../../src/reader/snapshot';

const PAGE = `<!doctype html><html><body>
<label for="note">Progress note</label>
<textarea id="note">Gait training (97116): 23 min with rolling walker.</textarea>
<table id="fees"><tr><th>Code</th><th>Units</th></tr><tr><td>97116</td><td>2</td></tr></table>
<gaitguard-overlay></gaitguard-overlay>
</body></html>`;

function setup(): { dom: JSDOM; doc: Document; seen: FrameSnapshot[]; controller: AbortController } {
  const dom = new JSDOM(PAGE, { url: 'https://ehr.example.org/visit/1' });
  return { dom, doc: dom.window.document, seen: [], controller: new AbortController() };
}

describe('watchPage', () => {
  it('reports the first snapshot at once and one debounced snapshot after a burst of changes', async () => {
    const { dom, doc, seen, controller } = setup();
    watchPage(doc, (snapshot) => seen.push(snapshot), { signal: controller.signal, debounceMs: 30 });
    expect(seen).toHaveLength(1);
    const cell = doc.querySelector('#fees tr:nth-of-type(2) td:nth-of-type(2)')!;
    cell.textContent = '3';
    cell.textContent = '4';
    doc.querySelector('#fees tbody')!.insertAdjacentHTML('beforeend', '<tr><td>97110</td><td>1</td></tr>');
    await new Promise((resolve) => dom.window.setTimeout(resolve, 80));
    expect(seen).toHaveLength(2);
    expect(seen[1]!.charges.map((line) => [line.code, line.units])).toEqual([
      ['97116', 4],
      ['97110', 1],
    ]);
    controller.abort();
  });

  it('reports typing in a textarea (input event) but not changes that leave the snapshot as it was', async () => {
    const { dom, doc, seen, controller } = setup();
    watchPage(doc, (snapshot) => seen.push(snapshot), { signal: controller.signal, debounceMs: 20 });
    doc.body.setAttribute('data-tracking', 'x');
    doc.body.insertAdjacentHTML('beforeend', '<div class="toast">Saved</div>');
    await new Promise((resolve) => dom.window.setTimeout(resolve, 60));
    expect(seen).toHaveLength(1);
    const note = doc.querySelector('textarea')!;
    note.value += ' Stairs 4 steps.';
    note.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    await new Promise((resolve) => dom.window.setTimeout(resolve, 60));
    expect(seen).toHaveLength(2);
    expect(seen[1]!.notes[0]!.text).toContain('Stairs 4 steps.');
    controller.abort();
  });

  it('ignores mutations inside the overlay', async () => {
    const { dom, doc, controller } = setup();
    const onSnapshot = vi.fn();
    const watcher = watchPage(doc, onSnapshot, { signal: controller.signal, debounceMs: 20 });
    // A value set by script fires no event: only a scan triggered by something else would notice it.
    doc.querySelector('textarea')!.value = 'Gait training (97116): 38 min.';
    const overlay = doc.querySelector('gaitguard-overlay')!;
    overlay.insertAdjacentHTML('beforeend', '<p>97116 x 4 units</p>');
    overlay.setAttribute('class', 'open');
    doc.body.append(doc.createElement('gaitguard-overlay'));
    await new Promise((resolve) => dom.window.setTimeout(resolve, 60));
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    watcher.rescan();
    expect(onSnapshot).toHaveBeenCalledTimes(2);
    expect(readFrame(doc).notes).toHaveLength(1);
    controller.abort();
  });

  it('still scans under constant mutations (max wait) and stops after abort', async () => {
    const { dom, doc, seen, controller } = setup();
    watchPage(doc, (snapshot) => seen.push(snapshot), {
      signal: controller.signal,
      debounceMs: 40,
      maxWaitMs: 120,
    });
    const cell = doc.querySelector('#fees tr:nth-of-type(2) td:nth-of-type(2)')!;
    await new Promise<void>((resolve) => {
      let tick = 0;
      const interval = dom.window.setInterval(() => {
        tick++;
        cell.textContent = String(tick);
        if (tick === 20) {
          dom.window.clearInterval(interval);
          resolve();
        }
      }, 15);
    });
    // A change every 15 ms never leaves the 40 ms debounce quiet; only the max wait lets scans through.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    controller.abort();
    const afterAbort = seen.length;
    cell.textContent = '99';
    await new Promise((resolve) => dom.window.setTimeout(resolve, 200));
    expect(seen).toHaveLength(afterAbort);
  });

  it('returns the cached snapshot on an unchanged re-scan and re-reads when a script sets a value', () => {
    const { doc, seen, controller } = setup();
    const watcher = watchPage(doc, (snapshot) => seen.push(snapshot), {
      signal: controller.signal,
      debounceMs: 20,
    });
    watcher.rescan();
    watcher.rescan();
    expect(seen).toHaveLength(1);
    doc.querySelector('textarea')!.value = 'Gait training (97116): 38 min.';
    watcher.rescan();
    expect(seen).toHaveLength(2);
    expect(seen[1]!.notes[0]!.text).toBe('Gait training (97116): 38 min.');
    controller.abort();
    doc.querySelector('textarea')!.value = 'changed after abort';
    watcher.rescan();
    expect(seen).toHaveLength(2);
  });
});

describe('snapshotSignature', () => {
  it('changes with content and ignores warnings', () => {
    const base: FrameSnapshot = { url: 'u', notes: [], charges: [], foreignFrameOrigins: [], warnings: [] };
    const withLine: FrameSnapshot = {
      ...base,
      charges: [{ id: 'c', code: '97116', units: 2, modifiers: ['GP'], status: 'unbilled', source: {} }],
    };
    const moreUnits: FrameSnapshot = { ...withLine, charges: [{ ...withLine.charges[0]!, units: 3 }] };
    expect(snapshotSignature(base)).toBe(snapshotSignature({ ...base, warnings: ['x'] }));
    expect(snapshotSignature(withLine)).not.toBe(snapshotSignature(base));
    expect(snapshotSignature(moreUnits)).not.toBe(snapshotSignature(withLine));
  });
});
