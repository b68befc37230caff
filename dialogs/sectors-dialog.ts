import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialog-sdk';
import { SECTOR_GROUPS, type SectorGroup } from '../src/knowledge/schema';
import { isRtl, type Locale } from '../src/i18n/locales';
import { sourceFooter } from '../src/replies/compose';
import type { ReplyFact, ReplyModel } from '../src/replies/reply-model';
import { turnLocale } from '../src/bot/turn-state';
import { ChoiceStep, CHOICE_STEP_ID, type ChoiceSpec } from './choice-step';
import type { DialogDeps } from './dialog-deps';
import { sendReply } from './reply-sender';

export const SECTORS_DIALOG_ID = 'sectors';

/** The spec of the sector question, shared with the Japanese-training dialog. */
export const SECTOR_CHOICE: ChoiceSpec = {
  promptKey: 'sectors.prompt',
  choices: SECTOR_GROUPS.map((g) => ({ value: g, labelKey: `sectors.groups.${g}` })),
};

/** The knowledge entry that holds a sector group's facts. */
export const sectorEntryId = (group: SectorGroup): string => `sector-${group}`;

/**
 * Builds the sector card from the `sector` block of a `sector-*` knowledge entry, so every fact shown comes from
 * sourced, translated data rather than code.
 */
export function sectorReply(deps: Pick<DialogDeps, 'kb' | 't'>, group: SectorGroup, locale: Locale): ReplyModel {
  const { kb, t } = deps;
  const found = kb.get(sectorEntryId(group), locale);
  if (!found?.entry.sector) throw new Error(`knowledge entry ${sectorEntryId(group)} has no sector block`);
  const { entry, isFallback } = found;
  const s = entry.sector!;
  const facts: ReplyFact[] = [
    { label: t.t(locale, 'sectors.labels.examples'), value: s.examples.join(', ') },
    { label: t.t(locale, 'sectors.labels.share'), value: s.share },
    { label: t.t(locale, 'sectors.labels.stages'), value: s.stages },
    { label: t.t(locale, 'sectors.labels.nextPath'), value: s.nextPath },
    { label: t.t(locale, 'sectors.labels.japanese'), value: s.japanese },
    ...(s.genderNote ? [{ label: t.t(locale, 'sectors.labels.gender'), value: s.genderNote }] : []),
  ];
  return {
    locale,
    rtl: isRtl(locale) && !isFallback,
    title: t.t(locale, `sectors.groups.${group}`),
    ...(isFallback ? { notice: t.t(locale, 'answer.translationComing') } : {}),
    body: [`**${t.t(locale, 'sectors.labels.work')}:** ${s.work}`],
    facts,
    footer: sourceFooter({ kb, t, locale }, entry.id),
    buttonsTitle: t.t(locale, 'sectors.next'),
    buttons: [
      { label: t.t(locale, 'sectors.another'), value: { a: 'go', to: 'sectors' } },
      { label: t.t(locale, 'menu.duration'), value: { a: 'go', to: 'duration' } },
      { label: t.t(locale, 'menu.japanese'), value: { a: 'go', to: 'japanese' } },
    ],
  };
}

/** Sectors and jobs: pick a sector group, see what the work is like, its share, stages, next path and Japanese. */
export class SectorsDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(SECTORS_DIALOG_ID);
    this.addDialog(new ChoiceStep(deps));
    this.addDialog(new WaterfallDialog('sectors.steps', [(step) => step.beginDialog(CHOICE_STEP_ID, SECTOR_CHOICE), (step) => this.show(step)]));
    this.initialDialogId = 'sectors.steps';
  }

  private async show(step: WaterfallStepContext) {
    const group = step.result as SectorGroup | undefined;
    if (!group) return step.endDialog();
    await sendReply(step.context, this.deps, sectorReply(this.deps, group, turnLocale(step.context)));
    return step.endDialog({ shown: group });
  }
}
