import { SOURCE_LOCALE, type Locale } from '../i18n/locales';
import type { KnowledgeEntry, SynonymFile } from './schema';

/** An entry as shown to one user: in their locale when translated, otherwise the English source. */
export interface LocalizedEntry {
  readonly entry: KnowledgeEntry;
  /** True when the user's locale has no translation yet and English stands in. */
  readonly isFallback: boolean;
}

/** A validated knowledge base as plain data (maps of plain objects), for the start-up snapshot. */
export type KnowledgeSnapshot = readonly [
  byLocale: ReadonlyMap<Locale, ReadonlyMap<string, KnowledgeEntry>>,
  synonyms: ReadonlyMap<Locale, SynonymFile>,
  revisions: ReadonlyMap<string, string>,
];

/** Translation health of one entry in one locale. */
export type TranslationStatus = 'source' | 'current' | 'stale' | 'missing';

/**
 * The validated knowledge base, held in memory. It is immutable after load so it can be shared by every turn
 * and every bot instance in the process.
 */
export class KnowledgeBase {
  constructor(
    private readonly byLocale: ReadonlyMap<Locale, ReadonlyMap<string, KnowledgeEntry>>,
    private readonly synonymsByLocale: ReadonlyMap<Locale, SynonymFile>,
    private readonly revisions: ReadonlyMap<string, string>,
  ) {}

  /** The knowledge base as data, to save after validation (see `knowledge-cache.ts`). */
  snapshot(): KnowledgeSnapshot {
    return [this.byLocale, this.synonymsByLocale, this.revisions];
  }

  /** A knowledge base from a snapshot that {@link KnowledgeBase.snapshot} made of an already validated one. */
  static fromSnapshot([byLocale, synonyms, revisions]: KnowledgeSnapshot): KnowledgeBase {
    return new KnowledgeBase(byLocale, synonyms, revisions);
  }

  /** Entry ids in English order; every other locale's ids are a subset. */
  ids(): string[] {
    return [...(this.byLocale.get(SOURCE_LOCALE)?.keys() ?? [])];
  }

  /** Ids present in one locale (what `ask --list-ids` prints). */
  idsIn(locale: Locale): string[] {
    return [...(this.byLocale.get(locale)?.keys() ?? [])];
  }

  /** Locales that have a knowledge folder, English first. */
  locales(): Locale[] {
    return [...this.byLocale.keys()];
  }

  /** Every entry of one locale. */
  entriesIn(locale: Locale): KnowledgeEntry[] {
    return [...(this.byLocale.get(locale)?.values() ?? [])];
  }

  has(id: string): boolean {
    return this.byLocale.get(SOURCE_LOCALE)?.has(id) ?? false;
  }

  /** The entry in the user's locale, falling back to English; undefined only for an unknown id. */
  get(id: string, locale: Locale): LocalizedEntry | undefined {
    const own = this.byLocale.get(locale)?.get(id);
    if (own) return { entry: own, isFallback: false };
    const english = this.byLocale.get(SOURCE_LOCALE)?.get(id);
    return english ? { entry: english, isFallback: locale !== SOURCE_LOCALE } : undefined;
  }

  /** The synonym concepts users of a locale type. */
  synonyms(locale: Locale): SynonymFile {
    return this.synonymsByLocale.get(locale) ?? {};
  }

  /** The current revision of an English entry. */
  revision(id: string): string | undefined {
    return this.revisions.get(id);
  }

  /** Whether a locale's copy of an entry is the source, up to date, stale or missing. */
  status(id: string, locale: Locale): TranslationStatus {
    if (locale === SOURCE_LOCALE) return 'source';
    const own = this.byLocale.get(locale)?.get(id);
    if (!own?.translation) return 'missing';
    return own.translation.revision === this.revisions.get(id) ? 'current' : 'stale';
  }
}
