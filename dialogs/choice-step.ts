import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../src/bot/dialog-sdk';
import { foldForMatch } from '../src/i18n/match';
import { isRtl, type Locale } from '../src/i18n/locales';
import type { Translator } from '../src/i18n/translator';
import type { ReplyModel } from '../src/replies/reply-model';
import { turnLocale, turnSubmit } from '../src/bot/turn-state';
import { parseMonth } from '../src/timeline/parse-month';
import { addMonths, compareMonths, formatYearMonth, monthLabel, monthOf, parseIsoMonth, type YearMonth } from '../src/timeline/year-month';
import type { DialogDeps } from './dialog-deps';
import { sendReply } from './reply-sender';

/** One option: its id, and either a UI string key or a literal label (language names in their own script). */
export interface ChoiceOption {
  readonly value: string;
  readonly labelKey?: string;
  readonly label?: string;
}

/** A serialisable description of a question, so it can be re-asked in another language after a restart. */
export interface ChoiceSpec {
  readonly promptKey: string;
  readonly preambleKeys?: readonly string[];
  readonly choices: readonly ChoiceOption[];
  /** `month`: a month picker over the next three years that also reads typed months. */
  readonly kind?: 'buttons' | 'month';
}

interface ChoiceState {
  spec: ChoiceSpec;
  attempts: number;
}

/** How many times an invalid answer is re-asked before the menu is offered. */
export const MAX_REPROMPTS = 2;
/** Choices beyond this count are shown as a drop-down instead of buttons. */
const MAX_BUTTONS = 8;
export const CHOICE_STEP_ID = 'choiceStep';

/** Result of reading one answer. */
export type Recognition = { ok: true; value: string } | { ok: false; reasonKey?: string };

/**
 * Asks a question with options and reads the answer from a card submit, a number ("2"), the option's name in
 * the user's language or English, or (for months) a typed date. An invalid answer is re-asked politely at most
 * twice; then the step ends with no value and the caller offers the menu.
 */
export class ChoiceStep extends Dialog<ChoiceSpec> {
  constructor(private readonly deps: DialogDeps) {
    super(CHOICE_STEP_ID);
  }

  override async beginDialog(dc: DialogContext, spec?: ChoiceSpec): Promise<DialogTurnResult> {
    if (!spec) throw new Error('ChoiceStep needs a ChoiceSpec');
    const state: ChoiceState = { spec, attempts: 0 };
    dc.activeDialog!.state = state;
    await this.prompt(dc.context, spec, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ChoiceState;
    const result = this.recognize(dc, state.spec);
    if (result.ok) return dc.endDialog(result.value);
    state.attempts += 1;
    const locale = turnLocale(dc.context);
    if (state.attempts > MAX_REPROMPTS) {
      await dc.context.sendActivity({ type: 'message', text: this.deps.t.t(locale, 'errors.giveUp'), locale });
      return dc.endDialog(undefined);
    }
    await dc.context.sendActivity({ type: 'message', text: this.deps.t.t(locale, result.reasonKey ?? 'errors.invalidChoice'), locale });
    await this.prompt(dc.context, state.spec, true);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: { state: ChoiceState }): Promise<void> {
    await this.prompt(context, instance.state.spec, true);
  }

  /** Whether this turn answers the pending question; used by the root dialog before treating text as a question. */
  recognize(dc: DialogContext, spec: ChoiceSpec): Recognition {
    return recognizeChoice(spec, dc.context.activity.text ?? '', turnSubmit(dc.context), turnLocale(dc.context), this.deps.t, monthOf(this.deps.clock()));
  }

  private async prompt(context: TurnContext, spec: ChoiceSpec, isRetry: boolean): Promise<void> {
    const locale = turnLocale(context);
    const reply = renderChoice(spec, locale, this.deps.t, monthOf(this.deps.clock()), isRetry);
    await sendReply(context, this.deps, reply);
  }
}

/** The months offered: from this month to December two years ahead. */
export function monthRange(today: YearMonth): YearMonth[] {
  const end: YearMonth = { year: today.year + 2, month: 12 };
  const months: YearMonth[] = [];
  for (let m = today; compareMonths(m, end) <= 0; m = addMonths(m, 1)) months.push(m);
  return months;
}

function optionLabel(option: ChoiceOption, locale: Locale, t: Translator): string {
  return option.label ?? t.t(locale, option.labelKey ?? option.value);
}

/** Builds the question as a reply: buttons for a few options, a drop-down for many or for months. */
export function renderChoice(spec: ChoiceSpec, locale: Locale, t: Translator, today: YearMonth, isRetry = false): ReplyModel {
  const body = [...(isRetry ? [] : (spec.preambleKeys ?? []).map((k) => t.t(locale, k))), t.t(locale, spec.promptKey)];
  const base = { locale, rtl: isRtl(locale), body };
  if (spec.kind === 'month') {
    return {
      ...base,
      buttons: [],
      picker: {
        label: t.t(locale, 'duration.pick'),
        submit: t.t(locale, 'duration.submit'),
        choices: monthRange(today).map((m) => ({ value: formatYearMonth(m), label: monthLabel(m, locale) })),
      },
    };
  }
  const options = spec.choices.map((c) => ({ value: c.value, label: optionLabel(c, locale, t) }));
  if (options.length > MAX_BUTTONS) {
    return { ...base, buttons: [], picker: { submit: t.t(locale, 'dialog.confirm'), choices: options } };
  }
  return { ...base, buttons: options.map((o) => ({ label: o.label, value: { a: 'pick' as const, v: o.value } })) };
}

function checkMonth(month: YearMonth | undefined, today: YearMonth): Recognition {
  if (!month) return { ok: false, reasonKey: 'duration.invalidDate' };
  if (compareMonths(month, today) < 0) return { ok: false, reasonKey: 'duration.pastDate' };
  if (compareMonths(month, { year: today.year + 2, month: 12 }) > 0) return { ok: false, reasonKey: 'duration.tooFar' };
  return { ok: true, value: formatYearMonth(month) };
}

/**
 * Reads an answer to a {@link ChoiceSpec}. Pure, so the root dialog can ask "is this an answer or a new question?"
 * without side effects.
 */
export function recognizeChoice(
  spec: ChoiceSpec,
  text: string,
  submit: ReturnType<typeof turnSubmit>,
  locale: Locale,
  t: Translator,
  today: YearMonth,
): Recognition {
  if (spec.kind === 'month') {
    if (submit?.a === 'pick') return checkMonth(parseIsoMonth(submit.v), today);
    if (!text.trim()) return { ok: false };
    const months = monthRange(today);
    const numbered = /^\s*(\d{1,2})\s*$/.exec(text);
    if (numbered) {
      const pick = months[Number(numbered[1]) - 1];
      return pick ? { ok: true, value: formatYearMonth(pick) } : { ok: false, reasonKey: 'duration.invalidDate' };
    }
    return checkMonth(parseMonth(text, locale, today), today);
  }
  if (submit?.a === 'pick') {
    return spec.choices.some((c) => c.value === submit.v) ? { ok: true, value: submit.v } : { ok: false };
  }
  const folded = foldForMatch(text);
  if (!folded) return { ok: false };
  const numbered = /^(\d{1,2})$/.exec(folded);
  if (numbered) {
    const pick = spec.choices[Number(numbered[1]) - 1];
    return pick ? { ok: true, value: pick.value } : { ok: false };
  }
  for (const option of spec.choices) {
    const names = [optionLabel(option, locale, t), optionLabel(option, 'en', t), option.value].map(foldForMatch);
    if (names.includes(folded)) return { ok: true, value: option.value };
  }
  return { ok: false };
}
