import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

/** Receives what the bot sends in the local channel. */
export type OutboundSink = (conversationId: string, activities: Activity[]) => void;

/**
 * A channel adapter that runs turns in-process and hands replies to a sink instead of posting them to a
 * serviceUrl. The local Web Chat page talks to it through a Direct-Line-compatible endpoint, so anyone can try the
 * bot without Azure; it shares the bot, state and middleware with the CloudAdapter.
 */
export class LocalChannelAdapter extends BotAdapter {
  constructor(private readonly sink: OutboundSink) {
    super();
  }

  /** Runs one inbound activity through the middleware and the bot. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id ?? '';
    const sent: Activity[] = [];
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const id = randomUUID();
      sent.push({
        ...activity,
        id,
        timestamp: new Date(),
        channelId: context.activity.channelId,
        conversation: context.activity.conversation,
        from: context.activity.recipient,
        recipient: context.activity.from,
        replyToId: activity.replyToId ?? context.activity.id,
      } as Activity);
      responses.push({ id });
    }
    if (sent.length) this.sink(conversationId, sent);
    return responses;
  }

  override async updateActivity(): Promise<void> {}

  override async deleteActivity(): Promise<void> {}

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }
}
