import type { TurnContext } from 'botbuilder';
import type { SubmitValue } from '../cards/actions';
import { SOURCE_LOCALE, type Locale } from '../i18n/locales';

const LOCALE_KEY = Symbol('titp.locale');
const SUBMIT_KEY = Symbol('titp.submit');

/** The locale negotiated for this turn; set once by the bot before any dialog runs. */
export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(LOCALE_KEY, locale);
}

/** The locale of this turn (English before negotiation has run). */
export function turnLocale(context: TurnContext): Locale {
  return (context.turnState.get(LOCALE_KEY) as Locale | undefined) ?? SOURCE_LOCALE;
}

/** The validated button value of this turn, from a card submit or a typed number/label. */
export function setTurnSubmit(context: TurnContext, value: SubmitValue | undefined): void {
  context.turnState.set(SUBMIT_KEY, value);
}

export function turnSubmit(context: TurnContext): SubmitValue | undefined {
  return context.turnState.get(SUBMIT_KEY) as SubmitValue | undefined;
}

/** What we remember about a user across conversations. */
export interface UserProfile {
  locale?: Locale;
  country?: string;
  welcomed?: boolean;
}

/** Per-conversation bookkeeping outside the dialog stack. */
export interface Session {
  /** Version of the saved dialog state; a mismatch restarts dialogs instead of crashing on old shapes. */
  version?: number;
  /** Options of the last message, so a text-only user can answer "2" or the option's name. */
  lastChoices?: { label: string; value: SubmitValue }[];
}
