import { ActivityTypes } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, DialogTurnStatus } from '../src/bot/dialog-sdk';
import type { MenuTarget } from '../src/cards/actions';
import { ENGLISH_LANGUAGE_NAMES } from '../src/i18n/countries';
import { ENDONYMS, isLocale, isRtl, SOURCE_LOCALE, SUPPORTED_LOCALES, type Locale } from '../src/i18n/locales';
import { foldForMatch } from '../src/i18n/match';
import type { Translator } from '../src/i18n/translator';
import { composeAnswer, composeReply } from '../src/replies/compose';
import type { ReplyModel } from '../src/replies/reply-model';
import { setTurnLocale, turnLocale, turnSubmit } from '../src/bot/turn-state';
import type { EventOrigin } from '../src/analytics/analytics';
import { ChoiceStep, CHOICE_STEP_ID, recognizeChoice, type ChoiceSpec } from './choice-step';
import type { DialogDeps } from './dialog-deps';
import { DurationDialog, DURATION_DIALOG_ID } from './duration-dialog';
import { HelpDialog, HELP_DIALOG_ID } from './help-dialog';
import { JapaneseDialog, JAPANESE_DIALOG_ID } from './japanese-dialog';
import { announceLanguage, LanguageDialog, LANGUAGE_DIALOG_ID } from './language-dialog';
import { menuReply } from './menu';
import { sendReply } from './reply-sender';
import { SectorsDialog, SECTORS_DIALOG_ID } from './sectors-dialog';
import { monthOf } from '../src/timeline/year-month';

export const ROOT_DIALOG_ID = 'root';

/** Commands a user can type at any step, in their language or in English. */
export const COMMANDS = ['menu', 'restart', 'cancel', 'help', 'language', 'sectors', 'duration', 'japanese'] as const;
export type Command = (typeof COMMANDS)[number];

const DIALOG_FOR: Readonly<Record<Exclude<MenuTarget, 'ask'>, string>> = {
  sectors: SECTORS_DIALOG_ID,
  duration: DURATION_DIALOG_ID,
  japanese: JAPANESE_DIALOG_ID,
  help: HELP_DIALOG_ID,
  language: LANGUAGE_DIALOG_ID,
};

/** Commands that are also main-menu entries: typing the entry's label works like tapping it. */
const MENU_LABEL_COMMANDS: readonly Command[] = ['sectors', 'duration', 'japanese', 'help', 'language'];

/**
 * Finds a command typed as the whole message ("menu", "Menü", "ເມນູ", or a menu entry's label such as "Duration
 * and stages"), in the user's language or English.
 */
export function matchCommand(text: string, locale: Locale, t: Translator): Command | undefined {
  const folded = foldForMatch(text);
  if (!folded || folded.length > 60) return undefined;
  return commandWords(locale, t).get(folded);
}

const commandTables = new WeakMap<Translator, Map<Locale, Map<string, Command>>>();

/** Every folded command word of a locale (and English), built once per translator and locale. */
function commandWords(locale: Locale, t: Translator): Map<string, Command> {
  let byLocale = commandTables.get(t);
  if (!byLocale) commandTables.set(t, (byLocale = new Map()));
  let table = byLocale.get(locale);
  if (table) return table;
  table = new Map();
  for (const command of COMMANDS) {
    const words = [...t.list(locale, `commands.${command}`), ...t.list(SOURCE_LOCALE, `commands.${command}`)];
    if (MENU_LABEL_COMMANDS.includes(command)) words.push(t.t(locale, `menu.${command}`), t.t(SOURCE_LOCALE, `menu.${command}`));
    for (const word of words.map(foldForMatch)) if (!table.has(word)) table.set(word, command);
  }
  byLocale.set(locale, table);
  return table;
}

const LANGUAGE_NAMES: ReadonlyMap<string, Locale> = new Map<string, Locale>([
  ...SUPPORTED_LOCALES.map((l) => [foldForMatch(ENDONYMS[l]), l] as [string, Locale]),
  ...Object.entries(ENGLISH_LANGUAGE_NAMES).map(([name, l]) => [foldForMatch(name), l] as [string, Locale]),
]);

/** A language named on its own ("Tiếng Việt", "ไทย", "اردو", "urdu") switches to that language. */
export function matchLanguageName(text: string): Locale | undefined {
  return LANGUAGE_NAMES.get(foldForMatch(text));
}

