/**
 * Where the pill goes: a spot of the viewport that covers no form control and never the focused field.
 * Pure geometry (boxes in viewport pixels), so it is unit-tested without a browser; the DOM side that lists
 * the controls is in obstacles.ts.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 4;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function inflate(box: Box, by: number): Box {
  return { left: box.left - by, top: box.top - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** Candidate spots, most preferred first: the corners, then along the bottom and top edges, then the sides. */
function candidates(
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  margin: number,
): Box[] {
  const right = Math.max(0, viewport.width - size.width - margin);
  const bottom = Math.max(0, viewport.height - size.height - margin);
  const spots: [number, number][] = [
    [right, bottom],
    [margin, bottom],
    [right, margin],
    [margin, margin],
  ];
  const step = Math.max(16, Math.round(size.height));
  for (let left = right - step; left > margin; left -= step) spots.push([left, bottom], [left, margin]);
  for (let top = bottom - step; top > margin; top -= step) spots.push([right, top], [margin, top]);
  return spots.map(([left, top]) => ({ left, top, width: size.width, height: size.height }));
}

/**
 * The first candidate clear of every obstacle; failing that, the one covering the least, never one over the
 * focused field. Obstacles are inflated by a few pixels so the pill does not touch a field's edge.
 */
export function placePill(
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  obstacles: readonly Box[],
  focused?: Box,
  margin = 12,
): Box {
  const blocked = obstacles.map((box) => inflate(box, GAP));
  const focusBox = focused ? inflate(focused, GAP) : undefined;
  let best: { spot: Box; covered: number } | undefined;
  for (const spot of candidates(size, viewport, margin)) {
    if (focusBox && overlap(spot, focusBox) > 0) continue;
    let covered = 0;
    for (const box of blocked) {
      covered += overlap(spot, box);
      if (best && covered >= best.covered) break;
    }
    if (covered === 0) return spot;
    if (!best || covered < best.covered) best = { spot, covered };
  }
  return best?.spot ?? candidates(size, viewport, margin)[0]!;
}
