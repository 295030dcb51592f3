/**
 * `npm run check -- [--json] [--payer medicare|commercial] [--method cms|per-code] [--charges LIST] FILE...`
 * `npm run check -- [--json] audit FILE.ndjson`
 * Several files make one encounter; bad input gives a one-line error and a non-zero exit, with nothing
 * half-printed on stdout.
 */
import { closeSync, createReadStream, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ChargeLine,
  Encounter,
  Finding,
  NoteText,
  ProviderRole,
  RuleId,
  Severity,
  UnitMethod,
} from '../engine/model';
import * as z from 'zod/mini';
import { EncounterSchema, SEVERITIES } from '../engine/model';
import { analyzeEncounter, parseChargeList } from '../engine/index';
import { checkerOf } from './schema-checker';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in human output. */
  color: boolean;
}

class UsageError extends Error {}

/** True for a value that EncounterSchema accepts; false: ask zod (see checkerOf). */
const isEncounter = checkerOf(EncounterSchema);

const USAGE =
  'usage: check [--json] [--payer medicare|commercial] [--method cms|per-code] [--charges LIST] FILE...  |  check [--json] audit FILE.ndjson';

interface Args {
  json: boolean;
  payer?: 'medicare' | 'commercial';
  method?: UnitMethod;
  charges: ChargeLine[];
  files: string[];
  audit: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, charges: [], files: [], audit: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--payer') {
      const payer = value();
      if (payer !== 'medicare' && payer !== 'commercial')
        throw new UsageError(`--payer must be medicare or commercial, not "${payer}"`);
      args.payer = payer;
    } else if (arg === '--method') {
      const method = value();
      if (method !== 'cms' && method !== 'per-code')
        throw new UsageError(`--method must be cms or per-code, not "${method}"`);
      args.method = method;
    } else if (arg === '--charges') {
      try {
        args.charges.push(...parseChargeList(value()));
      } catch (error) {
        throw new UsageError(`invalid --charges: ${(error as Error).message}`);
      }
    } else if (arg === 'audit' && args.files.length === 0 && !args.audit) args.audit = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (args.files.length === 0) throw new UsageError(`no input file. ${USAGE}`);
  if (args.audit && args.files.length !== 1) throw new UsageError('audit takes exactly one .ndjson file');
  return args;
}

function readText(file: string): string {
  return withReadable(file, () => readFileSync(file, 'utf8'));
}

/** Fails as readText does when the file cannot be read, without reading it (audit streams it afterwards). */
function checkReadable(file: string): void {
  withReadable(file, () => closeSync(openSync(file, 'r')));
}

function withReadable<T>(file: string, read: () => T): T {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file}: not a file`);
    return read();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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

async function readHtml(file: string, text: string): Promise<Piece> {
  const { JSDOM } = await import('jsdom');
  const { readFrame } = await import('../reader/index');
  let dom;
  try {
    dom = new JSDOM(text, { url: `file://${path.resolve(file)}` });
  } catch {
    throw new UsageError(`${file}: unreadable HTML`);
  }
  try {
    const snapshot = readFrame(dom.window.document);
    const name = path.basename(file);
    return {
      notes: prefixIds(snapshot.notes, name).map((n) => ({ ...n, source: { ...n.source, url: name } })),
      charges: prefixIds(snapshot.charges, name).map((c) => ({ ...c, source: { ...c.source, url: name } })),
      dateOfService: snapshot.dateOfService,
      furnishedBy: snapshot.furnishedBy,
      payerName: snapshot.payerName,
    };
  } catch (error) {
    throw new UsageError(`${file}: the page could not be read (${(error as Error).message.split('\n')[0]})`);
  } finally {
    dom.window.close();
  }
}

