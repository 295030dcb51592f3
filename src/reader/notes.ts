/** Note fields: textareas (by value), rich-text editors, text boxes and read-only report views. */
import type { NoteText } from '../engine/model';
import { MAX_NOTE_CHARS } from '../engine/limits';
import { MIN_REPORT_NOTE_CHARS } from './constants';
import { trimTrailingBlanks } from './trim';
import { labelFor } from './labels';
import { renderedText, shortText } from './rendered-text';
import { cssPath, type Scope } from './selectors';
import { isInsideAny } from './tree';
import { isVisible } from './visibility';
import { logValueRead, readingOwner, type ReadContext } from './read-context';
import type { Located, ScanResult } from './scan';
import { stableId } from './text';

export interface NoteReadContext {
  ctx: ReadContext;
  url: string;
  warnings: string[];
  /** Charge grids and rows: their text is never part of a note. */
  excluded: ReadonlySet<Element>;
}

/**
 * How a heuristic note field was read, for the watcher's targeted re-reads: a textarea by its value, an
 * editor by its rendered text. Picked and adapter notes carry none, so they are always read in full.
 */
export interface NoteSource {
  kind: 'value' | 'editable';
  el: Element;
}

/** A note with how its field was read, when the watcher may re-read that field alone. */
export interface ReadNote {
  note: NoteText;
  source?: NoteSource;
}

/** The text makeNote keeps: line breaks normalised, trailing blanks dropped, trimmed (not yet cut). */
export function normaliseNoteText(rawText: string): string {
  return rawText.replace(/\r\n?/g, '\n').split('\n').map(trimTrailingBlanks).join('\n').trim();
}

/** Builds a NoteText, omitting empty fields and cutting over-long ones with a warning. */
export function makeNote(
  prefix: string,
  el: Element,
  scope: Scope,
  rawText: string,
  label: string,
  read: NoteReadContext,
): NoteText | undefined {
  let text = normaliseNoteText(rawText);
  if (!text) return undefined;
  const fullLength = text.length;
  if (fullLength > MAX_NOTE_CHARS) {
    text = text.slice(0, MAX_NOTE_CHARS);
    read.warnings.push(
      `The note field "${label || 'unlabelled'}" is longer than ${MAX_NOTE_CHARS} characters; only the start was read.`,
    );
  }
  const selector = cssPath(el, scope);
  const note: NoteText = {
    id: stableId(prefix, selector),
    text,
    source: { url: read.url, selector, label: label || 'Note' },
  };
  if (fullLength > text.length) note.cutFrom = fullLength;
  return note;
}

function reportLabel(el: Element, ctx: ReadContext): string {
  if (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) return labelFor(el, ctx);
  const first = el.firstElementChild;
  if (first && /^(H[1-6]|LEGEND|CAPTION)$/.test(first.tagName)) {
    const text = shortText(first, ctx);
    if (text) return text.replace(/[:]\s*$/, '');
  }
  return labelFor(el, ctx);
}

export function readTextarea(
  { el, scope }: Located<HTMLTextAreaElement>,
  read: NoteReadContext,
): ReadNote | undefined {
  logValueRead(readingOwner(read.ctx, el), el);
  const note = makeNote('note', el, scope, el.value, labelFor(el, read.ctx), read);
  return note && { note, source: { kind: 'value', el } };
}

export function readEditable(
  { el, scope, labelledBy }: Located,
  read: NoteReadContext,
): ReadNote | undefined {
  const text = renderedText(el, { ctx: readingOwner(read.ctx, el), exclude: read.excluded });
  const label = labelFor(labelledBy ?? el, read.ctx);
  const note = makeNote('note', el, scope, text, label, read);
  return note && { note, source: { kind: 'editable', el } };
}

export function readReport({ el, scope }: Located, read: NoteReadContext): NoteText | undefined {
  const text = renderedText(el, { ctx: read.ctx, exclude: read.excluded });
  if (text.length < MIN_REPORT_NOTE_CHARS) return undefined;
  return makeNote('note', el, scope, text, reportLabel(el, read.ctx), read);
}

/** Heuristic notes from what the scan found, outermost report views only, nothing from charge grids. */
export function heuristicNotes(scan: ScanResult, read: NoteReadContext): ReadNote[] {
  const { ctx, excluded } = read;
  const notes: ReadNote[] = [];
  const fields: Element[] = [];
  for (const located of scan.textareas) {
    if (isInsideAny(located.el, excluded) || !isVisible(located.el, ctx)) continue;
    fields.push(located.el);
    const note = readTextarea(located, read);
    if (note) notes.push(note);
  }
  for (const located of scan.editables) {
    const visibleEl =
      located.labelledBy && located.el.ownerDocument.defaultView?.frameElement == null
        ? located.labelledBy
        : located.el;
    if (isInsideAny(located.el, excluded) || !isVisible(visibleEl, ctx)) continue;
    fields.push(located.el);
    const note = readEditable(located, read);
    if (note) notes.push(note);
  }
  const reports = scan.reportCandidates.filter(({ el }) => {
    if (el.tagName === 'BODY' || el.tagName === 'HTML') return false;
    if (isInsideAny(el, excluded)) return false;
    if (fields.some((field) => field.contains(el) || el.contains(field))) return false;
    if (el.querySelector('textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"]'))
      return false;
    return isVisible(el, ctx);
  });
  const outermost = reports.filter(
    ({ el }) => !reports.some((other) => other.el !== el && other.el.contains(el)),
  );
  for (const located of outermost) {
    const note = readReport(located, read);
    if (note) notes.push({ note });
  }
  return notes;
}