/**
 * Whether text that is neither a valid answer nor a known question reads as a question of its own (a question mark,
 * three words or more, or a long run of an unspaced script) rather than a mistyped answer ("99", "ha noi"). Such a
 * question gets "I do not know, ask the official help" before the pending question comes back; a mistyped answer
 * only gets the pending question again. A month is often typed in words ("from april next year"), so while a month
 * is asked only a question mark counts.
 */
export function readsAsQuestion(text: string, pending: ChoiceSpec['kind'] = 'buttons'): boolean {
  if (/[?？؟]/u.test(text)) return true;
  if (pending === 'month') return false;
  const words = text.trim().split(/\s+/u);
  return words.length >= 3 || (words.length === 1 && [...text.trim()].length >= 8 && !/\p{Script=Latin}|\d/u.test(text));
}

function innermost(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}

/**
 * The dialog that is always on the stack. It routes every turn: commands and language names first, then buttons,
 * then the answer to a pending question, then small talk ("hello" gets the menu, "ok" a short reply, "what should I
 * do?" a request to say more), and otherwise treats the text as a question for the knowledge base. A
 * question typed in the middle of a dialog is answered (or, when nothing fits, told where to ask) and the user is
 * offered to resume, so nothing is lost.
 */
export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG_ID);
    this.addDialog(new LanguageDialog(deps));
    this.addDialog(new SectorsDialog(deps));
    this.addDialog(new DurationDialog(deps));
    this.addDialog(new JapaneseDialog(deps));
    this.addDialog(new HelpDialog(deps));
    this.addDialog(new ChoiceStep(deps));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate) {
      await this.welcome(dc);
      return Dialog.EndOfTurn;
    }
    if (activity.type === ActivityTypes.Event && activity.name === 'setLocale' && isLocale(activity.value)) {
      return this.switchLanguage(dc, activity.value);
    }
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const submit = turnSubmit(dc.context);
    const text = (activity.text ?? '').trim();
    const locale = turnLocale(dc.context);
    if (!submit && text) {
      const command = matchCommand(text, locale, this.deps.t);
      if (command) return this.runCommand(dc, command);
      const language = matchLanguageName(text);
      if (language) return this.switchLanguage(dc, language);
    }
    if (submit) {
      switch (submit.a) {
        case 'menu':
          return this.showMenu(dc, true);
        case 'go':
          return this.open(dc, submit.to);
        case 'entry':
          return this.replyOfferingResume(dc, composeAnswer({ ...this.deps, locale }, submit.id));
        case 'feedback':
          this.deps.analytics.feedback(this.origin(dc), submit.id, submit.up);
          await this.say(dc, 'answer.thanks');
          return Dialog.EndOfTurn;
        case 'none-of-these':
          this.deps.analytics.noneOfThese(this.origin(dc));
          if (dc.activeDialog) {
            return this.replyOfferingResume(dc, { locale, rtl: isRtl(locale), body: [this.deps.t.t(locale, 'clarify.noneReply')], buttons: [] });
          }
          return this.showMenu(dc, false, 'clarify.noneReply');
        case 'resume':
          if (submit.yes && dc.activeDialog) {
            await dc.repromptDialog();
            return Dialog.EndOfTurn;
          }
          return this.showMenu(dc, true);
        case 'pick':
          if (dc.activeDialog) return this.continueActive(dc);
          return this.showMenu(dc, false, 'errors.invalidChoice');
      }
    }
    if (dc.activeDialog) {
      if (!text || this.answersPendingQuestion(dc)) return this.continueActive(dc);
      const result = this.deps.search.search(text, locale);
      if (result.smallTalk) {
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      if (result.outcome === 'none' && !readsAsQuestion(text, this.pendingChoice(dc)?.kind)) return this.continueActive(dc);
      return this.replyOfferingResume(dc, this.answer(dc, text, result));
    }
    if (!text) return Dialog.EndOfTurn;
    const result = this.deps.search.search(text, locale);
    if (result.smallTalk === 'thanks') await this.say(dc, 'smallTalk.thanks');
    else if (result.smallTalk) await this.sendMenu(dc, `smallTalk.${result.smallTalk}`);
    else await sendReply(dc.context, this.deps, this.answer(dc, text, result));
    return Dialog.EndOfTurn;
  }

  /** The choice the innermost dialog is waiting for, if it is waiting for one. */
  private pendingChoice(dc: DialogContext): ChoiceSpec | undefined {
    const inner = innermost(dc);
    return inner.activeDialog?.id === CHOICE_STEP_ID ? (inner.activeDialog.state as { spec: ChoiceSpec }).spec : undefined;
  }

  private answersPendingQuestion(dc: DialogContext): boolean {
    const spec = this.pendingChoice(dc);
    if (!spec) return true;
    const locale = turnLocale(dc.context);
    return recognizeChoice(spec, dc.context.activity.text ?? '', undefined, locale, this.deps.t, monthOf(this.deps.clock())).ok;
  }

  private async continueActive(dc: DialogContext): Promise<DialogTurnResult> {
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.complete) await this.sendMenu(dc);
    return Dialog.EndOfTurn;
  }

  /** Records the search outcome and composes the reply for it. */
  private answer(dc: DialogContext, text: string, result: ReturnType<DialogDeps['search']['search']>): ReplyModel {
    const locale = turnLocale(dc.context);
    this.deps.analytics.outcome(this.origin(dc), result.outcome, result.id, result.confidence, result.candidates, text);
    return composeReply({ ...this.deps, locale }, result);
  }

  /** Sends `reply`, ending with "go back to where you were?" when a dialog is waiting: one message, not two. */
  private async replyOfferingResume(dc: DialogContext, reply: ReplyModel): Promise<DialogTurnResult> {
    const locale = turnLocale(dc.context);
    const { t } = this.deps;
    const closing = dc.activeDialog
      ? {
          prompt: t.t(locale, 'dialog.resumePrompt'),
          buttons: [
            { label: t.t(locale, 'dialog.resumeYes'), value: { a: 'resume' as const, yes: true } },
            { label: t.t(locale, 'dialog.resumeNo'), value: { a: 'resume' as const, yes: false } },
          ],
        }
      : undefined;
    await sendReply(dc.context, this.deps, closing ? { ...reply, closing } : reply);
    return Dialog.EndOfTurn;
  }

  private async runCommand(dc: DialogContext, command: Command): Promise<DialogTurnResult> {
    switch (command) {
      case 'menu':
        return this.showMenu(dc, true);
      case 'restart':
      case 'cancel':
        return this.showMenu(dc, true, 'dialog.restarted');
      default:
        return this.open(dc, command);
    }
  }

  private async open(dc: DialogContext, target: MenuTarget): Promise<DialogTurnResult> {
    await dc.cancelAllDialogs();
    if (target === 'ask') {
      await this.say(dc, 'menu.askHint');
      return Dialog.EndOfTurn;
    }
    const result = await dc.beginDialog(DIALOG_FOR[target]);
    if (result.status === DialogTurnStatus.complete) await this.sendMenu(dc);
    return Dialog.EndOfTurn;
  }

  private async switchLanguage(dc: DialogContext, locale: Locale): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(dc.context, {});
    profile.locale = locale;
    profile.welcomed = true;
    setTurnLocale(dc.context, locale);
    await announceLanguage(dc.context, this.deps, locale);
    if (dc.activeDialog) {
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    await this.sendMenu(dc);
    return Dialog.EndOfTurn;
  }

  private async welcome(dc: DialogContext): Promise<void> {
    const profile = await this.deps.profile.get(dc.context, {});
    await dc.cancelAllDialogs();
    if (!profile.welcomed) {
      const result = await dc.beginDialog(LANGUAGE_DIALOG_ID, { welcome: true });
      if (result.status === DialogTurnStatus.complete) await this.sendMenu(dc);
      return;
    }
    await this.sendMenu(dc, 'welcome.back');
  }

  private async showMenu(dc: DialogContext, cancel: boolean, leadKey?: string): Promise<DialogTurnResult> {
    if (cancel) await dc.cancelAllDialogs();
    await this.sendMenu(dc, leadKey);
    return Dialog.EndOfTurn;
  }

  private async sendMenu(dc: DialogContext, leadKey?: string): Promise<void> {
    await sendReply(dc.context, this.deps, menuReply(turnLocale(dc.context), this.deps.t, leadKey));
  }

  private async say(dc: DialogContext, key: string): Promise<void> {
    const locale = turnLocale(dc.context);
    await dc.context.sendActivity({ type: 'message', text: this.deps.t.t(locale, key), locale });
  }

  private origin(dc: DialogContext): EventOrigin {
    const { activity } = dc.context;
    return { userId: activity.from?.id, conversationId: activity.conversation?.id, locale: turnLocale(dc.context), channelId: activity.channelId };
  }
}
