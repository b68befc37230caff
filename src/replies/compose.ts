import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { dateFormatter } from '../i18n/intl-locale';
import { isRtl, type Locale } from '../i18n/locales';
import type { Translator } from '../i18n/translator';
import { markdownLink } from './markdown';
import type { ReplyButton, ReplyModel } from './reply-model';

/** The part of a search result a reply needs; kept structural so this module does not depend on the engine. */
export interface SearchOutcomeLike {
  readonly outcome: 'answer' | 'clarify' | 'none';
  readonly id: string | null;
  readonly candidates: readonly string[];
}

/** Entries offered when the bot does not know: the questions people most need answered first. */
export const MAIN_TOPIC_IDS = ['titp-ending', 'stages', 'fees-and-debt', 'passport-retention', 'sectors-overview'] as const;
/** The entry that holds the official help lines. */
export const HELP_ENTRY_ID = 'help-hotline';

/** What composing needs; passed explicitly so the CLI and the bot share one implementation. */
export interface ComposeContext {
  readonly kb: KnowledgeBase;
  readonly t: Translator;
  readonly locale: Locale;
}

/** Formats an ISO date for the user's locale ("27 November 2026", "27 tháng 11, 2026"). Formatters are reused. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormatter(locale, 'date').format(date);
}

/**
 * "Source: … · Last reviewed: …" for an entry, in the user's locale. Every reply that states facts ends with it, so
 * a user can always see where a fact comes from and how fresh it is.
 */
export function sourceFooter(ctx: ComposeContext, id: string): readonly string[] {
  const { kb, t, locale } = ctx;
  let byEntry = footers.get(kb)?.get(t);
  if (!byEntry) {
    byEntry = new Map();
    const byTranslator = footers.get(kb) ?? new WeakMap<Translator, Map<string, readonly string[]>>();
    byTranslator.set(t, byEntry);
    footers.set(kb, byTranslator);
  }
  const key = `${locale}\n${id}`;
  let footer = byEntry.get(key);
  if (!footer) byEntry.set(key, (footer = buildFooter(ctx, id)));
  return footer;
}

/** Footers depend only on the knowledge base, the translator, the locale and the entry, and every reply has one. */
const footers = new WeakMap<KnowledgeBase, WeakMap<Translator, Map<string, readonly string[]>>>();

function buildFooter({ kb, t, locale }: ComposeContext, id: string): readonly string[] {
  const entry = kb.get(id, locale)?.entry;
  if (!entry) return [];
  const sources = entry.sources.map((s) => markdownLink(s.title, s.url)).join(' · ');
  return [
    `${t.t(locale, 'answer.source')}: ${sources}`,
    t.t(locale, 'answer.lastReviewed', { date: t.isolate(locale, formatDate(entry.lastReviewed, locale)) }),
  ];
}

function entryButton(ctx: ComposeContext, id: string): ReplyButton | undefined {
  const found = ctx.kb.get(id, ctx.locale);
  return found ? { label: found.entry.title, value: { a: 'entry', id } } : undefined;
}

function entryButtons(ctx: ComposeContext, ids: readonly string[]): ReplyButton[] {
  return ids.map((id) => entryButton(ctx, id)).filter((b): b is ReplyButton => b !== undefined);
}

/** The answer card for one entry, in the user's locale or English with a notice. */
export function composeAnswer(ctx: ComposeContext, id: string): ReplyModel {
  const { kb, t, locale } = ctx;
  const found = kb.get(id, locale);
  if (!found) throw new Error(`composeAnswer: unknown entry "${id}"`);
  const { entry, isFallback } = found;
  return {
    locale,
    rtl: isRtl(locale) && !isFallback,
    title: entry.title,
    ...(isFallback ? { notice: t.t(locale, 'answer.translationComing') } : {}),
    body: [entry.answer],
    footer: sourceFooter(ctx, id),
    buttonsTitle: entry.followUps.length ? t.t(locale, 'answer.related') : undefined,
    buttons: entryButtons(ctx, entry.followUps),
    feedback: {
      prompt: t.t(locale, 'answer.helpful'),
      buttons: [
        { label: t.t(locale, 'answer.helpfulYes'), value: { a: 'feedback', id, up: true } },
        { label: t.t(locale, 'answer.helpfulNo'), value: { a: 'feedback', id, up: false } },
      ],
    },
  };
}

/** "Did you mean …?" with up to three candidates and a way out. */
export function composeClarify(ctx: ComposeContext, candidates: readonly string[]): ReplyModel {
  const { t, locale } = ctx;
  return {
    locale,
    rtl: isRtl(locale),
    body: [t.t(locale, 'clarify.prompt')],
    buttons: [...entryButtons(ctx, candidates.slice(0, 3)), { label: t.t(locale, 'clarify.noneOfThese'), value: { a: 'none-of-these' } }],
  };
}

/** The honest "I don't know", with the main topics and the official help. */
export function composeNone(ctx: ComposeContext): ReplyModel {
  const { t, locale } = ctx;
  return {
    locale,
    rtl: isRtl(locale),
    body: [t.t(locale, 'none.text'), t.t(locale, 'none.help')],
    links: [{ label: t.t(locale, 'help.otitLink'), url: 'https://www.otit.go.jp/' }],
    buttonsTitle: t.t(locale, 'none.topics'),
    buttons: entryButtons(ctx, [...MAIN_TOPIC_IDS, HELP_ENTRY_ID]),
  };
}

/** The reply for a search result, the same in the bot and in `npm run ask`. */
export function composeReply(ctx: ComposeContext, result: SearchOutcomeLike): ReplyModel {
  if (result.outcome === 'answer' && result.id) return composeAnswer(ctx, result.id);
  if (result.outcome === 'clarify' && result.candidates.length > 0) return composeClarify(ctx, result.candidates);
  return composeNone(ctx);
}
