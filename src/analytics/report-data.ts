import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_NAMES } from './analytics';

/** How many unanswered questions the report lists per locale. */
export const TOP_UNANSWERED = 20;

/** The analytics file is missing or is not one the bot wrote. The message says what to do. */
export class AnalyticsReportError extends Error {
  override readonly name = 'AnalyticsReportError';
}

export interface UnansweredQuestion {
  /** The most frequent spelling among questions that differ only in case and spacing. */
  readonly text: string;
  readonly count: number;
}

export interface LocaleSummary {
  readonly locale: string;
  /** Distinct (hashed) conversations with any event in this locale. */
  readonly conversations: number;
  /** Outcome events: every question the bot searched for. */
  readonly questions: number;
  readonly answered: number;
  readonly clarified: number;
  readonly unanswered: number;
  /** answered / questions, 0..1 (0 when there were no questions). */
  readonly answerRate: number;
  /** clarified / questions, 0..1. */
  readonly clarifyRate: number;
  /** Times a user rejected every "Did you mean" candidate. */
  readonly noneOfThese: number;
  /** Most frequent unanswered questions whose text is still kept, by count then text. */
  readonly topUnanswered: readonly UnansweredQuestion[];
  /** Unanswered questions whose text was deleted by retention (still counted above). */
  readonly unansweredTextExpired: number;
}

export interface EntryFeedback {
  readonly entryId: string;
  /** Times the entry was given as the answer. */
  readonly answered: number;
  readonly helpful: number;
  readonly notHelpful: number;
}

export interface AnalyticsReport {
  readonly source: string;
  readonly generatedAt: Date;
  readonly events: number;
  readonly firstEventAt: Date | undefined;
  readonly lastEventAt: Date | undefined;
  /** Locales ordered by questions, most first. */
  readonly locales: readonly LocaleSummary[];
  /** Every entry with feedback or answers, ordered by id. */
  readonly entries: readonly EntryFeedback[];
}

/** Groups questions that differ only in case, spacing or Unicode form. */
function questionKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Opens an analytics database read-only (so a running bot is never disturbed).
 * @throws AnalyticsReportError when the file does not exist or has no events table.
 */
