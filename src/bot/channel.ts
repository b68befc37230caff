import type { Activity } from 'botbuilder';

const TEXT_ONLY_CHANNELS: ReadonlySet<string> = new Set(['sms', 'email', 'twilio-sms', 'telephony']);

/**
 * Whether to send Adaptive Cards or numbered text. Some channels cannot render cards, and a client may say so
 * itself with `channelData.textOnly: true` (the local Web Chat page does this for its plain-text mode).
 */
export function supportsCards(activity: Partial<Activity>): boolean {
  if (activity.channelId && TEXT_ONLY_CHANNELS.has(activity.channelId)) return false;
  const data = activity.channelData as { textOnly?: unknown } | undefined;
  return data?.textOnly !== true;
}

/** Removes "<at>Bot</at>" mentions that Teams puts into the text, so search sees only the question. */
export function stripMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id) {
      const mentionText = (entity as { text?: string }).text;
      if (mentionText) text = text.split(mentionText).join(' ');
    }
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
}
