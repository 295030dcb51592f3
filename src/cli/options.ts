/**
 * The command line's grammar: node:util parseArgs (so `--payer medicare` and `--payer=medicare` both work,
 * `--` ends the options and a lone `-` is a file name meaning stdin), the help text and the exit codes.
 */
import { parseArgs } from 'node:util';
import type { ChargeLine, Severity, UnitMethod } from '../engine/model';
import { parseChargeList } from '../engine/index';

/** A mistake in what the user typed or gave us: one line on stderr and EXIT.usage. */
export class UsageError extends Error {}

/** The exit codes, documented in --help and the README. */
export const EXIT = {
  /** Ran; nothing at or above the --fail-on level. */
  ok: 0,
  /** Ran; at least one finding at or above the --fail-on level (by default an error). */
  findings: 1,
  /** Nothing was checked: bad options, an unreadable file or input that is not what it should be. */
  usage: 2,
} as const;

export type Format = 'text' | 'json' | 'ndjson';
/** `none` never turns findings into exit code 1 (a report that must not fail a pipeline). */
export type FailOn = Severity | 'none';

export interface Options {
  command: 'check' | 'audit' | 'help' | 'version';
  format: Format;
  failOn: FailOn;
  payer?: 'medicare' | 'commercial';
  method?: UnitMethod;
  charges: ChargeLine[];
  /** As typed: relative to the caller's directory; `-` is stdin. */
  files: string[];
  /** Worker threads for audit; undefined = one per core. */
  jobs?: number;
}

export const HELP = `gaitguard: checks CPT 97116 (gait training) charges against the therapy note.

Usage:
  gaitguard check [options] FILE...        one encounter from one or more files
  gaitguard audit [options] FILE.ndjson    one encounter (JSON) per line; prints a summary by rule
  gaitguard --help | --version

  ("check" may be left out. From a checkout: npm run check -- [same arguments].)

FILE is a note (.txt), a saved EHR page (.html) or an encounter (.json, see schemas/encounter.schema.json).
Several files make one encounter. "-" reads stdin: for check, JSON when it starts with "{", HTML when it
starts with "<", a note otherwise; for audit, NDJSON. Relative paths are read from the directory you run
the command in.

Options:
  --payer medicare|commercial   payer (default: the file's, else the page's, else medicare)
  --method cms|per-code         unit counting: CMS 8-minute rule or per code (default: by payer)
  --charges LIST                extra charge lines, CODE:UNITS[:MOD...] separated by commas,
                                e.g. 97116:3:GP,97110:1:GP (may be repeated)
  --format text|json|ndjson     output (default text); json and ndjson carry "schemaVersion" and follow
                                schemas/check-output.schema.json or schemas/audit-output.schema.json
  --json                        same as --format json
  --fail-on error|warning|none  lowest severity that makes the exit code 1 (default error)
  -j, --jobs N                  audit: worker threads (default: one per CPU core)
  -h, --help                    this help
  -v, --version                 the version

Exit codes:
  0  checked; no finding at or above --fail-on
  1  checked; at least one finding at or above --fail-on (audit: in any encounter)
  2  nothing checked: bad option, unreadable file or invalid input (one line on stderr)

Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 (or 0) forces it on (off).
Progress: audit counts encounters on stderr only when stderr is a terminal.

Examples:
  gaitguard check --charges 97116:3:GP note.txt
  gaitguard check --payer=commercial --format json encounter.json
  gaitguard check visit.html fee-sheet.html
  cat note.txt | gaitguard check --charges 97116:2:GP -
  gaitguard audit --fail-on warning --jobs 2 month.ndjson
`;

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`);
}

function jobsFrom(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > 256)
    throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${value}"`);
  return jobs;
}

/** Reads argv (without node and the script). Throws UsageError with a message meant for the user. */
export function readOptions(argv: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        payer: { type: 'string' },
        method: { type: 'string' },
        charges: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
      },
    });
  } catch (error) {
    // parseArgs words its errors for programmers ("Unknown option '--x'. To specify a positional argument
    // starting with a '-', place it at the end of the command after '--'..."): keep its first sentence.
    const first = (error as Error).message.split(/\.\s/)[0] ?? 'invalid arguments';
    throw new UsageError(`${first}. See --help`);
  }
  const { values, positionals } = parsed;
  const base = {
    format: 'text' as Format,
    failOn: 'error' as FailOn,
    charges: [] as ChargeLine[],
    files: [] as string[],
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };

  let rest = positionals;
  let command: Options['command'] = 'check';
  if (rest[0] === 'audit' || rest[0] === 'check') {
    command = rest[0];
    rest = rest.slice(1);
  }
  const format = oneOf<Format>('format', values.format, ['text', 'json', 'ndjson']);
  if (values.json && format !== undefined && format !== 'json')
    throw new UsageError(`--json and --format ${format} disagree`);
  const charges: ChargeLine[] = [];
  for (const list of values.charges ?? []) {
    try {
      charges.push(...parseChargeList(list));
    } catch (error) {
      throw new UsageError(`invalid --charges: ${(error as Error).message}`);
    }
  }
  const options: Options = {
    command,
    format: format ?? (values.json ? 'json' : 'text'),
    failOn: oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'none']) ?? 'error',
    payer: oneOf('payer', values.payer, ['medicare', 'commercial'] as const),
    method: oneOf<UnitMethod>('method', values.method, ['cms', 'per-code']),
    charges,
    files: rest,
    jobs: jobsFrom(values.jobs),
  };
  if (options.files.length === 0) throw new UsageError('no input file (use - for stdin). See --help');
  if (command === 'audit') {
    if (options.files.length !== 1) throw new UsageError('audit takes exactly one .ndjson file');
    if (options.charges.length > 0) throw new UsageError('--charges applies to check, not audit');
  } else if (options.jobs !== undefined) throw new UsageError('--jobs applies to audit, not check');
  if (options.files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read once');
  return options;
}
