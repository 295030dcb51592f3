import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { loadPage, pageFromHtml } from './helpers';

describe('a report whose SOAP sections are separate label/value blocks', () => {
  it('is one note in reading order, headings included, so the assessment reaches the engine', () => {
    const snapshot = readFrame(
      loadPage('report-sections.html', 'https://northfield.example.org/r/1').window.document,
    );
    expect(snapshot.notes).toHaveLength(1);
    const text = snapshot.notes[0]!.text;
    const order = [
      'Subjective',
      'Objective',
      'Gait training (97116): 26 min',
      'Assessment',
      'plateaued',
      'Plan',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The charge table next to it is not part of the note.
    expect(text).not.toContain('Units');
  });

  it('a description list of S:/O:/A:/P: rows, in a shadow-free panel without any note-like class', () => {
    const doc = pageFromHtml(`
      <div class="panel-7f2">
        <dl class="kv">
          <dt>S:</dt><dd>Pt states legs feel heavy.</dd>
          <dt>O:</dt><dd>97116 gait training 18 min, 4-wheeled walker, cues for turns.</dd>
          <dt>A:</dt><dd>No further gains expected.</dd>
          <dt>P:</dt><dd>D/C next week.</dd>
        </dl>
      </div>
      <div class="sidebar"><span>S</span> <span>M</span> <span>L</span></div>`).window.document;
    const notes = readFrame(doc).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]?.text).toMatch(/^S:\s*\nPt states[\s\S]*A:\s*\nNo further gains expected\.[\s\S]*P:/);
  });

  it('two stray letters do not make a document: one SOAP word alone is no report', () => {
    const doc = pageFromHtml(`
      <div class="toolbar"><div><span>A</span></div><div><span>Plan</span></div></div>
      <div class="box"><div>Assessment</div><div>See attached.</div></div>`).window.document;
    expect(readFrame(doc).notes).toEqual([]);
  });
});
