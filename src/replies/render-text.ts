import type { ReplyModel } from './reply-model';

/**
 * Renders a reply as plain text with numbered options, for channels without cards and for `npm run ask`.
 * Options are numbered in the order `textChoices` returns, so "2" means the same thing to the user and the bot.
 */
export function renderReplyText(reply: ReplyModel): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`**${reply.title}**`);
  if (reply.notice) parts.push(`_${reply.notice}_`);
  parts.push(...reply.body);
  if (reply.facts?.length) parts.push(reply.facts.map((f) => `• ${f.label}: ${f.value}`).join('\n'));
  if (reply.steps?.length) parts.push(reply.steps.map((s, i) => `${i + 1}. ${s.label ? `${s.label} — ` : ''}${s.value}`).join('\n'));
  if (reply.links?.length) parts.push(reply.links.map((l) => `${l.label}: ${l.url}`).join('\n'));
  if (reply.footer?.length) parts.push(reply.footer.join('\n'));
  const choices = textChoices(reply);
  const closingCount = reply.closing?.buttons.length ?? 0;
  const numbered = choices.map((c, i) => `${i + 1}. ${c.label}`);
  const main = numbered.slice(0, numbered.length - closingCount).join('\n');
  if (main) parts.push(reply.buttonsTitle ? `${reply.buttonsTitle}\n${main}` : main);
  if (reply.feedback) parts.push(`${reply.feedback.prompt} ${reply.feedback.buttons.map((b) => b.label).join(' / ')}`);
  if (reply.closing) parts.push([reply.closing.prompt, ...numbered.slice(numbered.length - closingCount)].join('\n'));
  return parts.filter((p) => p.trim().length > 0).join('\n\n');
}

/** The options a text-only user can answer with a number, in display order. */
export function textChoices(reply: ReplyModel): { label: string; value: ReplyModel['buttons'][number]['value'] }[] {
  const picks = reply.picker?.choices.map((c) => ({ label: c.label, value: { a: 'pick' as const, v: c.value } })) ?? [];
  return [...picks, ...reply.buttons, ...(reply.closing?.buttons ?? [])];
}
