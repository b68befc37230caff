import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialog-sdk';
import { isRtl, type Locale } from '../src/i18n/locales';
import type { ReplyModel } from '../src/replies/reply-model';
import { turnLocale } from '../src/bot/turn-state';
import { sourceFooter } from '../src/replies/compose';
import { buildTimeline, decideSystem, needsCertificationAnswer, type Certified, type SystemReason } from '../src/timeline/timeline';
import { monthLabel, parseIsoMonth, type YearMonth } from '../src/timeline/year-month';
import { ChoiceStep, CHOICE_STEP_ID, type ChoiceSpec } from './choice-step';
import type { DialogDeps } from './dialog-deps';
import { sendReply } from './reply-sender';

export const DURATION_DIALOG_ID = 'duration';

const MONTH_CHOICE: ChoiceSpec = { promptKey: 'duration.prompt', choices: [], kind: 'month' };
const CERTIFIED_CHOICE: ChoiceSpec = {
  promptKey: 'duration.certifiedPrompt',
  choices: [
    { value: 'yes', labelKey: 'duration.certifiedYes' },
    { value: 'no', labelKey: 'duration.certifiedNo' },
    { value: 'unsure', labelKey: 'duration.certifiedUnsure' },
  ],
};

const REASON_KEYS: Readonly<Record<SystemReason, string>> = {
  'titp-early': 'duration.whyTitpEarly',
  'titp-certified': 'duration.whyTitpCertified',
  'esd-late': 'duration.whyEsdLate',
  'esd-uncertified': 'duration.whyEsdUncertified',
  unsure: 'duration.whyUnsure',
};

/** The personal timeline card: which system applies, why, and each milestone's month in the user's locale. */
export function timelineReply(deps: Pick<DialogDeps, 'kb' | 't'>, locale: Locale, start: YearMonth, certified?: Certified): ReplyModel {
  const { t, kb } = deps;
  const decision = decideSystem(start, certified);
  const milestones = buildTimeline(start, decision.system);
  const notes =
    decision.system === 'titp'
      ? [t.t(locale, 'duration.titp.max'), t.t(locale, 'duration.confirm')]
      : [t.t(locale, 'duration.esd.rules'), t.t(locale, 'duration.confirm')];
  const moreId = decision.system === 'titp' ? 'stages' : 'esd-overview';
  const more = kb.get(moreId, locale);
  return {
    locale,
    rtl: isRtl(locale),
    title: t.t(locale, decision.system === 'titp' ? 'duration.systemTitp' : 'duration.systemEsd'),
    body: [t.t(locale, REASON_KEYS[decision.reason]), `**${t.t(locale, 'duration.timelineTitle')}**`],
    steps: milestones.map((m) => ({ label: t.isolate(locale, monthLabel(m.at, locale)), value: t.t(locale, m.key) })),
    footer: [...notes, ...sourceFooter({ kb, t, locale }, decision.system === 'titp' ? 'titp-ending' : 'esd-overview')],
    buttons: [
      { label: t.t(locale, 'menu.sectors'), value: { a: 'go', to: 'sectors' } },
      { label: t.t(locale, 'menu.japanese'), value: { a: 'go', to: 'japanese' } },
      ...(more ? [{ label: more.entry.title, value: { a: 'entry' as const, id: moreId } }] : []),
    ],
  };
}

/** Duration and stages: asks the start month (and, for April–June 2027, certification), then shows the timeline. */
export class DurationDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DURATION_DIALOG_ID);
    this.addDialog(new ChoiceStep(deps));
    this.addDialog(
      new WaterfallDialog('duration.steps', [
        (step) => step.beginDialog(CHOICE_STEP_ID, MONTH_CHOICE),
        (step) => this.askCertified(step),
        (step) => this.show(step),
      ]),
    );
    this.initialDialogId = 'duration.steps';
  }

  private async askCertified(step: WaterfallStepContext) {
    const start = typeof step.result === 'string' ? parseIsoMonth(step.result) : undefined;
    if (!start) return step.endDialog();
    (step.values as { start?: string }).start = step.result as string;
    if (!needsCertificationAnswer(start)) return step.next(undefined);
    return step.beginDialog(CHOICE_STEP_ID, CERTIFIED_CHOICE);
  }

  private async show(step: WaterfallStepContext) {
    const start = parseIsoMonth((step.values as { start?: string }).start ?? '');
    if (!start) return step.endDialog();
    const certified = step.result as Certified | undefined;
    if (needsCertificationAnswer(start) && !certified) return step.endDialog();
    await sendReply(step.context, this.deps, timelineReply(this.deps, turnLocale(step.context), start, certified));
    return step.endDialog({ start: (step.values as { start?: string }).start });
  }
}
