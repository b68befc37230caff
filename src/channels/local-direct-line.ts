import { randomBytes } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { isLocale, type Locale } from '../i18n/locales';
import { jsonError, type HttpRequest, type HttpResponse, type Route } from '../http/http-types';
import { LocalChannelAdapter } from './local-channel-adapter';

/** Bounds that keep the local channel from growing without limit if the page is left open or abused. */
export const LOCAL_LIMITS = {
  maxConversations: 500,
  maxActivitiesPerConversation: 1000,
  ttlMs: 2 * 60 * 60 * 1000,
} as const;

/** Where the page's Direct Line client points: `${origin}${DIRECT_LINE_PATH}`. */
export const DIRECT_LINE_PATH = '/v3/directline';
export const LOCAL_CHANNEL_ID = 'webchat';
/** The serviceUrl of activities from the local page; nothing is ever posted to it. */
export const LOCAL_SERVICE_URL = 'local://webchat';
export const LOCAL_BOT = { id: 'titp-guide', name: 'TITP guide', role: 'bot' } as const;

interface Session {
  readonly userId: string;
  readonly expires: number;
  readonly locale?: Locale;
}

interface LocalConversation {
  readonly id: string;
  readonly token: string;
  readonly userId: string;
  locale?: Locale;
  /** Activities in order; `offset` is how many older ones were dropped, so watermarks stay stable. */
  activities: Activity[];
  offset: number;
  lastSeen: number;
}

const inboundSchema = z
  .object({
    type: z.enum(['message', 'event']),
    text: z.string().max(20_000).optional(),
    value: z.unknown().optional(),
    name: z.string().max(64).optional(),
    locale: z.string().max(35).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(200) }).passthrough()).max(10).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

const token = () => randomBytes(24).toString('base64url');

function bearer(request: HttpRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith('Bearer ') ? value.slice(7) : undefined;
}

/** What the local Direct Line needs from the app. */
export interface LocalDirectLineOptions {
  /** Runs one turn: the bot's `run`, wrapped for logging and shutdown tracking. */
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  readonly now?: () => number;
}

/**
 * A Direct-Line-3.0-compatible endpoint served by the bot itself, so Bot Framework Web Chat's own Direct Line
 * client (polling mode) can talk to the bot with no Azure registration. It is mounted only in local mode or when
 * LOCAL_WEBCHAT=true, and every call needs the token issued by `POST /api/webchat/session`.
 */
