/**
 * `gaitguard audit FILE.ndjson`: one encounter per line, checked across worker threads (--jobs, default one
 * per core), summarised by rule.
 *
 * The main thread reads and splits the file and hands out batches of lines; each worker parses, validates
 * and analyses its batch (audit-batch.ts) and sends back counts. Results are taken in input order, so the
 * first bad line reported is the file's first bad line and --format ndjson prints encounters in file order,
 * whichever worker finished first. node:worker_threads is enough for one kind of task over a fixed pool;
 * a pool library would add a dependency to the installed CLI for the hundred lines below.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BatchInput, BatchResult } from './audit-batch';
import { auditBatch, emptyTally, mergeTally, summaryOf } from './audit-batch';
import type { InputSource, PayerChoice } from './inputs';
import { chunksOf, lineBatchesOf } from './inputs';
import type { AuditSummary } from './output';
import type { Format } from './options';
import { SCHEMA_VERSION, auditText } from './output';
import { UsageError } from './options';

/** Lines per task: large enough that posting a message costs little next to checking the lines in it. */
const BATCH_LINES = 200;
/** Tasks queued per worker, so a worker never waits for the main thread to read the next batch. */
const QUEUE_PER_WORKER = 3;
const WORKER_ROLE = 'gaitguard-audit';

export interface AuditIo extends InputSource {
  stdout: (text: string) => void;
  /** Progress text, written only when stderr is a terminal. */
  progress?: (text: string) => void;
}

export interface AuditRun {
  file: string;
  jobs: number;
  format: Format;
  choice: PayerChoice;
}

interface Runner {
  run(input: BatchInput): Promise<BatchResult>;
  close(): Promise<void>;
}

function inThisThread(): Runner {
  return {
    run: (input) => Promise.resolve(auditBatch(input)),
    close: () => Promise.resolve(),
  };
}

/**
 * Runs this very module as the worker: from the bundled CLI it is the one file; from TypeScript sources
 * (npm run check, tests) the worker first registers tsx, which the main thread's loader does not reach.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: { role: WORKER_ROLE } });
  const tsxDir = path.dirname(createRequire(self).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(code, { eval: true, workerData: { role: WORKER_ROLE } });
}

function workerPool(size: number): Runner {
  const waiting = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  const load: number[] = [];
  const workers = Array.from({ length: size }, (_, index) => {
    const worker = startWorker();
    load.push(0);
    worker.on('message', (message: { id: number; result: BatchResult }) => {
      load[index]!--;
      waiting.get(message.id)?.resolve(message.result);
      waiting.delete(message.id);
    });
    const fail = (error: Error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (waiting.size > 0) fail(new Error(`an audit worker stopped (exit code ${code})`));
    });
    return worker;
  });
  let nextId = 0;
  return {
    run(input) {
      const id = nextId++;
      const index = load.indexOf(Math.min(...load));
      load[index]!++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[index]!.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** In a worker started by workerPool: answer each batch. */
function serveBatches(): void {
  parentPort?.on('message', (message: { id: number; input: BatchInput }) => {
    parentPort?.postMessage({ id: message.id, result: auditBatch(message.input) });
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) serveBatches();

/** Runs the audit and prints it; returns the summary (for the exit code). Bad input throws UsageError. */
export async function audit(run: AuditRun, io: AuditIo): Promise<AuditSummary> {
  const chunks = chunksOf(run.file, io);
  const keepFindings = run.format === 'ndjson';
  const runner = run.jobs > 1 ? workerPool(run.jobs) : inThisThread();
  const tally = emptyTally();
  const queue: Promise<BatchResult>[] = [];
  let failure: { line: number; message: string } | undefined;
  let lastProgress = 0;

  const takeOldest = async (): Promise<void> => {
    const result = await queue.shift();
    if (!result || failure) return;
    mergeTally(tally, result.tally);
    for (const e of result.perEncounter ?? [])
      io.stdout(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, type: 'encounter', ...e })}\n`);
    if (result.error) failure = result.error;
    if (io.progress && Date.now() - lastProgress > 100) {
      lastProgress = Date.now();
      io.progress(`\r${tally.encounters} encounters checked`);
    }
  };

  try {
    let firstLine = 1;
    for await (const lines of lineBatchesOf(chunks)) {
      for (let from = 0; from < lines.length && !failure; from += BATCH_LINES) {
        const slice = lines.slice(from, from + BATCH_LINES);
        queue.push(runner.run({ firstLine, lines: slice, choice: run.choice, keepFindings }));
        firstLine += slice.length;
        while (queue.length >= run.jobs * QUEUE_PER_WORKER && !failure) await takeOldest();
      }
      if (failure) break;
    }
    while (queue.length > 0 && !failure) await takeOldest();
  } finally {
    // Settle what is still queued (after a bad line) before the workers go, so no rejection is left unheard.
    await Promise.allSettled(queue);
    await runner.close();
  }
  io.progress?.(`\r${tally.encounters} encounters checked\n`);
  if (failure) throw new UsageError(`${run.file === '-' ? 'stdin' : run.file}: ${failure.message}`);

  const summary = summaryOf(tally);
  if (run.format === 'json') io.stdout(`${JSON.stringify(summary)}\n`);
  else if (run.format === 'ndjson') io.stdout(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
  else io.stdout(auditText(summary));
  return summary;
}
