import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialog-sdk';
import { COUNTRIES } from '../src/knowledge/schema';
import { languagesFor, OTHER_COUNTRY } from '../src/i18n/countries';
import { ENDONYMS, isLocale, type Locale } from '../src/i18n/locales';
import { setTurnLocale } from '../src/bot/turn-state';
import { ChoiceStep, CHOICE_STEP_ID, type ChoiceSpec } from './choice-step';
import type { DialogDeps } from './dialog-deps';

export const LANGUAGE_DIALOG_ID = 'language';

/** Options for {@link LanguageDialog}. */
export interface LanguageDialogOptions {
  /** Show the welcome text first (first visit). */
  readonly welcome?: boolean;
}

/**
 * Asks the user's country, then offers that country's languages in their own scripts, and saves both. A country
 * with a single language (Peru) skips the second question.
 */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(LANGUAGE_DIALOG_ID);
    this.addDialog(new ChoiceStep(deps));
    this.addDialog(
      new WaterfallDialog('language.steps', [
        (step) => this.askCountry(step),
        (step) => this.askLanguage(step),
        (step) => this.save(step),
      ]),
    );
    this.initialDialogId = 'language.steps';
  }

  private async askCountry(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as LanguageDialogOptions;
    const spec: ChoiceSpec = {
      promptKey: 'country.prompt',
      preambleKeys: options.welcome ? ['welcome.intro', 'welcome.disclaimer'] : [],
      choices: [...COUNTRIES.map((c) => ({ value: c, labelKey: `country.names.${c}` })), { value: OTHER_COUNTRY, labelKey: 'country.other' }],
    };
    return step.beginDialog(CHOICE_STEP_ID, spec);
  }

  private async askLanguage(step: WaterfallStepContext) {
    const country = step.result as string | undefined;
    if (!country) return step.endDialog();
    (step.values as { country?: string }).country = country;
    const languages = languagesFor(country);
    if (languages.length === 1) return step.next(languages[0]);
    const spec: ChoiceSpec = {
      promptKey: 'language.prompt',
      choices: languages.map((l) => ({ value: l, label: ENDONYMS[l] })),
    };
    return step.beginDialog(CHOICE_STEP_ID, spec);
  }

  private async save(step: WaterfallStepContext) {
    const locale = step.result as string | undefined;
    if (!isLocale(locale)) return step.endDialog();
    const profile = await this.deps.profile.get(step.context, {});
    profile.country = (step.values as { country?: string }).country;
    profile.locale = locale;
    profile.welcomed = true;
    setTurnLocale(step.context, locale);
    await announceLanguage(step.context, this.deps, locale);
    return step.endDialog(locale);
  }
}

/** Confirms a language switch in the new language. */
export async function announceLanguage(context: WaterfallStepContext['context'], deps: DialogDeps, locale: Locale): Promise<void> {
  const text = `${deps.t.t(locale, 'language.changed', { language: ENDONYMS[locale] })} ${deps.t.t(locale, 'language.hint')}`;
  await context.sendActivity({ type: 'message', text, locale });
}
