import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../src/bot/dialog-sdk';
import { isRtl, type Locale } from '../src/i18n/locales';
import type { ReplyModel } from '../src/replies/reply-model';
import { turnLocale } from '../src/bot/turn-state';
import { sourceFooter } from '../src/replies/compose';
import type { DialogDeps } from './dialog-deps';
import { sendReply } from './reply-sender';

export const HELP_DIALOG_ID = 'help';

/** OTIT's site, where the native-language consultation schedule is kept current (we never print phone numbers). */
export const OTIT_URL = 'https://www.otit.go.jp/';

/** Official help, emergency numbers, and the broker warning with links to the fees and passport answers. */
export function helpReply(deps: Pick<DialogDeps, 'kb' | 't'>, locale: Locale): ReplyModel {
  const { t, kb } = deps;
  const related = ['fees-and-debt', 'passport-retention', 'help-hotline']
    .map((id) => kb.get(id, locale))
    .filter((e) => e !== undefined);
  return {
    locale,
    rtl: isRtl(locale),
    title: t.t(locale, 'help.title'),
    body: [t.t(locale, 'help.otit'), t.t(locale, 'help.fresc'), t.t(locale, 'help.emergency'), `**${t.t(locale, 'help.brokerTitle')}**`, t.t(locale, 'help.broker')],
    links: [{ label: t.t(locale, 'help.otitLink'), url: OTIT_URL }],
    footer: sourceFooter({ kb, t, locale }, 'help-hotline'),
    buttons: related.map((e) => ({ label: e.entry.title, value: { a: 'entry' as const, id: e.entry.id } })),
  };
}

/** Get help: one message, then back to the menu. */
export class HelpDialog extends Dialog {
  constructor(private readonly deps: DialogDeps) {
    super(HELP_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(dc.context, this.deps, helpReply(this.deps, turnLocale(dc.context)));
    return dc.endDialog();
  }
}
