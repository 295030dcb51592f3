import { describe, expect, it } from 'vitest';
import { placePill, type Box } from '../../../src/ui/overlay/placement';

const VIEW = { width: 1024, height: 640 };
const PILL = { width: 140, height: 32 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
const hits = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

describe('placePill', () => {
  it('takes the bottom-right corner when nothing is there', () => {
    expect(placePill(PILL, VIEW, [])).toEqual(box(872, 596, 140, 32));
  });

  it('leaves a corner a field sits in for the next free corner', () => {
    const field = box(900, 590, 100, 40);
    const spot = placePill(PILL, VIEW, [field]);
    expect(hits(spot, field)).toBe(false);
    expect(spot).toEqual(box(12, 596, 140, 32));
  });

  it('slides along an edge when every corner holds a control (a fee sheet across the bottom and top)', () => {
    const fields = [box(0, 580, 300, 60), box(724, 580, 300, 60), box(0, 0, 300, 60), box(724, 0, 300, 60)];
    const spot = placePill(PILL, VIEW, fields);
    expect(fields.some((field) => hits(spot, field))).toBe(false);
  });

  it('never sits on the focused field, even when every other spot covers something', () => {
    // A page full of controls: everything is covered; the focused field must still stay clear.
    const wall = [box(0, 0, 1024, 640)];
    const focused = box(860, 590, 160, 40);
    const spot = placePill(PILL, VIEW, wall, focused);
    expect(hits(spot, focused)).toBe(false);
  });

  it('keeps a few pixels from a field’s edge', () => {
    const justLeft = box(872 - 3, 596, 2, 30);
    expect(placePill(PILL, VIEW, [justLeft]).left).not.toBe(872);
  });
});
