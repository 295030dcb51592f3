/**
 * The shared corpus of real notes (../shared/corpus/notes beside the checkout), found by walking up from the
 * repository, so that the tests read it from the main checkout and from a worktree one level deeper alike.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findCorpus(): string {
  let dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (;;) {
    const candidate = path.join(dir, 'shared', 'corpus', 'notes');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('shared/corpus/notes not found beside the repository or above it');
    dir = parent;
  }
}

export const CORPUS_DIR = findCorpus();
