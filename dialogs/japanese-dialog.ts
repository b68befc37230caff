import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialog-sdk';
import { isRtl, type Locale } from '../src/i18n/locales';
import type { SectorGroup } from '../src/knowledge/schema';
import type { ReplyModel } from '../src/replies/reply-model';
import { turnLocale } from '../src/bot/turn-state';
import { sourceFooter } from '../src/replies/compose';
import { ChoiceStep, CHOICE_STEP_ID, type ChoiceSpec } from './choice-step';
import type { DialogDeps } from './dialog-deps';
import { sendReply } from './reply-sender';
import { SECTOR_CHOICE } from './sectors-dialog';

export const JAPANESE_DIALOG_ID = 'japanese';

export const JAPANESE_LEVELS = ['none', 'kana', 'n5', 'n4', 'n3'] as const;
export type JapaneseLevel = (typeof JAPANESE_LEVELS)[number];

const LEVEL_CHOICE: ChoiceSpec = {
  promptKey: 'japanese.levelPrompt',
  choices: JAPANESE_LEVELS.map((l) => ({ value: l, labelKey: `japanese.levels.${l}` })),
};

/** Official, free resources named in the plan; the URLs are the organisations' own. */
const RESOURCES = [
  { key: 'japanese.resourceIrodori', url: 'https://www.irodori.jpf.go.jp/' },
  { key: 'japanese.resourceNhk', url: 'https://www.nhk.or.jp/lesson/' },
  { key: 'japanese.resourceJlpt', url: 'https://www.jlpt.jp/e/' },
  { key: 'japanese.resourceJft', url: 'https://www.jpf.go.jp/jft-basic/' },
] as const;

/**
 * The Japanese plan for a level and a sector: what is required and when (nursing care N4 then N3; ESD A1 before
 * work; A2/N4 for SSW), the training before and after arrival, study steps, free resources and the tests that fit.
 */
export function japanesePlanReply(deps: Pick<DialogDeps, 'kb' | 't'>, locale: Locale, level: JapaneseLevel, sector: SectorGroup): ReplyModel {
  const { t, kb } = deps;
  const required = sector === 'nursing-care' ? 'japanese.requiredNursing' : 'japanese.requiredGeneral';
  const related = ['japanese-tests', 'study-resources', sector === 'nursing-care' ? 'sector-nursing-care' : 'pre-entry-training'];
  return {
    locale,
    rtl: isRtl(locale),
    title: t.t(locale, 'japanese.title'),
    body: [
      `**${t.t(locale, 'japanese.requiredTitle')}**`,
      t.t(locale, required),
      t.t(locale, 'japanese.requiredEsd'),
      `**${t.t(locale, 'japanese.coursesTitle')}**`,
      t.t(locale, 'japanese.courses'),
      `**${t.t(locale, 'japanese.planTitle')}**`,
    ],
    steps: t.list(locale, `japanese.plan.${level}`).map((value) => ({ value })),
    links: RESOURCES.map((r) => ({ label: t.t(locale, r.key), url: r.url })),
    footer: [`**${t.t(locale, 'japanese.testsTitle')}:** ${t.t(locale, 'japanese.tests')}`, ...sourceFooter({ kb, t, locale }, 'japanese-requirements')],
    buttons: related
      .map((id) => kb.get(id, locale))
      .filter((e) => e !== undefined)
      .map((e) => ({ label: e.entry.title, value: { a: 'entry' as const, id: e.entry.id } })),
  };
}

/** Japanese training: current level, target sector, then a plan fitted to both. */
export class JapaneseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(JAPANESE_DIALOG_ID);
    this.addDialog(new ChoiceStep(deps));
    this.addDialog(
      new WaterfallDialog('japanese.steps', [
        (step) => step.beginDialog(CHOICE_STEP_ID, LEVEL_CHOICE),
        (step) => this.askSector(step),
        (step) => this.show(step),
      ]),
    );
    this.initialDialogId = 'japanese.steps';
  }

  private async askSector(step: WaterfallStepContext) {
    if (!step.result) return step.endDialog();
    (step.values as { level?: string }).level = step.result as string;
    return step.beginDialog(CHOICE_STEP_ID, { ...SECTOR_CHOICE, promptKey: 'japanese.sectorPrompt' });
  }

  private async show(step: WaterfallStepContext) {
    const level = (step.values as { level?: JapaneseLevel }).level;
    const sector = step.result as SectorGroup | undefined;
    if (!level || !sector) return step.endDialog();
    await sendReply(step.context, this.deps, japanesePlanReply(this.deps, turnLocale(step.context), level, sector));
    return step.endDialog({ level, sector });
  }
}
