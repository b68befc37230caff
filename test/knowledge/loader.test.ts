import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeLoadError } from '../../src/errors';
import { loadKnowledge } from '../../src/knowledge/loader';
import { englishRevision } from '../../src/knowledge/revision';

const ANSWER = 'Nobody may keep your passport. This is true even if you agree.';

function entry(fields: Record<string, unknown> = {}, body = ANSWER): string {
  const front = {
    id: 'passport-retention',
    title: 'Can my employer keep my passport?',
    questions: ['can the company keep my passport', 'boss took my residence card', 'who holds my passport'],
    keywords: ['passport'],
    followUps: [],
    tags: { programme: ['titp'], sector: [], country: [] },
    sources: [{ title: 'OTIT', url: 'https://www.otit.go.jp/' }],
    lastReviewed: '2026-11-27',
    ...fields,
  };
  const yaml = Object.entries(front)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}

function kbDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-'));
  writeFileSync(join(root, 'official-domains.yaml'), 'domains: [otit.go.jp, moj.go.jp]\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function loadError(files: Record<string, string>): KnowledgeLoadError {
  try {
    loadKnowledge({ root: kbDir(files) });
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeLoadError');
}

const revision = englishRevision({ title: 'Can my employer keep my passport?', answer: ANSWER, sources: [{ url: 'https://www.otit.go.jp/' }] });

describe('loadKnowledge', () => {
  it('loads a valid entry and its translation', () => {
    const kb = loadKnowledge({
      root: kbDir({
        'en/passport-retention.md': entry(),
        'vi/passport-retention.md': entry({ title: 'Công ty giữ hộ chiếu được không?', translation: { revision, nativeReviewed: false } }, ANSWER),
      }),
    });
    expect(kb.ids()).toEqual(['passport-retention']);
    expect(kb.get('passport-retention', 'vi')?.isFallback).toBe(false);
    expect(kb.get('passport-retention', 'th')?.isFallback).toBe(true);
    expect(kb.status('passport-retention', 'vi')).toBe('current');
    expect(kb.status('passport-retention', 'th')).toBe('missing');
  });

  it('marks a translation stale when the English answer changed', () => {
    const kb = loadKnowledge({
      root: kbDir({
        'en/passport-retention.md': entry({}, `${ANSWER} Call OTIT.`),
        'vi/passport-retention.md': entry({ translation: { revision, nativeReviewed: false } }),
      }),
    });
    expect(kb.status('passport-retention', 'vi')).toBe('stale');
  });

  it.each([
    ['a missing front matter', { 'en/passport-retention.md': ANSWER }, 'front matter'],
    ['broken YAML', { 'en/passport-retention.md': '---\nid: [unclosed\n---\nx' }, 'YAML'],
    ['too few questions', { 'en/passport-retention.md': entry({ questions: ['one', 'two'] }) }, 'questions'],
    ['a missing title', { 'en/passport-retention.md': entry({ title: undefined }) }, 'title'],
    ['a bad programme tag', { 'en/passport-retention.md': entry({ tags: { programme: ['tourism'] } }) }, 'tags.programme'],
    ['an http source', { 'en/passport-retention.md': entry({ sources: [{ title: 'x', url: 'http://www.otit.go.jp/' }] }) }, 'sources.0.url'],
    ['no official source', { 'en/passport-retention.md': entry({ sources: [{ title: 'blog', url: 'https://example.com/' }] }) }, 'sources'],
    ['no source at all', { 'en/passport-retention.md': entry({ sources: [] }) }, 'sources'],
    ['a bad date', { 'en/passport-retention.md': entry({ lastReviewed: '27/11/2026' }) }, 'lastReviewed'],
    ['an answer that is too long', { 'en/passport-retention.md': entry({}, 'Short words. '.repeat(120)) }, 'answer'],
    ['an empty answer', { 'en/passport-retention.md': entry({}, '') }, 'answer'],
    ['an id that differs from the file name', { 'en/passport-retention.md': entry({ id: 'passport' }) }, 'id'],
    ['an unknown follow-up', { 'en/passport-retention.md': entry({ followUps: ['no-such-entry'] }) }, 'followUps'],
    ['an unknown field', { 'en/passport-retention.md': entry({ colour: 'blue' }) }, 'colour'],
    ['a translation without its revision', { 'en/passport-retention.md': entry(), 'th/passport-retention.md': entry() }, 'translation'],
    [
      'a malformed revision',
      { 'en/passport-retention.md': entry(), 'th/passport-retention.md': entry({ translation: { revision: 'abc', nativeReviewed: false } }) },
      'translation.revision',
    ],
    ['a translation of no English entry', { 'en/passport-retention.md': entry(), 'th/other-entry.md': entry({ id: 'other-entry', translation: { revision, nativeReviewed: false } }) }, 'no English entry'],
    ['a sector entry without its sector block', { 'en/sector-fishery.md': entry({ id: 'sector-fishery' }) }, 'sector'],
  ])('stops on %s, naming the file, the entry and the field', (_name, files, field) => {
    const error = loadError(files as Record<string, string>);
    const file = Object.keys(files).at(-1)!;
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.entryId).toBeTruthy();
    expect(error.issues.join('\n')).toContain(field);
  });

  it('stops on a synonym concept that English does not define', () => {
    const error = loadError({
      'en/passport-retention.md': entry(),
      'synonyms/en.yaml': 'passport: [passport, pasport]\n',
      'vi/passport-retention.md': entry({ translation: { revision, nativeReviewed: false } }),
      'synonyms/vi.yaml': 'visa: [thị thực]\n',
    });
    expect(error.file).toBe('synonyms/vi.yaml');
    expect(error.issues[0]).toContain('visa');
  });

  it('stops on a variant listed under two concepts, naming both (it would count for the first only)', () => {
    const error = loadError({
      'en/passport-retention.md': entry(),
      'synonyms/en.yaml': 'passport: [passport, pasport]\nrefund: [refund, tax refund]\ntax: [tax, Tax Refund]\n',
    });
    expect(error.file).toBe('synonyms/en.yaml');
    expect(error.issues).toEqual(['tax: "Tax Refund" is already listed under refund; a variant belongs to one concept']);
  });

  it('stops when the English source folder is missing', () => {
    const error = loadError({ 'vi/passport-retention.md': entry() });
    expect(error.issues[0]).toContain('English');
  });
});
