/**
 * Updates of a cached reading after a change the watcher has pinned to one note field (see TargetField in
 * frame-reader.ts): the field's note gets its new text, everything else stays as read. Each returns
 * undefined when the change may reach further (the note would appear, vanish or be cut), and the caller
 * reads in full.
 */
import { MAX_NOTE_CHARS } from '../engine/limits';
import { renderedText } from './rendered-text';
import type { FrameReading, ReadingDetail, TargetField } from './frame-reader';
import { normaliseNoteText } from './notes';
import type { ReadContext } from './read-context';
import { scanSubtree } from './scan';
import { isDeadWrapper } from './tree';

type DetailedReading = FrameReading & { detail: ReadingDetail };

function withNoteText(
  reading: DetailedReading,
  target: TargetField,
  rawText: string,
): DetailedReading | undefined {
  const note = reading.snapshot.notes[target.index];
  if (!note) return undefined;
  const text = normaliseNoteText(rawText);
  // An empty field drops its note and an over-long one adds a warning: both change more than the text.
  if (!text || text.length > MAX_NOTE_CHARS || note.text.length >= MAX_NOTE_CHARS) return undefined;
  if (text === note.text) return reading;
  const notes = reading.snapshot.notes.slice();
  notes[target.index] = { ...note, text };
  return { ...reading, snapshot: { ...reading.snapshot, notes } };
}

/** A textarea note after its value changed. */
export function updateValueNote(reading: DetailedReading, target: TargetField): DetailedReading | undefined {
  if (target.kind !== 'value' || isDeadWrapper(target.el) || !target.el.isConnected) return undefined;
  return withNoteText(reading, target, (target.el as HTMLTextAreaElement).value);
}

/** An editor's note after changes inside it, provided the editor still holds nothing the scan collects. */
export function updateEditableNote(
  reading: DetailedReading,
  target: TargetField,
): DetailedReading | undefined {
  const { el } = target;
  if (target.kind !== 'editable' || isDeadWrapper(el) || !el.isConnected) return undefined;
  const { scan, excluded, hasLayout } = reading.detail;
  const inside = scanSubtree(el, target.scope, { ignoreSelector: scan.validIgnoreSelector });
  const found =
    inside.textareas.length +
    inside.editables.length +
    inside.tables.length +
    inside.ariaGrids.length +
    inside.codeControls.length +
    inside.timeControls.length +
    inside.factLabels.length +
    inside.childFrames.length +
    inside.foreignFrames.length +
    inside.scopes.length;
  if (found > 0) return undefined;
  // No provenance log: this re-read only replaces the one note's text, and nothing audits it.
  const ctx: ReadContext = { hasLayout, cache: new Map(), ignoreSelector: scan.validIgnoreSelector };
  return withNoteText(reading, target, renderedText(el, { ctx, exclude: excluded }));
}
