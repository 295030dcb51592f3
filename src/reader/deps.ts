/**
 * What a read looked at: which controls' values and which subtrees' text went into the snapshot, and on
 * whose behalf. The watcher uses it to prove that a field's new value or text can change only that field's
 * note, so it may update the cached snapshot without reading the page again (see watch.ts).
 */

export interface ReadEntry {
  /** A control whose value was read, or a node whose subtree's text was read. */
  node: Node;
  kind: 'value' | 'text';
  /** The note field being read when the read happened; undefined for labels, charges, facts. */
  owner: Element | undefined;
}

export interface ReadLog {
  entries: ReadEntry[];
}

// Reads are synchronous and never nest, so one active log per realm is enough.
let active: ReadLog | undefined;
let currentOwner: Element | undefined;

export function startReadLog(): ReadLog {
  const log: ReadLog = { entries: [] };
  active = log;
  currentOwner = undefined;
  return log;
}

export function stopReadLog(): void {
  active = undefined;
  currentOwner = undefined;
}

export function logValueRead(el: Element): void {
  active?.entries.push({ node: el, kind: 'value', owner: currentOwner });
}

export function logTextRead(node: Node): void {
  active?.entries.push({ node, kind: 'text', owner: currentOwner });
}

/** Runs `read` as the read of note field `owner`'s own text (not its label). */
export function readAsOwner<T>(owner: Element, read: () => T): T {
  const previous = currentOwner;
  currentOwner = owner;
  try {
    return read();
  } finally {
    currentOwner = previous;
  }
}
