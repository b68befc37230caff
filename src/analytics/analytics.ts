import type { BotTelemetryClient } from 'botbuilder';
import { hashId } from '../logger';

/** Longest user text kept for the team to improve the knowledge base. */
export const MAX_KEPT_TEXT = 500;

/**
 * `text` cut to at most {@link MAX_KEPT_TEXT} UTF-16 units, without leaving half of a surrogate pair (an emoji) at the
 * end, which SQLite and JSON would turn into a replacement character.
 */
export function cutText(text: string, max: number = MAX_KEPT_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Who and where, before hashing. */
export interface EventOrigin {
  readonly userId: string | undefined;
  readonly conversationId: string | undefined;
  readonly locale: string;
  readonly channelId: string | undefined;
}

/** Event names as stored; the report and the HTML charts group by them. */
export const EVENT_NAMES = {
  outcome: 'titp.outcome',
  feedback: 'titp.feedback',
  noneOfThese: 'titp.noneOfThese',
} as const;

/**
 * Records what users asked and how the bot fared, through botbuilder's `BotTelemetryClient` so the same events can go
 * to a local SQLite table or to Application Insights. Ids are hashed with the configured salt here, in one place,
 * and message text is kept only where the team needs it (unanswered and unclear questions), cut to 500 characters.
 */
export class Analytics {
  constructor(
    private readonly client: BotTelemetryClient,
    private readonly salt: string,
  ) {}

  private base(origin: EventOrigin): Record<string, string> {
    return {
      user: hashId(origin.userId, this.salt),
      conversation: hashId(origin.conversationId, this.salt),
      locale: origin.locale,
      channel: origin.channelId ?? 'unknown',
    };
  }

  /** One search outcome. `text` is dropped for `answer`: a found answer needs no follow-up by the team. */
  outcome(origin: EventOrigin, outcome: 'answer' | 'clarify' | 'none', entryId: string | null, confidence: number, candidates: readonly string[], text: string): void {
    const properties: Record<string, string> = { ...this.base(origin), outcome, entryId: entryId ?? '', candidates: candidates.join(',') };
    if (outcome !== 'answer') properties.text = cutText(text);
    this.client.trackEvent({ name: EVENT_NAMES.outcome, properties, metrics: { confidence } });
  }

  /** A 👍 or 👎 on an answered entry. */
  feedback(origin: EventOrigin, entryId: string, helpful: boolean): void {
    this.client.trackEvent({ name: EVENT_NAMES.feedback, properties: { ...this.base(origin), entryId, helpful: String(helpful) } });
  }

  /** The user rejected every "Did you mean" candidate. */
  noneOfThese(origin: EventOrigin): void {
    this.client.trackEvent({ name: EVENT_NAMES.noneOfThese, properties: this.base(origin) });
  }

  /** Sends anything buffered (Application Insights batches). */
  flush(): void {
    this.client.flush();
  }
}
