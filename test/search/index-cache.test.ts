import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../../src/paths';
import { indexFingerprint, loadSearchEngine } from '../../src/search/index-cache';
import { SearchEngine } from '../../src/search/search-engine';
import { makeEntry, tinyKb } from '../helpers/tiny-kb';

const kb = loadKnowledge({ root: KNOWLEDGE_DIR });
const evalLines = ['en', 'vi', 'th', 'ja', 'ur'].flatMap((locale) =>
  readFileSync(join(REPO_ROOT, `test/fixtures/eval/${locale}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ locale, text: (JSON.parse(line) as { text: string }).text })),
) as { locale: 'en'; text: string }[];

let dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-cache-'));
  dirs.push(dir);
  return join(dir, 'nested', 'search-index.bin');
};
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('saved search index', () => {
  it('is built and saved on the first start, loaded on the next, and answers exactly like a fresh build', () => {
    const file = tempFile();
    const first = loadSearchEngine(kb, { file });
    expect(first).toMatchObject({ from: 'built', reason: 'missing' });
    expect(first.saveError).toBeUndefined();
    const second = loadSearchEngine(kb, { file });
    expect(second.from).toBe('cache');
    const fresh = SearchEngine.build(kb);
    expect(evalLines.length).toBeGreaterThan(300);
    for (const { locale, text } of evalLines) expect(second.engine.search(text, locale), `${locale}: ${text}`).toEqual(fresh.search(text, locale));
  });

  it('is rebuilt when the knowledge changes', () => {
    const file = tempFile();
    const before = tinyKb([makeEntry('en', 'rights', { questions: ['How much can a sending organisation charge?'] })]);
    const after = tinyKb([makeEntry('en', 'rights', { questions: ['Can my boss keep my passport?'] })]);
    expect(indexFingerprint(after)).not.toBe(indexFingerprint(before));
    loadSearchEngine(before, { file });
    const changed = loadSearchEngine(after, { file });
    expect(changed).toMatchObject({ from: 'built', reason: 'stale' });
    expect(changed.engine.search('can my boss keep my passport', 'en')).toMatchObject({ outcome: 'answer', id: 'rights' });
    expect(loadSearchEngine(after, { file }).from).toBe('cache');
  });

  it('is rebuilt when the code changes', () => {
    const file = tempFile();
    const small = tinyKb([makeEntry('en', 'fees')]);
    loadSearchEngine(small, { file, code: 'code one' });
    expect(loadSearchEngine(small, { file, code: 'code one' }).from).toBe('cache');
    expect(loadSearchEngine(small, { file, code: 'code two' })).toMatchObject({ from: 'built', reason: 'stale' });
  });

  it('without a knowledge fingerprint, changes when a transliteration table changes', () => {
    const small = tinyKb([makeEntry('en', 'fees')]);
    const tables = join(tempFile(), '..', '..', 'transliteration');
    mkdirSync(tables, { recursive: true });
    writeFileSync(join(tables, 'uz-cyrillic.yaml'), 'letters: {а: a}\n');
    const before = indexFingerprint(small, 'code', undefined, tables);
    writeFileSync(join(tables, 'uz-cyrillic.yaml'), 'letters: {а: a, б: b}\n');
    expect(indexFingerprint(small, 'code', undefined, tables)).not.toBe(before);
  });

  it('trusts a knowledge fingerprint from the caller instead of hashing every entry, and is rebuilt when it changes', () => {
    const file = tempFile();
    const small = tinyKb([makeEntry('en', 'fees')]);
    expect(indexFingerprint(small, 'code', 'knowledge one')).not.toBe(indexFingerprint(small, 'code'));
    loadSearchEngine(small, { file, knowledgeFingerprint: 'knowledge one' });
    expect(loadSearchEngine(small, { file, knowledgeFingerprint: 'knowledge one' }).from).toBe('cache');
    expect(loadSearchEngine(small, { file, knowledgeFingerprint: 'knowledge two' })).toMatchObject({ from: 'built', reason: 'stale' });
  });

  it('is rebuilt and replaced when the file is damaged', () => {
    const file = tempFile();
    loadSearchEngine(kb, { file });
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(loadSearchEngine(kb, { file })).toMatchObject({ from: 'built', reason: 'unreadable' });
    expect(loadSearchEngine(kb, { file }).from).toBe('cache');
  });

  it('still starts when the file cannot be written, and says why', () => {
    const blocker = join(tempFile(), '..', '..', 'not-a-folder');
    writeFileSync(blocker, 'a file where the index folder should be');
    const loaded = loadSearchEngine(tinyKb([makeEntry('en', 'fees')]), { file: join(blocker, 'search-index.bin') });
    expect(loaded.from).toBe('built');
    expect(loaded.saveError).toMatch(/EEXIST|ENOTDIR/);
    expect(loaded.engine.search('fees question one', 'en').outcome).toBe('answer');
  });

  it('is not used at all without a file', () => {
    const loaded = loadSearchEngine(tinyKb([makeEntry('en', 'fees')]), {});
    expect(loaded).toEqual({ engine: loaded.engine, from: 'built' });
  });
});