export class LocalDirectLine {
  private readonly adapter: LocalChannelAdapter;
  private readonly sessions = new Map<string, Session>();
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly now: () => number;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.now = options.now ?? Date.now;
    this.adapter = new LocalChannelAdapter((conversationId, activities) => this.append(conversationId, activities));
    this.adapter.onTurnError = options.onTurnError;
  }

  /** Number of live conversations (for tests and health). */
  get size(): number {
    return this.conversations.size;
  }

  routes(): Route[] {
    return [
      { method: 'POST', path: '/api/webchat/session', handle: (r) => this.createSession(r) },
      { method: 'POST', path: `${DIRECT_LINE_PATH}/tokens/refresh`, handle: (r) => this.refresh(r) },
      { method: 'POST', path: `${DIRECT_LINE_PATH}/conversations`, handle: (r) => this.startConversation(r) },
      { method: 'GET', path: `${DIRECT_LINE_PATH}/conversations/:conversationId`, handle: (r) => this.reconnect(r) },
      { method: 'GET', path: `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, handle: (r) => this.getActivities(r) },
      { method: 'POST', path: `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, handle: (r) => this.postActivity(r) },
    ];
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) if (session.expires < now) this.sessions.delete(key);
    for (const [id, conversation] of this.conversations) if (now - conversation.lastSeen > LOCAL_LIMITS.ttlMs) this.conversations.delete(id);
    while (this.conversations.size >= LOCAL_LIMITS.maxConversations) {
      const oldest = [...this.conversations.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0];
      if (!oldest) break;
      this.conversations.delete(oldest.id);
    }
  }

  private async createSession(request: HttpRequest): Promise<HttpResponse> {
    this.sweep();
    const body = (request.body ?? {}) as { locale?: unknown };
    const key = token();
    const userId = `local-${randomBytes(8).toString('hex')}`;
    const locale = isLocale(body.locale) ? body.locale : undefined;
    this.sessions.set(key, { userId, expires: this.now() + LOCAL_LIMITS.ttlMs, ...(locale ? { locale } : {}) });
    return { status: 200, body: { token: key, userId, domain: DIRECT_LINE_PATH, expires_in: LOCAL_LIMITS.ttlMs / 1000 } };
  }

  private async refresh(request: HttpRequest): Promise<HttpResponse> {
    const key = bearer(request);
    const session = key ? this.sessions.get(key) : undefined;
    if (!key || !session) return jsonError(403, 'Forbidden', 'Unknown or expired token; start a new session.');
    this.sessions.set(key, { ...session, expires: this.now() + LOCAL_LIMITS.ttlMs });
    return { status: 200, body: { token: key, expires_in: LOCAL_LIMITS.ttlMs / 1000 } };
  }

  private async startConversation(request: HttpRequest): Promise<HttpResponse> {
    const key = bearer(request);
    const session = key ? this.sessions.get(key) : undefined;
    if (!key || !session) return jsonError(403, 'Forbidden', 'Unknown or expired token; start a new session.');
    this.sweep();
    const id = `local-${randomBytes(12).toString('hex')}`;
    const conversation: LocalConversation = { id, token: key, userId: session.userId, activities: [], offset: 0, lastSeen: this.now() };
    this.conversations.set(id, conversation);
    if (session.locale) conversation.locale = session.locale;
    void this.deliver(conversation, {
      type: 'conversationUpdate',
      membersAdded: [{ id: session.userId, name: 'User' }],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    });
    return { status: 201, body: { conversationId: id, token: key, expires_in: LOCAL_LIMITS.ttlMs / 1000, streamUrl: null } };
  }

  private conversationFor(request: HttpRequest): LocalConversation | HttpResponse {
    const conversation = this.conversations.get(request.params.conversationId ?? '');
    if (!conversation) return jsonError(404, 'NotFound', 'No such conversation; start a new one.');
    if (bearer(request) !== conversation.token) return jsonError(403, 'Forbidden', 'This token does not belong to the conversation.');
    conversation.lastSeen = this.now();
    return conversation;
  }

  private async reconnect(request: HttpRequest): Promise<HttpResponse> {
    const found = this.conversationFor(request);
    if ('status' in found) return found;
    return { status: 200, body: { conversationId: found.id, token: found.token, expires_in: LOCAL_LIMITS.ttlMs / 1000, streamUrl: null } };
  }

  private async getActivities(request: HttpRequest): Promise<HttpResponse> {
    const found = this.conversationFor(request);
    if ('status' in found) return found;
    const requested = Number.parseInt(request.query.watermark ?? '0', 10);
    const from = Number.isFinite(requested) && requested > 0 ? requested : 0;
    const start = Math.max(0, from - found.offset);
    const watermark = found.offset + found.activities.length;
    return { status: 200, body: { activities: found.activities.slice(start), watermark: String(watermark) } };
  }

  private async postActivity(request: HttpRequest): Promise<HttpResponse> {
    const found = this.conversationFor(request);
    if ('status' in found) return found;
    const parsed = inboundSchema.safeParse(request.body);
    if (!parsed.success) return jsonError(400, 'BadArgument', `The activity is invalid: ${parsed.error.issues[0]?.message ?? 'expected an object'}.`);
    const inbound = parsed.data;
    if (inbound.type === 'event' && inbound.name === 'setLocale' && isLocale(inbound.value)) found.locale = inbound.value;
    const id = `${found.id}|${String(found.offset + found.activities.length).padStart(7, '0')}`;
    const echo = { ...inbound, id, from: { id: found.userId, role: 'user' } } as Partial<Activity>;
    this.append(found.id, [{ ...echo, timestamp: new Date(), channelId: LOCAL_CHANNEL_ID, conversation: { id: found.id } } as Activity]);
    await this.deliver(found, { ...inbound, id } as Partial<Activity>);
    return { status: 200, body: { id } };
  }

  private async deliver(conversation: LocalConversation, activity: Partial<Activity>): Promise<void> {
    const full: Partial<Activity> = {
      ...activity,
      channelId: LOCAL_CHANNEL_ID,
      serviceUrl: LOCAL_SERVICE_URL,
      timestamp: new Date(),
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: 'User', role: 'user' },
      recipient: { ...LOCAL_BOT },
      locale: activity.locale ?? conversation.locale,
    };
    await this.adapter.processActivity(full, this.options.runTurn);
  }

  private append(conversationId: string, activities: Activity[]): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    conversation.activities.push(...activities);
    const excess = conversation.activities.length - LOCAL_LIMITS.maxActivitiesPerConversation;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.offset += excess;
    }
  }
}
