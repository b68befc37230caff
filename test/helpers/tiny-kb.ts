import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { KnowledgeEntry } from '../../src/knowledge/schema';
import type { Locale } from '../../src/i18n/locales';
import { englishRevision } from '../../src/knowledge/revision';

/** Builds one entry with sensible defaults. */
export function makeEntry(locale: Locale, id: string, fields: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id,
    locale,
    title: `${id} title`,
    questions: [`${id} question one`, `${id} question two`, `${id} question three`],
    keywords: [id],
    followUps: [],
    tags: { programme: ['titp'], sector: [], country: [] },
    sources: [{ title: 'OTIT', url: 'https://www.otit.go.jp/' }],
    lastReviewed: '2026-11-27',
    answer: `${id} answer.`,
    file: `${locale}/${id}.md`,
    ...fields,
  };
}

/** A small in-memory knowledge base: English entries, plus translations stamped current. */
export function tinyKb(english: KnowledgeEntry[], translations: KnowledgeEntry[] = []): KnowledgeBase {
  const byLocale = new Map<Locale, Map<string, KnowledgeEntry>>();
  const revisions = new Map(english.map((e) => [e.id, englishRevision(e)]));
  for (const e of [...english, ...translations]) {
    const stamped = e.locale === 'en' || e.translation ? e : { ...e, translation: { revision: revisions.get(e.id)!, nativeReviewed: false } };
    if (!byLocale.has(e.locale as Locale)) byLocale.set(e.locale as Locale, new Map());
    byLocale.get(e.locale as Locale)!.set(e.id, stamped);
  }
  return new KnowledgeBase(byLocale, new Map(), revisions);
}
