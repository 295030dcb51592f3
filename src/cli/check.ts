/**
 * The `gaitguard` command (`npm run check -- ...` from a checkout): see HELP in options.ts for the grammar
 * and the exit codes. Bad input gives a one-line error on stderr and exit code 2, with nothing on stdout.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { Finding } from '../engine/model';
import { bySeverity } from '../engine/model';
import { analyzeEncounter } from '../engine/index';
import { audit } from './audit';
import { buildEncounter } from './inputs';
import { EXIT, HELP, UsageError, readOptions, type FailOn } from './options';
import { missingFor } from '../reader/read-summary';
import { checkJson, checkNdjson, formatHuman } from './output';
import { reviewDay } from '../engine/day-review';
import { reviewHuman, reviewJson } from './units-output';
import { callerDirectory, colorWanted } from './terminal';

declare const __GAITGUARD_VERSION__: string | undefined;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in human output. */
  color: boolean;
  /** Whether stderr is a terminal: progress lines only then. Default false. */
  progress?: boolean;
  /** The directory relative paths are read from. Default process.cwd(). */
  cwd?: string;
  /** stdin, as chunks. Default process.stdin. */
  stdin?: () => AsyncIterable<string | Buffer>;
  /** Worker threads for audit when --jobs is not given. Default: the cores available. */
  cores?: number;
}

/** The package version: baked into the bundled CLI by scripts/build-cli.mjs; from package.json in a checkout. */
export function version(): string {
  if (typeof __GAITGUARD_VERSION__ === 'string') return __GAITGUARD_VERSION__;
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}

function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  return failOn !== 'none' && findings.some((f) => bySeverity(f.severity, failOn) <= 0);
}

/** Runs the command; returns the exit code (EXIT in options.ts). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const source = {
    cwd: io.cwd ?? process.cwd(),
    stdin: io.stdin ?? (() => process.stdin),
  };
  try {
    const options = readOptions(argv);
    if (options.command === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (options.command === 'version') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    const choice = { payer: options.payer, method: options.method };
    if (options.command === 'audit') {
      const summary = await audit(
        {
          file: options.files[0] ?? '-',
          jobs: options.jobs ?? io.cores ?? availableParallelism(),
          format: options.format,
          choice,
        },
        { ...source, stdout: io.stdout, progress: io.progress ? io.stderr : undefined },
      );
      // encountersWith[s] counts the encounters whose most serious finding is s or worse.
      const failing = options.failOn !== 'none' && summary.encountersWith[options.failOn] > 0;
      return failing ? EXIT.findings : EXIT.ok;
    }
    const encounter = await buildEncounter(options.files, options.charges, choice, source);
    const findings = analyzeEncounter(encounter);
    const review = reviewDay(encounter, findings);
    const missing = missingFor(encounter);
    io.stdout(
      options.format === 'json'
        ? checkJson(findings, missing, reviewJson(review))
        : options.format === 'ndjson'
          ? checkNdjson(findings)
          : `${formatHuman(findings, io.color, missing)}\n${reviewHuman(review)}`,
    );
    return fails(findings, options.failOn) ? EXIT.findings : EXIT.ok;
  } catch (error) {
    const message =
      error instanceof UsageError
        ? error.message
        : `unexpected failure: ${(error as Error).message.split('\n')[0]}`;
    io.stderr(`gaitguard: ${message}\n`);
    return EXIT.usage;
  }
}

/** Runs the command on this process's arguments, streams and environment, and sets its exit code. */
export async function runProcess(): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: colorWanted(process.env, Boolean(process.stdout.isTTY)),
    progress: Boolean(process.stderr.isTTY),
    cwd: callerDirectory(process.env, process.cwd()),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
