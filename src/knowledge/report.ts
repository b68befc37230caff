import type { Locale } from '../i18n/locales';
import type { KnowledgeBase } from './knowledge-base';

/** Per-locale translation health, as `check:knowledge` prints it and the README table summarises it. */
export interface LocaleReport {
  readonly locale: Locale;
  readonly missing: string[];
  readonly stale: string[];
  readonly unreviewed: string[];
  readonly current: number;
}

/** Ids every locale must have, from ../shared/knowledge/topics.md; other entries are welcome but optional. */
export function translationReport(kb: KnowledgeBase, locales: readonly Locale[]): LocaleReport[] {
  return locales.map((locale) => {
    const missing: string[] = [];
    const stale: string[] = [];
    const unreviewed: string[] = [];
    let current = 0;
    for (const id of kb.ids()) {
      const status = kb.status(id, locale);
      if (status === 'missing') missing.push(id);
      else if (status === 'stale') stale.push(id);
      else if (status === 'current') current += 1;
      const own = kb.get(id, locale);
      if (status !== 'missing' && status !== 'source' && own && !own.entry.translation?.nativeReviewed) unreviewed.push(id);
    }
    return { locale, missing, stale, unreviewed, current };
  });
}

/** The locale status table kept in knowledge/README.md; a test checks the README against it. */
export function statusTable(rows: readonly LocaleReport[], total: number): string {
  const lines = ['| locale | entries | stale | native review |', '| --- | --- | --- | --- |', '| en | source | – | – |'];
  for (const r of rows) {
    const translated = r.current + r.stale.length;
    const entries = r.missing.length === 0 ? 'complete' : `${translated} of ${total}`;
    const reviewed = translated === 0 ? '–' : r.unreviewed.length === 0 ? 'yes' : 'not yet';
    lines.push(`| ${r.locale} | ${entries} | ${r.stale.length} | ${reviewed} |`);
  }
  return lines.join('\n');
}
