import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeLoadError } from '../../src/errors';
import { knowledgeFingerprint, loadKnowledgeCached } from '../../src/knowledge/knowledge-cache';
import { loadKnowledge } from '../../src/knowledge/loader';
import { KNOWLEDGE_DIR } from '../../src/paths';

let dirs: string[] = [];
/** A copy of the real knowledge folder and a place for the saved snapshot, both removed after the test. */
function workspace(): { root: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-cache-'));
  dirs.push(dir);
  cpSync(KNOWLEDGE_DIR, join(dir, 'knowledge'), { recursive: true });
  return { root: join(dir, 'knowledge'), file: join(dir, 'nested', 'knowledge.bin') };
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
}

describe('saved knowledge base', () => {
  it('is validated and saved on the first start, used on the next, and holds exactly what validation gave', () => {
    const { root, file } = workspace();
    const first = loadKnowledgeCached({ root, file });
    expect(first).toMatchObject({ from: 'validated', reason: 'missing' });
    expect(first.saveError).toBeUndefined();
    const second = loadKnowledgeCached({ root, file });
    expect(second.from).toBe('cache');
    const fresh = loadKnowledge({ root });
    expect(second.kb.snapshot()).toEqual(fresh.snapshot());
    expect(second.kb.ids().length).toBeGreaterThan(40);
    expect(second.kb.get('passport-retention', 'vi')).toEqual(fresh.get('passport-retention', 'vi'));
    expect(second.kb.status('passport-retention', 'vi')).toBe(fresh.status('passport-retention', 'vi'));
  });

  it('validates again when one file changes, and serves the new text', () => {
    const { root, file } = workspace();
    const before = loadKnowledgeCached({ root, file });
    const entry = join(root, 'vi', 'passport-retention.md');
    edit(entry, /^title: .*$/m, 'title: "Chủ có được giữ hộ chiếu của tôi không? (sửa)"');
    const changed = loadKnowledgeCached({ root, file });
    expect(changed).toMatchObject({ from: 'validated', reason: 'stale' });
    expect(changed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(changed.fingerprint).not.toBe(before.fingerprint);
    expect(changed.kb.get('passport-retention', 'vi')?.entry.title).toBe('Chủ có được giữ hộ chiếu của tôi không? (sửa)');
    expect(loadKnowledgeCached({ root, file }).from).toBe('cache');
  });

  it('still stops start-up on a broken edit, naming the file, entry and field, although a snapshot exists', () => {
    const { root, file } = workspace();
    loadKnowledgeCached({ root, file });
    edit(join(root, 'en', 'passport-retention.md'), /^lastReviewed: .*$/m, 'lastReviewed: "last spring"');
    let error: unknown;
    try {
      loadKnowledgeCached({ root, file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).file).toBe(join('en', 'passport-retention.md'));
    expect((error as KnowledgeLoadError).entryId).toBe('passport-retention');
    expect((error as KnowledgeLoadError).issues.join('\n')).toMatch(/^lastReviewed/m);
  });

  it('validates again when the code that validates changes, or other locales are asked for', () => {
    const { root, file } = workspace();
    loadKnowledgeCached({ root, file, code: 'code one' });
    expect(loadKnowledgeCached({ root, file, code: 'code two' })).toMatchObject({ from: 'validated', reason: 'stale' });
    expect(knowledgeFingerprint({ root, locales: ['en', 'vi'] }, 'code')).not.toBe(knowledgeFingerprint({ root }, 'code'));
    const subset = loadKnowledgeCached({ root, file, locales: ['en', 'vi'], code: 'code two' });
    expect(subset).toMatchObject({ from: 'validated', reason: 'stale' });
    expect(subset.kb.locales()).toEqual(['en', 'vi']);
  });

  it('validates again and replaces a damaged snapshot', () => {
    const { root, file } = workspace();
    loadKnowledgeCached({ root, file });
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(loadKnowledgeCached({ root, file })).toMatchObject({ from: 'validated', reason: 'unreadable' });
    expect(loadKnowledgeCached({ root, file }).from).toBe('cache');
  });

  it('still starts when the snapshot cannot be written, and says why', () => {
    const { root, file } = workspace();
    const blocker = join(file, '..', '..', 'not-a-folder');
    writeFileSync(blocker, 'a file where the snapshot folder should be');
    const loaded = loadKnowledgeCached({ root, file: join(blocker, 'knowledge.bin') });
    expect(loaded.from).toBe('validated');
    expect(loaded.saveError).toMatch(/EEXIST|ENOTDIR/);
    expect(loaded.kb.has('passport-retention')).toBe(true);
  });

  it('is not used at all without a file', () => {
    const { root } = workspace();
    const loaded = loadKnowledgeCached({ root });
    expect(loaded).toEqual({ kb: loaded.kb, from: 'validated' });
  });
});
