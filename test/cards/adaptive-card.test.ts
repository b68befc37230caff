import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_VERSION, buildAdaptiveCard } from '../../src/cards/adaptive-card';
import { parseSubmitValue } from '../../src/cards/actions';
import type { ReplyModel } from '../../src/replies/reply-model';

const reply: ReplyModel = {
  locale: 'ur',
  rtl: true,
  title: 'عنوان',
  body: ['پیراگراف'],
  facts: [{ label: 'A', value: 'B' }],
  steps: [{ label: 'مئی 2027', value: 'کام شروع' }, { value: 'بغیر عنوان' }],
  links: [{ label: 'OTIT', url: 'https://www.otit.go.jp/' }],
  footer: ['Source'],
  buttons: [{ label: 'Menu', value: { a: 'menu' } }],
  feedback: { prompt: '?', buttons: [{ label: '👍', value: { a: 'feedback', id: 'wages', up: true } }] },
  closing: { prompt: 'واپس جائیں؟', buttons: [{ label: 'ہاں', value: { a: 'resume', yes: true } }] },
};

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

describe('buildAdaptiveCard', () => {
  const card = buildAdaptiveCard(reply);

  it('ends with the closing question and its buttons, after the feedback row', () => {
    const last = card.body.slice(-2) as Record<string, unknown>[];
    expect(last[0]).toMatchObject({ type: 'TextBlock', text: 'واپس جائیں؟', separator: true });
    expect(last[1]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'ہاں', data: { a: 'resume', yes: true } }] });
    expect((card.body.at(-3) as Record<string, unknown>).type).toBe('ColumnSet');
  });

  it('stays within Teams (Adaptive Card 1.5) and marks right-to-left locales', () => {
    expect(card.version).toBe('1.5');
    expect(ADAPTIVE_CARD_VERSION).toBe('1.5');
    expect(card.rtl).toBe(true);
    expect(card.lang).toBe('ur');
  });

  it('uses only elements available in 1.5', () => {
    const allowed = new Set(['TextBlock', 'FactSet', 'Container', 'ColumnSet', 'Column', 'ActionSet', 'Action.Submit', 'Input.ChoiceSet', 'AdaptiveCard']);
    walk(card.body, (o) => {
      if (typeof o.type === 'string') expect(allowed.has(o.type), o.type).toBe(true);
    });
  });

  it('submits ids, never display text, and every value passes validation', () => {
    const submits: unknown[] = [];
    walk(card.body, (o) => {
      if (o.type === 'Action.Submit') submits.push(o.data);
    });
    expect(submits).toEqual([{ a: 'menu' }, { a: 'feedback', id: 'wages', up: true }, { a: 'resume', yes: true }]);
    for (const value of submits) expect(parseSubmitValue(value)).toEqual(value);
  });

  it('wraps every text block so nothing is cut off on a phone', () => {
    walk(card.body, (o) => {
      if (o.type === 'TextBlock') expect(o.wrap).toBe(true);
    });
  });

  it('renders a drop-down picker whose submit merges with the chosen value', () => {
    const picker = buildAdaptiveCard({ locale: 'en', rtl: false, body: ['When?'], buttons: [], picker: { label: 'Month', submit: 'OK', choices: [{ value: '2027-05', label: 'May 2027' }] } });
    const input = picker.body.find((b) => (b as { type: string }).type === 'Input.ChoiceSet') as { id: string; choices: unknown[] };
    expect(input.id).toBe('v');
    expect(input.choices).toEqual([{ title: 'May 2027', value: '2027-05' }]);
    expect(parseSubmitValue({ a: 'pick', v: '2027-05' })).toEqual({ a: 'pick', v: '2027-05' });
  });
});

describe('parseSubmitValue', () => {
  it.each([[{ a: 'go', to: 'nowhere' }], [{ a: 'entry', id: '<script>' }], ['menu'], [null], [{ a: 'menu', extra: 1 }], [{ a: 'pick', v: 'x'.repeat(65) }]])(
    'rejects %o',
    (value) => expect(parseSubmitValue(value)).toBeUndefined(),
  );
});
