/**
 * From the files on the command line (or stdin) to one encounter: a note (.txt), a saved EHR page (.html,
 * through the same page reader the extension uses) or an encounter (.json), merged and validated by zod.
 */
import { decidePayer } from '../reader/payer-methods';
import { closeSync, createReadStream, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import type { ChargeLine, Encounter, NoteText, ProviderRole, UnitMethod } from '../engine/model';
import { EncounterSchema } from '../engine/model';
import { UsageError } from './options';

/** Where input comes from: the caller's directory, and stdin as chunks. */
export interface InputSource {
  cwd: string;
  stdin: () => AsyncIterable<string | Buffer>;
}

export const STDIN = '-';

/** The name a file goes by in evidence ids and messages: its base name, or "stdin". */
export function displayName(file: string): string {
  return file === STDIN ? 'stdin' : path.basename(file);
}

export async function readAll(chunks: AsyncIterable<string | Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts).toString('utf8');
}

function withReadable<T>(file: string, shown: string, read: () => T): T {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${shown}: not a file`);
    return read();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * The chunks of a file named on the command line (relative to the caller's directory), or of stdin. Fails
 * with a UsageError before anything is read when the file cannot be opened.
 */
export function chunksOf(file: string, source: InputSource): AsyncIterable<string | Buffer> {
  if (file === STDIN) return source.stdin();
  const full = path.resolve(source.cwd, file);
  withReadable(full, file, () => closeSync(openSync(full, 'r')));
  return createReadStream(full, { highWaterMark: 1 << 20 });
}

/**
 * The lines of a text stream (without their \n or \r\n), handed out a chunk's worth at a time so the caller
 * loops over them without a promise per line. Each chunk is cut after its last line feed and the bytes before
 * it decoded at once: a line feed byte is never part of a longer UTF-8 character, so a character split across
 * two chunks stays whole, and the whole-buffer decoder is several times cheaper than a streaming one. A
 * byte-order mark at the start is dropped, as a text decoder does.
 */
export async function* lineBatchesOf(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  /** Bytes of a line not yet ended, in arrival order (joined once, so a long line is not copied per chunk). */
  let pending: Buffer[] = [];
  let first = true;
  const decode = (bytes: Buffer): string => {
    const text = bytes.toString('utf8');
    const bom = first && text.charCodeAt(0) === 0xfeff;
    first = false;
    return bom ? text.slice(1) : text;
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const cut = bytes.lastIndexOf(10);
    if (cut === -1) {
      pending.push(bytes);
      continue;
    }
    pending.push(bytes.subarray(0, cut + 1));
    const text = decode(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending));
    pending = cut + 1 < bytes.length ? [bytes.subarray(cut + 1)] : [];
    const lines: string[] = [];
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      lines.push(text.slice(from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end));
      from = end + 1;
    }
    yield lines;
  }
  const rest = pending.length > 0 ? decode(Buffer.concat(pending)) : '';
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

interface Piece {
  notes: NoteText[];
  charges: ChargeLine[];
  dateOfService?: string;
  furnishedBy?: ProviderRole[];
  payer?: Encounter['payer'];
  payerName?: string;
}

function prefixIds<T extends { id: string }>(items: readonly T[], prefix: string): T[] {
  return items.map((item) => ({ ...item, id: `${prefix}:${item.id}`.slice(0, 200) }));
}

/** zod's first issue as "path: message", for a one-line error. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`;
}

async function readHtml(name: string, url: string, text: string): Promise<Piece> {
  const { JSDOM } = await import('jsdom');
  const { readFrame } = await import('../reader/frame-reader');
  let dom;
  try {
    dom = new JSDOM(text, { url });
  } catch {
    throw new UsageError(`${name}: unreadable HTML`);
  }
  try {
    const snapshot = readFrame(dom.window.document);
    return {
      notes: prefixIds(snapshot.notes, name).map((n) => ({ ...n, source: { ...n.source, url: name } })),
      charges: prefixIds(snapshot.charges, name).map((c) => ({ ...c, source: { ...c.source, url: name } })),
      dateOfService: snapshot.dateOfService,
      furnishedBy: snapshot.furnishedBy,
      payerName: snapshot.payerName,
    };
  } catch (error) {
    throw new UsageError(`${name}: the page could not be read (${(error as Error).message.split('\n')[0]})`);
  } finally {
    dom.window.close();
  }
}