export function openAnalyticsDatabase(path: string): Database.Database {
  const full = resolve(path);
  if (!existsSync(full)) {
    throw new AnalyticsReportError(
      `No analytics database at ${full}. The bot creates it with its first event when APPLICATIONINSIGHTS_CONNECTION_STRING ` +
        'is not set and STORAGE is sqlite or blob; set ANALYTICS_PATH or pass --db <file> to read another one.',
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(full, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    if (!table) throw new Error('it has no events table');
    return db;
  } catch (err) {
    db?.close();
    throw new AnalyticsReportError(`${full} is not an analytics database written by the bot (${err instanceof Error ? err.message : String(err)}).`);
  }
}

/** Reads every figure the text and HTML reports show. */
export function buildReport(db: Database.Database, options: { source: string; now?: Date; top?: number }): AnalyticsReport {
  const top = options.top ?? TOP_UNANSWERED;
  const totals = db.prepare<[], { events: number; first: number | null; last: number | null }>(
    'SELECT count(*) AS events, min(at) AS first, max(at) AS last FROM events',
  ).get()!;

  const perLocale = db
    .prepare<[{ outcome: string; other: string }], Omit<LocaleSummary, 'answerRate' | 'clarifyRate' | 'topUnanswered' | 'unansweredTextExpired'>>(
      `SELECT coalesce(locale, 'unknown') AS locale,
              count(DISTINCT CASE WHEN conversation IS NOT NULL AND conversation <> 'none' THEN conversation END) AS conversations,
              sum(name = @outcome) AS questions,
              sum(name = @outcome AND outcome = 'answer') AS answered,
              sum(name = @outcome AND outcome = 'clarify') AS clarified,
              sum(name = @outcome AND outcome = 'none') AS unanswered,
              sum(name = @other) AS noneOfThese
         FROM events
        GROUP BY coalesce(locale, 'unknown')`,
    )
    .all({ outcome: EVENT_NAMES.outcome, other: EVENT_NAMES.noneOfThese });

  const unansweredRows = db
    .prepare<[string], { locale: string; text: string | null; count: number }>(
      `SELECT coalesce(locale, 'unknown') AS locale, text, count(*) AS count
         FROM events
        WHERE name = ? AND outcome = 'none'
        GROUP BY coalesce(locale, 'unknown'), text`,
    )
    .all(EVENT_NAMES.outcome);

  const locales: LocaleSummary[] = perLocale.map((row) => {
    const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
    let expired = 0;
    for (const r of unansweredRows) {
      if (r.locale !== row.locale) continue;
      if (r.text === null) {
        expired += r.count;
        continue;
      }
      const key = questionKey(r.text);
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      group.count += r.count;
      group.spellings.set(r.text, (group.spellings.get(r.text) ?? 0) + r.count);
      groups.set(key, group);
    }
    const topUnanswered = [...groups.values()]
      .map((g) => ({
        count: g.count,
        text: [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]![0],
      }))
      .sort((a, b) => b.count - a.count || byText(a.text, b.text))
      .slice(0, top);
    const questions = row.questions ?? 0;
    return {
      ...row,
      questions,
      answered: row.answered ?? 0,
      clarified: row.clarified ?? 0,
      unanswered: row.unanswered ?? 0,
      noneOfThese: row.noneOfThese ?? 0,
      answerRate: questions ? (row.answered ?? 0) / questions : 0,
      clarifyRate: questions ? (row.clarified ?? 0) / questions : 0,
      topUnanswered,
      unansweredTextExpired: expired,
    };
  });
  locales.sort((a, b) => b.questions - a.questions || byText(a.locale, b.locale));

  const entries = db
    .prepare<[{ outcome: string; other: string }], EntryFeedback>(
      `SELECT entry_id AS entryId,
              sum(name = @outcome AND outcome = 'answer') AS answered,
              sum(name = @other AND helpful = 1) AS helpful,
              sum(name = @other AND helpful = 0) AS notHelpful
         FROM events
        WHERE entry_id IS NOT NULL AND ((name = @outcome AND outcome = 'answer') OR name = @other)
        GROUP BY entry_id
        ORDER BY entry_id`,
    )
    .all({ outcome: EVENT_NAMES.outcome, other: EVENT_NAMES.feedback });

  return {
    source: options.source,
    generatedAt: options.now ?? new Date(),
    events: totals.events,
    firstEventAt: totals.first === null ? undefined : new Date(totals.first),
    lastEventAt: totals.last === null ? undefined : new Date(totals.last),
    locales,
    entries,
  };
}

/** Entries people found most helpful: most net 👍 first (ties: more 👍, then id). Only entries with a 👍. */
export function mostHelpful(entries: readonly EntryFeedback[], limit = 10): EntryFeedback[] {
  return entries
    .filter((e) => e.helpful > 0)
    .sort((a, b) => b.helpful - b.notHelpful - (a.helpful - a.notHelpful) || b.helpful - a.helpful || byText(a.entryId, b.entryId))
    .slice(0, limit);
}

/** Entries people found least helpful: most net 👎 first (ties: more 👎, then id). Only entries with a 👎. */
export function leastHelpful(entries: readonly EntryFeedback[], limit = 10): EntryFeedback[] {
  return entries
    .filter((e) => e.notHelpful > 0)
    .sort((a, b) => b.notHelpful - b.helpful - (a.notHelpful - a.helpful) || b.notHelpful - a.notHelpful || byText(a.entryId, b.entryId))
    .slice(0, limit);
}

/** A 0..1 rate as a percentage with one decimal, or "–" when there is nothing to divide. */
export function percent(rate: number, denominator: number): string {
  return denominator === 0 ? '–' : `${(rate * 100).toFixed(1)}%`;
}
