/**
 * What one read of a frame carries down through every reader: the visibility judgements made so far, and
 * its provenance, which controls' values and which subtrees' text went into the snapshot and on whose
 * behalf. The watcher uses the provenance to prove that a field's new value or text can change only that
 * field's note, so it may update the cached snapshot without reading the page again (see watch.ts).
 */
import { createVisibilityContext, type VisibilityContext } from './visibility';

export interface ReadEntry {
  /** A control whose value was read, or a node whose subtree's text was read. */
  node: Node;
  kind: 'value' | 'text';
  /** The note field being read when the read happened; undefined for labels, charges, facts. */
  owner: Element | undefined;
}

export interface ReadContext extends VisibilityContext {
  /** Where this read records what it looked at; absent for a re-read nobody audits (targeted.ts). */
  log?: ReadEntry[];
  /** The note field whose own text is being read; absent while reading labels, charges and facts. */
  owner?: Element;
}

/** The context of one full read of a frame, with an empty provenance log. */
export function createReadContext(
  doc: Document,
  ignoreSelector?: string,
): ReadContext & { log: ReadEntry[] } {
  return { ...createVisibilityContext(doc, ignoreSelector), log: [] };
}

/** The same read (same visibility cache and log), now reading note field `owner`'s own text, not its label. */
export function readingOwner(ctx: ReadContext, owner: Element): ReadContext {
  return { ...ctx, owner };
}

export function logValueRead(ctx: ReadContext, el: Element): void {
  ctx.log?.push({ node: el, kind: 'value', owner: ctx.owner });
}

export function logTextRead(ctx: ReadContext, node: Node): void {
  ctx.log?.push({ node, kind: 'text', owner: ctx.owner });
}