function readJson(file: string, text: string): Piece {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = z.safeParse(EncounterSchema, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `${file}: not an encounter (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  const name = path.basename(file);
  const e = parsed.data;
  return {
    notes: prefixIds(e.notes, name),
    charges: prefixIds(e.charges, name),
    dateOfService: e.dateOfService,
    furnishedBy: e.furnishedBy,
    payer: e.payer,
  };
}

async function readPiece(file: string): Promise<Piece> {
  const text = readText(file);
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (ext === '.txt') return { notes: [{ id: name, text, source: { url: name, label: name } }], charges: [] };
  if (ext === '.html' || ext === '.htm') return readHtml(file, text);
  if (ext === '.json') return readJson(file, text);
  throw new UsageError(`${file}: unsupported file type (use .txt, .html or .json)`);
}

function payerFrom(args: Args, pieces: readonly Piece[]): Encounter['payer'] {
  const fromFile = pieces.find((p) => p.payer)?.payer;
  if (!args.payer && fromFile) return { ...fromFile, method: args.method ?? fromFile.method };
  const medicare = (args.payer ?? 'medicare') === 'medicare';
  return {
    name: medicare ? 'Medicare' : (pieces.find((p) => p.payerName)?.payerName ?? 'Commercial'),
    medicare,
    method: args.method ?? (medicare ? 'cms' : 'per-code'),
  };
}

export async function buildEncounter(
  args: Pick<Args, 'files' | 'charges' | 'payer' | 'method'> & Partial<Args>,
): Promise<Encounter> {
  const pieces: Piece[] = [];
  for (const file of args.files) pieces.push(await readPiece(file));
  const furnished = new Set<ProviderRole>(pieces.flatMap((p) => p.furnishedBy ?? []));
  const parsed = z.safeParse(EncounterSchema, {
    dateOfService: pieces.find((p) => p.dateOfService)?.dateOfService,
    payer: payerFrom({ json: false, audit: false, ...args }, pieces),
    notes: pieces.flatMap((p) => p.notes),
    charges: [...pieces.flatMap((p) => p.charges), ...args.charges],
    furnishedBy: furnished.size > 0 ? [...furnished] : undefined,
  });
  if (!parsed.success)
    throw new UsageError(
      `the files do not make a valid encounter (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return parsed.data;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

export function formatHuman(findings: readonly Finding[], color: boolean): string {
  if (findings.length === 0) return 'No findings: the 97116 charges agree with the note.\n';
  const paint = (severity: Severity, text: string) =>
    color ? `${SEVERITY_COLOR[severity]}${text}\x1b[0m` : text;
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(severity, `${SEVERITY_LABEL[severity]} (${group.length})`));
    for (const f of group) {
      lines.push(`  ${paint(severity, '•')} ${f.message}  [${f.rule}]`);
      lines.push(`    why: ${f.explanation}`);
      lines.push(`    fix: ${f.fix}`);
      for (const e of f.evidence.slice(0, 4)) {
        lines.push(
          e.kind === 'note'
            ? `    note ${e.noteId} @${e.start}-${e.end}: "${e.quote}"`
            : `    charge ${e.chargeId}: ${e.quote}`,
        );
      }
      const cite = [
        f.source.title,
        f.source.section,
        f.source.effective && `effective ${f.source.effective}`,
      ];
      lines.push(`    source: ${cite.filter(Boolean).join(', ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(findings: readonly Finding[]): string {
  const out = findings.map(({ rule, severity, message, explanation, evidence, fix, source }) => ({
    rule,
    severity,
    message,
    explanation,
    evidence,
    fix,
    source,
  }));
  return `${JSON.stringify({ findings: out })}\n`;
}

/**
 * The lines of a file (without their \n or \r\n), read in 1 MB chunks and handed out a chunk's worth at a
 * time, so the caller loops over them without a promise per line (readline's promise per line cost a third
 * as much as checking the encounter on it).
 */
async function* lineBatchesOf(file: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    const lines: string[] = [];
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      lines.push(text.slice(from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end));
      from = end + 1;
    }
    rest = text.slice(from);
    yield lines;
  }
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

async function audit(file: string, args: Args, io: CliIo): Promise<void> {
  checkReadable(file);
  const byRule = new Map<RuleId, { findings: number; encounters: number }>();
  let encounters = 0;
  let lineNumber = 0;
  for await (const batch of lineBatchesOf(file)) {
    for (const line of batch) {
      lineNumber++;
      if (line.trim() === '') continue;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}: line ${lineNumber} is not valid JSON`);
      }
      // The engine reads only the schema's keys, so an encounter the checker passes goes in as it is.
      let checked: Encounter;
      if (isEncounter(data)) checked = data as Encounter;
      else {
        const parsed = z.safeParse(EncounterSchema, data);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new UsageError(
            `${file}: line ${lineNumber} is not an encounter (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`,
          );
        }
        checked = parsed.data;
      }
      const encounter =
        args.payer || args.method
          ? { ...checked, payer: payerFrom(args, [{ notes: [], charges: [], payer: checked.payer }]) }
          : checked;
      const findings = analyzeEncounter(encounter);
      encounters++;
      const seen = new Set<RuleId>();
      for (const f of findings) {
        const entry = byRule.get(f.rule) ?? { findings: 0, encounters: 0 };
        entry.findings++;
        if (!seen.has(f.rule)) entry.encounters++;
        seen.add(f.rule);
        byRule.set(f.rule, entry);
      }
      if (encounters % 100 === 0) io.stderr(`\r${encounters} encounters checked`);
    }
  }
  io.stderr(`\r${encounters} encounters checked\n`);
  const rows = [...byRule.entries()].sort((a, b) => b[1].encounters - a[1].encounters);
  if (args.json) {
    io.stdout(`${JSON.stringify({ encounters, rules: Object.fromEntries(rows) })}\n`);
    return;
  }
  const out = [
    `${encounters} encounters`,
    ...rows.map(
      ([rule, c]) =>
        `  ${rule.padEnd(26)} ${String(c.encounters).padStart(6)} encounters  ${String(c.findings).padStart(6)} findings`,
    ),
  ];
  if (rows.length === 0) out.push('  no findings');
  io.stdout(`${out.join('\n')}\n`);
}

/** Runs the command; returns the exit code (0 = ran, 1 = error findings, 2 = bad input). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.audit) {
      await audit(args.files[0] ?? '', args, io);
      return 0;
    }
    const encounter = await buildEncounter(args);
    const findings = analyzeEncounter(encounter);
    io.stdout(args.json ? formatJson(findings) : formatHuman(findings, io.color));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (error) {
    const message =
      error instanceof UsageError
        ? error.message
        : `unexpected failure: ${(error as Error).message.split('\n')[0]}`;
    io.stderr(`check: ${message}\n`);
    return 2;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
