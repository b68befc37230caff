import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_LOCALE, SUPPORTED_LOCALES } from '../../src/i18n/locales';
import { loadKnowledge } from '../../src/knowledge/loader';
import { REQUIRED_ENTRY_IDS } from '../../src/knowledge/required-ids';
import { statusTable, translationReport } from '../../src/knowledge/report';
import { KNOWLEDGE_DIR } from '../../src/paths';

const kb = loadKnowledge({ root: KNOWLEDGE_DIR });
const translated = SUPPORTED_LOCALES.filter((l) => l !== SOURCE_LOCALE);
const report = translationReport(kb, translated);

describe('the knowledge base', () => {
  it('has every required entry in English', () => {
    expect(REQUIRED_ENTRY_IDS.filter((id) => !kb.has(id))).toEqual([]);
  });

  it.each(report.map((r) => [r.locale, r] as const))('%s has every entry, none stale', (_locale, row) => {
    expect(row.missing, 'missing').toEqual([]);
    expect(row.stale, 'stale (English changed since translation)').toEqual([]);
  });

  it('says honestly that no locale has been reviewed by a native speaker yet', () => {
    for (const row of report) expect(row.unreviewed.length, row.locale).toBe(kb.ids().length);
  });

  it('keeps the status table in knowledge/README.md in step with the files', () => {
    const readme = readFileSync(join(KNOWLEDGE_DIR, 'README.md'), 'utf8');
    expect(readme).toContain(statusTable(report, kb.ids().length));
  });

  it('keeps the structure of every translation equal to English: follow-ups, tags, source URLs, sector facts', () => {
    for (const locale of translated) {
      for (const id of kb.ids()) {
        const english = kb.get(id, SOURCE_LOCALE)!.entry;
        const own = kb.get(id, locale)!.entry;
        expect(own.followUps, `${locale}/${id} followUps`).toEqual(english.followUps);
        expect(own.tags, `${locale}/${id} tags`).toEqual(english.tags);
        expect(own.sources.map((s) => s.url), `${locale}/${id} sources`).toEqual(english.sources.map((s) => s.url));
        expect(own.lastReviewed, `${locale}/${id} lastReviewed`).toBe(english.lastReviewed);
        expect(own.sector?.examples.length, `${locale}/${id} sector examples`).toBe(english.sector?.examples.length);
        expect(Boolean(own.sector?.genderNote), `${locale}/${id} gender note`).toBe(Boolean(english.sector?.genderNote));
      }
    }
  });

  it('keeps every number of the English answer in each translation', () => {
    const numbers = (text: string) =>
      (text.match(/\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(/[,. \u00a0\u202f](?=\d{3}(?!\d))/g, ''));
    const problems: string[] = [];
    for (const locale of translated) {
      for (const id of kb.ids()) {
        const english = new Set(numbers(kb.get(id, SOURCE_LOCALE)!.entry.answer));
        const own = new Set(numbers(kb.get(id, locale)!.entry.answer));
        const lost = [...english].filter((n) => !own.has(n) && !own.has(n.replace('.', ',')));
        if (lost.length) problems.push(`${locale}/${id}: ${lost.join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
