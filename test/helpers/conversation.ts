import { MemoryStorage, TestAdapter, type Activity, type BotTelemetryClient, type TelemetryEvent } from 'botbuilder';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Locale } from '../../src/i18n/locales';
import type { SubmitValue } from '../../src/cards/actions';

/** What a test sees of one bot message: its text, the card's texts, its buttons and their values. */
export interface BotSaid {
  readonly text: string;
  /** Every TextBlock and fact in the card, joined, for "contains" assertions. */
  readonly cardText: string;
  readonly buttons: string[];
  readonly values: SubmitValue[];
  readonly picker: { value: string; title: string }[];
  readonly locale: string | undefined;
  readonly rtl: boolean;
  readonly raw: Partial<Activity>;
}

function collectTexts(node: unknown, out: string[]): void {
  if (Array.isArray(node)) for (const n of node) collectTexts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') collectTexts(v, out);
  }
}

function collectActions(node: unknown, out: { title: string; data: SubmitValue }[]): void {
  if (Array.isArray(node)) for (const n of node) collectActions(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit') out.push({ title: String(o.title), data: o.data as SubmitValue });
    for (const v of Object.values(o)) collectActions(v, out);
  }
}

/** Flattens a bot activity into what a person would read and tap. */
export function readActivity(activity: Partial<Activity>): BotSaid {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as Record<string, unknown> | undefined;
  const texts: string[] = [];
  const actions: { title: string; data: SubmitValue }[] = [];
  if (card) {
    collectTexts(card.body, texts);
    collectActions(card.body, actions);
  }
  const picker: { value: string; title: string }[] = [];
  for (const item of (card?.body as Record<string, unknown>[] | undefined) ?? []) {
    if (item.type === 'Input.ChoiceSet') picker.push(...(item.choices as { value: string; title: string }[]));
  }
  const suggested = activity.suggestedActions?.actions ?? [];
  return {
    text: activity.text ?? '',
    cardText: texts.join('\n'),
    buttons: [...actions.filter((a) => a.data.a !== 'pick' || Object.keys(a.data).length > 1).map((a) => a.title), ...suggested.map((s) => s.title)],
    values: actions.map((a) => a.data),
    picker,
    locale: activity.locale,
    rtl: card?.rtl === true,
    raw: activity,
  };
}

/** A telemetry client that keeps events in memory for assertions. */
export class RecordingTelemetry implements BotTelemetryClient {
  readonly events: TelemetryEvent[] = [];
  trackEvent(event: TelemetryEvent): void {
    this.events.push(event);
  }
  trackDependency(): void {}
  trackException(): void {}
  trackTrace(): void {}
  flush(): void {}
}

let sequence = 0;

/** Options for a scripted conversation. */
export interface ConversationOptions extends AppOverrides {
  /** The channel's `activity.locale` on every user message. */
  readonly channelLocale?: string;
  readonly channelId?: string;
  readonly channelData?: unknown;
  readonly env?: Record<string, string>;
}

/** Builds an app for tests: memory storage, a fixed clock, quiet logs, recorded telemetry. */
export async function buildTestApp(options: ConversationOptions = {}): Promise<{ app: App; telemetry: RecordingTelemetry }> {
  const telemetry = options.telemetry instanceof RecordingTelemetry ? options.telemetry : new RecordingTelemetry();
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...options.env }), {
    storage: options.storage ?? new MemoryStorage(),
    clock: options.clock ?? (() => new Date('2026-11-27T09:00:00Z')),
    telemetry,
    ...(options.locales ? { locales: options.locales } : {}),
  });
  return { app, telemetry };
}

/**
 * A scripted conversation: `await chat.userSays('menu')` returns what the bot replied, so tests read as
 * "the user says …, the bot replies …".
 */
export class Conversation {
  private constructor(
    readonly app: App,
    readonly telemetry: RecordingTelemetry,
    private readonly adapter: TestAdapter,
    private readonly options: ConversationOptions,
  ) {}

  static async start(options: ConversationOptions = {}, shared?: { app: App; telemetry: RecordingTelemetry }): Promise<Conversation> {
    const { app, telemetry } = shared ?? (await buildTestApp(options));
    const adapter = new TestAdapter((context) => app.bot.run(context));
    sequence += 1;
    adapter.template.conversation = { id: `conversation-${sequence}`, isGroup: false, conversationType: 'personal', name: '' };
    adapter.template.from = { id: `user-${sequence}`, name: 'User' };
    if (options.channelId) adapter.template.channelId = options.channelId;
    return new Conversation(app, telemetry, adapter, options);
  }

  private async exchange(activity: Partial<Activity>): Promise<BotSaid[]> {
    await this.adapter.send({
      ...(this.options.channelLocale ? { locale: this.options.channelLocale } : {}),
      ...(this.options.channelData ? { channelData: this.options.channelData } : {}),
      ...activity,
    });
    return this.adapter.activeQueue.splice(0).map(readActivity);
  }

  /** The user opens the chat (the channel adds them to the conversation). */
  async userJoins(): Promise<BotSaid[]> {
    return this.exchange({ type: 'conversationUpdate', membersAdded: [{ ...this.adapter.template.from! }], recipient: { id: 'bot', name: 'Bot' } });
  }

  /** The user types a message. */
  async userSays(text: string, extra: Partial<Activity> = {}): Promise<BotSaid[]> {
    return this.exchange({ type: 'message', text, ...extra });
  }

  /** The user taps a card button (an Adaptive Card submit). */
  async userTaps(value: SubmitValue | Record<string, unknown>): Promise<BotSaid[]> {
    return this.exchange({ type: 'message', value });
  }

  /** Taps the button with this label in the given reply. */
  async userTapsLabel(reply: BotSaid[], label: string): Promise<BotSaid[]> {
    for (const said of reply) {
      const card = said.raw.attachments?.[0]?.content;
      const actions: { title: string; data: SubmitValue }[] = [];
      collectActions(card, actions);
      const found = actions.find((a) => a.title === label);
      if (found) return this.userTaps(found.data);
    }
    throw new Error(`No button "${label}" in: ${reply.flatMap((r) => r.buttons).join(' | ')}`);
  }
}

/** Everything the bot said, as one string. */
export function allText(reply: BotSaid[]): string {
  return reply.map((r) => [r.text, r.cardText].filter(Boolean).join('\n')).join('\n');
}

export type { Locale };
