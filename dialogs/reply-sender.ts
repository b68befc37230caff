import type { TurnContext } from 'botbuilder';
import { buildReplyActivity, type QuickReply } from '../src/bot/send-reply';
import type { ReplyModel } from '../src/replies/reply-model';
import type { DialogDeps } from './dialog-deps';

/**
 * Sends a reply and remembers its options in the session, so a text-only user can answer with a number or a name.
 */
export async function sendReply(context: TurnContext, deps: DialogDeps, reply: ReplyModel, quick: readonly QuickReply[] = []): Promise<void> {
  const { activity, choices } = buildReplyActivity(reply, context.activity, quick);
  const session = await deps.session.get(context, {});
  session.lastChoices = choices;
  await context.sendActivity(activity);
}
