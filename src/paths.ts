import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up to package.json, so code works the same from `src/` under tsx and from
 * `dist/src/` after tsc.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRoot(__dirname);
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge');
export const LOCALES_DIR = join(REPO_ROOT, 'locales');
export const PUBLIC_DIR = join(REPO_ROOT, 'public');
/** The installed dependency versions; part of the saved search index's fingerprint. */
export const LOCKFILE = join(REPO_ROOT, 'package-lock.json');
