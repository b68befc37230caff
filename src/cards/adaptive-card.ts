import type { ReplyButton, ReplyModel } from '../replies/reply-model';

/** The highest Adaptive Card version Teams renders; cards above it show as an error there. */
export const ADAPTIVE_CARD_VERSION = '1.5';
/** Teams shows only the first three suggested actions. */
export const MAX_SUGGESTED_ACTIONS = 3;

/** A JSON Adaptive Card, kept loose because the schema is large and we only build a small subset. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: object[]; actions?: object[]; [key: string]: unknown };

const submit = (button: ReplyButton) => ({ type: 'Action.Submit', title: button.label, data: button.value });

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/**
 * Builds an Adaptive Card (v1.5) from a channel-neutral reply. Pure: no botbuilder import, so it ports unchanged to
 * the Agents SDK and tests can assert its structure directly.
 */
export function buildAdaptiveCard(reply: ReplyModel): AdaptiveCardJson {
  const body: object[] = [];
  if (reply.title) body.push(text(reply.title, { size: 'Medium', weight: 'Bolder', style: 'heading' }));
  if (reply.notice) body.push(text(reply.notice, { isSubtle: true, size: 'Small' }));
  for (const paragraph of reply.body) body.push(text(paragraph));
  if (reply.facts?.length) {
    body.push({ type: 'FactSet', facts: reply.facts.map((f) => ({ title: f.label, value: f.value })) });
  }
  if (reply.steps?.length) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      items: reply.steps.map((s, i) => ({
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'auto', items: [text(`${i + 1}.`, { weight: 'Bolder' })] },
          {
            type: 'Column',
            width: 'stretch',
            items: [...(s.label ? [text(s.label, { weight: 'Bolder', spacing: 'None' })] : []), text(s.value, { spacing: 'None' })],
          },
        ],
      })),
    });
  }
  if (reply.links?.length) body.push(text(reply.links.map((l) => `[${l.label}](${l.url})`).join('\n\n')));
  if (reply.footer?.length) body.push(text(reply.footer.join('\n\n'), { size: 'Small', isSubtle: true, separator: true }));
  if (reply.picker) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'v',
      ...(reply.picker.label ? { label: reply.picker.label } : {}),
      style: 'compact',
      value: reply.picker.choices[0]?.value,
      choices: reply.picker.choices.map((c) => ({ title: c.label, value: c.value })),
    });
    body.push({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: reply.picker.submit, data: { a: 'pick' } }] });
  }
  if (reply.buttons.length) {
    if (reply.buttonsTitle) body.push(text(reply.buttonsTitle, { weight: 'Bolder', spacing: 'Medium' }));
    body.push({ type: 'ActionSet', actions: reply.buttons.map(submit) });
  }
  if (reply.feedback) {
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text(reply.feedback.prompt, { size: 'Small' })] },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: reply.feedback.buttons.map(submit) }] },
      ],
    });
  }
  if (reply.closing) {
    body.push(text(reply.closing.prompt, { weight: 'Bolder', spacing: 'Medium', separator: true }));
    body.push({ type: 'ActionSet', actions: reply.closing.buttons.map(submit) });
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    lang: reply.locale,
    ...(reply.rtl ? { rtl: true } : {}),
    body,
  };
}
