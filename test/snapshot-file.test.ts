import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFingerprint, readSnapshot, writeSnapshot } from '../src/snapshot-file';

let dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-file-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A small code tree; each call makes a new folder, because fingerprints are computed once per folder. */
function codeTree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('codeFingerprint', () => {
  const base = { 'search/engine.js': 'engine', 'i18n/latin-accents.js': 'fold', 'app.js': 'app' };

  it('changes when any code file changes, also one in another folder than the code that saves', () => {
    const lockfile = join(tempDir(), 'package-lock.json');
    writeFileSync(lockfile, '{}');
    const before = codeFingerprint(codeTree(base), lockfile);
    expect(codeFingerprint(codeTree(base), lockfile)).toBe(before);
    expect(codeFingerprint(codeTree({ ...base, 'i18n/latin-accents.js': 'fold differently' }), lockfile)).not.toBe(before);
    expect(codeFingerprint(codeTree({ ...base, 'cli/new-tool.ts': 'new' }), lockfile)).not.toBe(before);
  });

  it('ignores files that are not code, and follows the lockfile', () => {
    const lockfile = join(tempDir(), 'package-lock.json');
    writeFileSync(lockfile, '{"zod": "3.25.76"}');
    const before = codeFingerprint(codeTree(base), lockfile);
    expect(codeFingerprint(codeTree({ ...base, 'app.js.map': '{}', 'app.d.ts': 'export {}' }), lockfile)).toBe(before);
    const otherLock = join(tempDir(), 'package-lock.json');
    writeFileSync(otherLock, '{"zod": "3.25.77"}');
    expect(codeFingerprint(codeTree(base), otherLock)).not.toBe(before);
  });
});

describe('snapshots', () => {
  it('give back what was saved only for the same kind and fingerprint, and say why not otherwise', () => {
    const file = join(tempDir(), 'a', 'b', 'thing.bin');
    expect(readSnapshot(file, 'thing/1', 'f1')).toBe('missing');
    writeSnapshot(file, 'thing/1', 'f1', new Map([['en', { ids: ['fees'] }]]));
    expect(readSnapshot(file, 'thing/1', 'f1')).toEqual({ value: new Map([['en', { ids: ['fees'] }]]) });
    expect(readSnapshot(file, 'thing/1', 'f2')).toBe('stale');
    expect(readSnapshot(file, 'other/1', 'f1')).toBe('unreadable');
    writeFileSync(file, 'not a snapshot');
    expect(readSnapshot(file, 'thing/1', 'f1')).toBe('unreadable');
  });
});
