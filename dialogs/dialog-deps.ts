import type { StatePropertyAccessor } from 'botbuilder';
import type { Analytics } from '../src/analytics/analytics';
import type { Locale } from '../src/i18n/locales';
import type { Translator } from '../src/i18n/translator';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base';
import type { Session, UserProfile } from '../src/bot/turn-state';
import type { SmallTalk } from '../src/search/synonyms';

/** The search engine as the dialogs see it. */
export interface Searcher {
  search(text: string, locale: Locale): {
    outcome: 'answer' | 'clarify' | 'none';
    id: string | null;
    candidates: string[];
    confidence: number;
    /** Set when the message is only small talk ("hello", "ok", "what should I do?"); the outcome is then `none`. */
    smallTalk?: SmallTalk;
  };
}

/**
 * Everything dialogs need, passed in through constructors so tests can give a fixed clock, a small knowledge base
 * or a recording analytics client, and nothing reaches for a singleton.
 */
export interface DialogDeps {
  readonly kb: KnowledgeBase;
  readonly search: Searcher;
  readonly t: Translator;
  /** "Now"; injected so timeline tests can fix today. */
  readonly clock: () => Date;
  readonly analytics: Analytics;
  readonly profile: StatePropertyAccessor<UserProfile>;
  readonly session: StatePropertyAccessor<Session>;
}
