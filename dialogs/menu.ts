import { MENU_TARGETS } from '../src/cards/actions';
import { isRtl, type Locale } from '../src/i18n/locales';
import type { Translator } from '../src/i18n/translator';
import type { ReplyModel } from '../src/replies/reply-model';

/** The main menu: six entries, each opening a dialog by id. */
export function menuReply(locale: Locale, t: Translator, leadKey?: string): ReplyModel {
  return {
    locale,
    rtl: isRtl(locale),
    body: [...(leadKey ? [t.t(locale, leadKey)] : []), t.t(locale, 'menu.prompt')],
    buttons: MENU_TARGETS.map((to) => ({ label: t.t(locale, `menu.${to}`), value: { a: 'go' as const, to } })),
  };
}