function readJson(name: string, text: string): Piece {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = z.safeParse(EncounterSchema, data);
  if (!parsed.success) throw new UsageError(`${name}: not an encounter (${firstIssue(parsed.error)})`);
  const e = parsed.data;
  return {
    notes: prefixIds(e.notes, name),
    charges: prefixIds(e.charges, name),
    dateOfService: e.dateOfService,
    furnishedBy: e.furnishedBy,
    payer: e.payer,
  };
}

type Kind = 'txt' | 'html' | 'json';

/** stdin has no extension: an encounter starts with "{", a page with "<" (a doctype, tag or comment). */
function kindOfText(text: string): Kind {
  const first = text.trimStart()[0];
  return first === '{' ? 'json' : first === '<' ? 'html' : 'txt';
}

function kindOfFile(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return 'txt';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new UsageError(`${file}: unsupported file type (use .txt, .html or .json, or - for stdin)`);
}

async function readPiece(file: string, source: InputSource): Promise<Piece> {
  const name = displayName(file);
  let text: string;
  let kind: Kind;
  let url: string;
  if (file === STDIN) {
    text = await readAll(source.stdin());
    // Most often a pipe whose producer failed: an all-clear on nothing would hide that.
    if (text.trim() === '') throw new UsageError('stdin is empty: nothing to check');
    kind = kindOfText(text);
    url = pathToFileURL(path.join(source.cwd, 'stdin')).href;
  } else {
    kind = kindOfFile(file);
    const full = path.resolve(source.cwd, file);
    text = withReadable(full, file, () => readFileSync(full, 'utf8'));
    url = pathToFileURL(full).href;
  }
  if (kind === 'txt') return { notes: [{ id: name, text, source: { url: name, label: name } }], charges: [] };
  if (kind === 'html') return readHtml(name, url, text);
  return readJson(name, text);
}

export interface PayerChoice {
  payer?: 'medicare' | 'commercial';
  method?: UnitMethod;
}

/**
 * The payer: the command line's, else the encounter file's, else the one a saved page shows (mapped to a
 * method by the same table the extension uses, domain doc §9), else Medicare; --method overrides any.
 */
export function payerFrom(
  choice: PayerChoice,
  fromFile: Encounter['payer'] | undefined,
  payerName?: string,
): Encounter['payer'] {
  if (!choice.payer && fromFile) return { ...fromFile, method: choice.method ?? fromFile.method };
  if (!choice.payer && payerName?.trim()) {
    const decision = decidePayer(payerName, { method: 'cms', medicare: true });
    return {
      name: payerName.trim().slice(0, 200),
      medicare: decision.medicare,
      method: choice.method ?? decision.method,
    };
  }
  const medicare = (choice.payer ?? 'medicare') === 'medicare';
  return {
    name: medicare ? 'Medicare' : (payerName ?? 'Commercial'),
    medicare,
    method: choice.method ?? (medicare ? 'cms' : 'per-code'),
  };
}

/** Several files make one encounter: their notes and charge lines together, then --charges. */
export async function buildEncounter(
  files: readonly string[],
  extraCharges: readonly ChargeLine[],
  choice: PayerChoice,
  source: InputSource,
): Promise<Encounter> {
  const pieces: Piece[] = [];
  for (const file of files) pieces.push(await readPiece(file, source));
  const furnished = new Set<ProviderRole>(pieces.flatMap((p) => p.furnishedBy ?? []));
  const parsed = z.safeParse(EncounterSchema, {
    dateOfService: pieces.find((p) => p.dateOfService)?.dateOfService,
    payer: payerFrom(choice, pieces.find((p) => p.payer)?.payer, pieces.find((p) => p.payerName)?.payerName),
    notes: pieces.flatMap((p) => p.notes),
    charges: [...pieces.flatMap((p) => p.charges), ...extraCharges],
    furnishedBy: furnished.size > 0 ? [...furnished] : undefined,
  });
  if (!parsed.success)
    throw new UsageError(`the files do not make a valid encounter (${firstIssue(parsed.error)})`);
  // A page the reader found nothing on would otherwise come back as "no findings", an all-clear on nothing.
  if (parsed.data.charges.length === 0 && parsed.data.notes.every((n) => n.text.trim() === ''))
    throw new UsageError('nothing to check: no note text and no charge lines were found in the input');
  return parsed.data;
}
