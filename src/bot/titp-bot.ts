import { ActivityHandler, ActivityTypes, type ConversationState, type InvokeResponse, type TurnContext, type UserState } from 'botbuilder';
import type { DialogContext, DialogState, DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from './dialog-sdk';
import { parseSubmitValue, type SubmitValue } from '../cards/actions';
import { negotiateLocale } from '../i18n/negotiate';
import { foldForMatch } from '../i18n/match';
import type { Logger } from '../logger';
import type { DialogDeps } from '../../dialogs/dialog-deps';
import { RootDialog, ROOT_DIALOG_ID } from '../../dialogs/root-dialog';
import { stripMentions } from './channel';
import type { RateLimiter } from './rate-limiter';
import { setTurnLocale, setTurnSubmit, turnLocale, type Session } from './turn-state';
import { sendText } from './send-reply';

/** Bump when the shape of saved dialog state changes; older state then restarts the dialog instead of crashing. */
export const DIALOG_STATE_VERSION = 1;

/**
 * Turn-state key under which botbuilder-dialogs keeps its memory-scope configuration for the rest of a turn. The SDK
 * rebuilds that configuration (a service collection and a dozen scope objects, checked with zod) on every turn; it
 * depends on nothing per turn, so the bot builds it once and hands it to every later turn.
 */
export const STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/** What the bot needs besides the dialog dependencies. */
export interface BotOptions {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly deps: DialogDeps;
  readonly maxMessageChars: number;
  readonly logger: Logger;
  /**
   * Whether to show "typing…" before every answer. Costless in-process (the local page); over HTTP the adapter's
   * ShowTypingMiddleware shows it only when an answer takes long, which saves a round trip per turn.
   */
  readonly typingFirst?: (context: TurnContext) => boolean;
  /** Per-conversation message limit; omitted means unlimited (tests). */
  readonly rateLimiter?: RateLimiter;
}

function matchTypedChoice(text: string, choices: Session['lastChoices']): SubmitValue | undefined {
  if (!choices?.length || !text) return undefined;
  const folded = foldForMatch(text);
  const number = /^(\d{1,2})$/.exec(folded);
  if (number) return choices[Number(number[1]) - 1]?.value;
  return choices.find((c) => foldForMatch(c.label) === folded)?.value;
}

/**
 * The TITP guide bot. It negotiates the locale, guards the input (size, attachments, malformed card values), and
 * hands every turn to the root dialog, which never ends, so menus, guided dialogs and questions share one stack.
 */
export class TitpBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState;
  private stateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly options: BotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new RootDialog(options.deps));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (humans.length > 0) await this.runDialogs(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'setLocale') await this.runDialogs(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.runDialogs(context);
      await next();
    });
  }

  /** Negotiates the locale before any handler runs, and saves state after, so every reply uses the same locale. */
  override async run(context: TurnContext): Promise<void> {
    const signals = { activityLocale: context.activity.locale, text: context.activity.text };
    setTurnLocale(context, negotiateLocale(signals).locale);
    const profile = await this.options.deps.profile.get(context, {});
    const { locale } = negotiateLocale({ saved: profile.locale, ...signals });
    setTurnLocale(context, locale);
    if (context.activity.type === ActivityTypes.Message && this.options.rateLimiter) {
      const decision = this.options.rateLimiter.check(context.activity.conversation?.id ?? '');
      if (decision !== 'allow') {
        if (decision === 'warn') await sendText(context, this.options.deps.t.t(locale, 'errors.slowDown'), locale);
        return;
      }
    }
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
    await this.options.userState.saveChanges(context, false);
  }

  /**
   * The bot uses no invoke features (Action.Execute, message extensions, sign-in), so every invoke is answered with
   * a clear 400 instead of the framework's 501, and no turn logic runs.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return { status: 400, body: { code: 'UnsupportedInvoke', message: `This bot does not handle invoke "${String(context.activity.name ?? '').slice(0, 64)}".` } };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const { t } = this.options.deps;
    const locale = turnLocale(context);
    const text = stripMentions(activity);
    if (text.length > this.options.maxMessageChars) {
      await sendText(context, t.t(locale, 'errors.tooLong', { max: this.options.maxMessageChars }), locale);
      return;
    }
    activity.text = text;
    if (this.options.typingFirst?.(context)) await context.sendActivity({ type: ActivityTypes.Typing });
    const session = await this.options.deps.session.get(context, {});
    let submit: SubmitValue | undefined;
    if (activity.value !== undefined && activity.value !== null) {
      submit = parseSubmitValue(activity.value);
      if (!submit) {
        await sendText(context, t.t(locale, 'errors.invalidChoice'), locale);
        await this.reprompt(context);
        return;
      }
    } else if (!text) {
      const key = activity.attachments?.length ? 'errors.unsupportedAttachment' : 'menu.askHint';
      await sendText(context, t.t(locale, key), locale);
      return;
    } else {
      submit = matchTypedChoice(text, session.lastChoices);
    }
    setTurnSubmit(context, submit);
    await this.runDialogs(context);
  }

  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if (this.stateConfiguration && !context.turnState.has(STATE_CONFIGURATION_KEY)) {
      context.turnState.set(STATE_CONFIGURATION_KEY, this.stateConfiguration);
    }
    const dc = await this.dialogs.createContext(context);
    this.stateConfiguration ??= dc.state.configuration;
    return dc;
  }

  private async reprompt(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    if (dc.activeDialog) await dc.repromptDialog();
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    const session = await this.options.deps.session.get(context, {});
    if (session.version !== DIALOG_STATE_VERSION) {
      const saved = await this.dialogState.get(context);
      const hadDialog = (saved?.dialogStack?.length ?? 0) > 0 && session.version !== undefined;
      await this.dialogState.delete(context);
      session.version = DIALOG_STATE_VERSION;
      session.lastChoices = [];
      if (hadDialog && context.activity.type === ActivityTypes.Message) {
        await sendText(context, this.options.deps.t.t(turnLocale(context), 'dialog.restartedOld'), turnLocale(context));
      }
    }
    const dc = await this.dialogContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT_DIALOG_ID);
  }
}

