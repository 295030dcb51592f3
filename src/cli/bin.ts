/**
 * The executable: `gaitguard` (bundled by scripts/build-cli.mjs) and `npm run check`. The audit's worker
 * threads load this same file, and must not run the command again.
 */
import { isMainThread } from 'node:worker_threads';
import { runProcess } from './check';

if (isMainThread) await runProcess();
