import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { buildAdaptiveCard, MAX_SUGGESTED_ACTIONS } from '../cards/adaptive-card';
import type { SubmitValue } from '../cards/actions';
import type { ReplyModel } from '../replies/reply-model';
import { renderReplyText, textChoices } from '../replies/render-text';
import { supportsCards } from './channel';

/** Quick replies shown under a message (Teams shows at most three). */
export interface QuickReply {
  readonly label: string;
  readonly value: SubmitValue;
}

/**
 * Turns a channel-neutral reply into an activity: an Adaptive Card where the channel shows cards, numbered text
 * where it does not. Returns the options offered, which the caller saves so "2" or an option's name works next turn.
 */
export function buildReplyActivity(
  reply: ReplyModel,
  inbound: Partial<Activity>,
  quickReplies: readonly QuickReply[] = [],
): { activity: Partial<Activity>; choices: { label: string; value: SubmitValue }[] } {
  const choices = textChoices(reply);
  const quick = quickReplies.slice(0, MAX_SUGGESTED_ACTIONS);
  let activity: Partial<Activity>;
  if (supportsCards(inbound)) {
    activity = MessageFactory.attachment(CardFactory.adaptiveCard(buildAdaptiveCard(reply)));
    activity.summary = reply.title ?? reply.body[0]?.slice(0, 120);
  } else {
    activity = MessageFactory.text(renderReplyText(reply));
  }
  if (quick.length) {
    activity.suggestedActions = {
      to: [],
      actions: quick.map((q) => ({ type: 'messageBack', title: q.label, displayText: q.label, text: q.label, value: q.value })),
    };
  }
  activity.locale = reply.locale;
  activity.textFormat = 'markdown';
  return { activity, choices: [...choices, ...quick.map((q) => ({ label: q.label, value: q.value }))] };
}

/** Sends a plain text line in the user's locale (no options). */
export async function sendText(context: TurnContext, text: string, locale: string): Promise<void> {
  const activity = MessageFactory.text(text);
  activity.locale = locale;
  activity.textFormat = 'markdown';
  await context.sendActivity(activity);
}
