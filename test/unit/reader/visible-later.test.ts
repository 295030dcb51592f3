import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { loadPage } from './helpers';

describe('tabbed encounter: the note tab hidden at load, shown by a data attribute on an ancestor', () => {
  it('does not read the hidden tab, then reads it once the container shows it', () => {
    const dom = loadPage('tabbed-encounter.html', 'https://summit.example.org/enc/30117');
    const doc = dom.window.document;
    const before = readFrame(doc);
    expect(before.notes.map((note) => note.text).join('\n')).not.toContain('97116');
    expect(before.charges.map(({ code, units }) => [code, units])).toEqual([
      ['97116', 3],
      ['97530', 1],
    ]);
    (doc.querySelector('.tabs') as HTMLElement).dataset.activeTab = 'note';
    const after = readFrame(doc);
    const note = after.notes.find((candidate) => candidate.source.label === 'Treatment note');
    expect(note?.text).toContain('Gait training (97116): 12 min');
    // The collapsed assessment is still closed: its text is not read until the coder opens it.
    expect(after.notes.map((candidate) => candidate.text).join('\n')).not.toContain('step length symmetric');
    doc.getElementById('assessment-section')!.classList.remove('is-collapsed');
    expect(
      readFrame(doc)
        .notes.map((candidate) => candidate.text)
        .join('\n'),
    ).toContain('step length symmetric');
  });
});

describe('an iframe in a pane hidden by a class on an ancestor', () => {
  it('the parent neither reads the frame nor counts it foreign; the billing strip is read', () => {
    const dom = loadPage('hidden-pane-frame.html', 'https://meridian.example.org/visit/2201');
    const snapshot = readFrame(dom.window.document);
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.charges.map(({ code, units }) => [code, units])).toEqual([['97116', 2]]);
    expect(snapshot.foreignFrameOrigins).toEqual([]);
  });
});
