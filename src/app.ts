import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  ShowTypingMiddleware,
  UserState,
  type BotTelemetryClient,
  type Request as BotRequest,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod/v4';
import { Analytics } from './analytics/analytics';
import type { AppConfig } from './config';
import type { DialogDeps } from '../dialogs/dialog-deps';
import type { Locale } from './i18n/locales';
import { createTranslator, type Translator } from './i18n/translator';
import { loadKnowledgeCached } from './knowledge/knowledge-cache';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createLogger, hashId, type Logger } from './logger';
import { KNOWLEDGE_DIR, LOCALES_DIR, REPO_ROOT } from './paths';
import { loadSearchEngine } from './search/index-cache';
import type { SearchEngine } from './search/search-engine';
import { checkStorage, closeStorage, createStorage, StorageUnavailableError } from './storage';
import { GuardedStorage } from './storage/guarded-storage';
import { closeTelemetryClient, createTelemetryClient } from './analytics/create-telemetry-client';
import { ConversationQueue } from './bot/conversation-queue';
import { TitpBot } from './bot/titp-bot';
import { CachedConnectorAuthentication } from './bot/cached-connector-authentication';
import { RateLimiter } from './bot/rate-limiter';
import { turnLocale, type Session, type UserProfile } from './bot/turn-state';
import { jsonError, type HttpRequest, type HttpResponse, type Route } from './http/http-types';
import { ResponseCollector } from './http/response-collector';
import { LOCAL_SERVICE_URL, LocalDirectLine } from './channels/local-direct-line';
import { webChatRoutes } from './channels/webchat-page';

/** Things tests replace: the clock, the store, the telemetry sink, the log destination. */
export interface AppOverrides {
  readonly clock?: () => Date;
  readonly storage?: Storage;
  readonly telemetry?: BotTelemetryClient;
  readonly logger?: Logger;
  /** Replaces the search engine (tests that need a failing or fixed search). */
  readonly search?: DialogDeps['search'];
  /** Load only these UI locales (tests that do not need all 19). */
  readonly locales?: readonly Locale[];
}

/** The assembled bot, ready to be served by `src/index.ts` or driven directly by tests. */
export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly kb: KnowledgeBase;
  readonly search: SearchEngine;
  readonly translator: Translator;
  readonly storage: GuardedStorage;
  readonly adapter: CloudAdapter;
  readonly bot: TitpBot;
  readonly routes: readonly Route[];
  /** Turns being processed now; shutdown waits for them. */
  inFlight(): number;
  /** Waits until no turn is in flight, or the timeout passes; resolves true when drained. */
  drain(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Over HTTP, "typing…" is sent only when an answer takes longer than this, then repeated every period. */
const TYPING_DELAY_MS = 500;
const TYPING_PERIOD_MS = 2000;

const VERSION: string = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The least an activity must carry for the adapter to route it and reply; anything less is a 400. */
const inboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(128),
  serviceUrl: z.string().url().max(2048),
  conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
  from: z.object({ id: z.string().min(1).max(512) }).passthrough(),
  recipient: z.object({ id: z.string().max(512) }).passthrough(),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
}).passthrough();

/**
 * In local mode nothing authenticates the caller, so replies may only go to this machine (the Emulator's
 * serviceUrl is on localhost); otherwise anyone could make the bot post to any address.
 */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Builds the whole bot from a validated config: knowledge, search, translator, storage, adapter, dialogs and
 * routes. It never listens; `src/index.ts` does, and tests call `routes` or `adapter` directly.
 */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const translator = createTranslator(LOCALES_DIR, overrides.locales);
  const kbStarted = performance.now();
  const knowledge = loadKnowledgeCached({ root: KNOWLEDGE_DIR, file: config.KNOWLEDGE_CACHE });
  const kb = knowledge.kb;
  const kbLog = { knowledge: knowledge.from, reason: knowledge.reason, ms: Math.round(performance.now() - kbStarted) };
  if (knowledge.saveError) logger.warn({ ...kbLog, error: knowledge.saveError }, 'knowledge validated; it could not be saved, so the next start validates it again');
  else logger.info(kbLog, knowledge.from === 'cache' ? 'knowledge loaded (validated before, unchanged since)' : 'knowledge validated');
  const started = performance.now();
  const loaded = loadSearchEngine(kb, { file: config.SEARCH_INDEX_CACHE, knowledgeFingerprint: knowledge.fingerprint });
  const search = loaded.engine;
  const indexLog = { index: loaded.from, reason: loaded.reason, ms: Math.round(performance.now() - started) };
  if (loaded.saveError) logger.warn({ ...indexLog, error: loaded.saveError }, 'search index built; it could not be saved, so the next start builds it again');
  else logger.info(indexLog, loaded.from === 'cache' ? 'search index loaded' : 'search index built');
  const storage = new GuardedStorage(overrides.storage ?? (await createStorage(config, logger)), config.STORAGE);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const telemetry = overrides.telemetry ?? (await createTelemetryClient(config, logger));
  const deps: DialogDeps = {
    kb,
    search: overrides.search ?? search,
    t: translator,
    clock: overrides.clock ?? (() => new Date()),
    analytics: new Analytics(telemetry, config.HASH_SALT),
    profile: userState.createProperty<UserProfile>('profile'),
    session: conversationState.createProperty<Session>('session'),
  };
  const bot = new TitpBot({
    conversationState,
    userState,
    deps,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    logger,
    rateLimiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
    typingFirst: (context) => context.activity.serviceUrl === LOCAL_SERVICE_URL,
  });
  const adapter = new CloudAdapter(
    new CachedConnectorAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType ?? 'MultiTenant',
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      }),
    ),
  );
  const onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId, conversation: hashId(context.activity.conversation?.id, config.HASH_SALT) }, 'turn failed');
    const locale = turnLocale(context);
    const storeDown = error instanceof StorageUnavailableError;
    try {
      await context.sendActivity({ type: 'message', text: translator.t(locale, storeDown ? 'errors.unavailable' : 'errors.turn'), locale });
      if (storeDown) return;
      await conversationState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, 'could not apologise or reset the conversation');
    }
  };
  adapter.onTurnError = onTurnError;
  adapter.use(new ShowTypingMiddleware(TYPING_DELAY_MS, TYPING_PERIOD_MS));

  let inFlight = 0;
  const idleWaiters = new Set<() => void>();
  const startedAt = Date.now();

  const queue = new ConversationQueue();
  const runTurn = async (context: TurnContext): Promise<void> => {
    const started = performance.now();
    let ok = false;
    try {
      await queue.run(context.activity.conversation?.id ?? '', () => bot.run(context));
      ok = true;
    } finally {
      if (logger.isLevelEnabled('info')) {
        logger.info(
          {
            conversation: hashId(context.activity.conversation?.id, config.HASH_SALT),
            locale: turnLocale(context),
            type: context.activity.type,
            channel: context.activity.channelId,
            ms: Math.round((performance.now() - started) * 10) / 10,
            ok,
          },
          'turn',
        );
      }
    }
  };

  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    }
  };

  const messages: Route = {
    method: 'POST',
    path: '/api/messages',
    async handle(request: HttpRequest): Promise<HttpResponse> {
      const parsed = inboundActivitySchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return jsonError(400, 'BadActivity', `The activity is invalid at "${issue?.path.join('.') || 'body'}": ${issue?.message ?? 'expected a JSON object'}.`);
      }
      if (config.localMode && !isLoopbackUrl(parsed.data.serviceUrl)) {
        return jsonError(400, 'BadActivity', 'Without MicrosoftAppId the bot only replies to a serviceUrl on this machine (localhost).');
      }
      const response = new ResponseCollector();
      const botRequest: BotRequest = { body: parsed.data as Record<string, unknown>, headers: request.headers, method: request.method };
      await tracked(() => adapter.process(botRequest, response, runTurn));
      return response.toHttp();
    },
  };

  const localConnection = config.LOCAL_WEBCHAT;
  const localDirectLine = localConnection
    ? new LocalDirectLine({ runTurn: (context) => tracked(() => runTurn(context)), onTurnError })
    : undefined;

  const health: Route = {
    method: 'GET',
    path: '/healthz',
    async handle(): Promise<HttpResponse> {
      const storageOk = (await checkStorage(storage)) && (await storage.probe());
      return {
        status: storageOk ? 200 : 503,
        body: {
          status: storageOk ? 'ok' : 'degraded',
          version: VERSION,
          locales: translator.locales,
          knowledgeLocales: kb.locales(),
          storage: storageOk ? 'ok' : 'unavailable',
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        },
      };
    },
  };

  return {
    config,
    logger,
    kb,
    search,
    translator,
    storage,
    adapter,
    bot,
    routes: [messages, health, ...webChatRoutes({ config, translator, localConnection }), ...(localDirectLine?.routes() ?? [])],
    inFlight: () => inFlight,
    drain(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        idleWaiters.add(wake);
      });
    },
    async close() {
      await closeTelemetryClient(telemetry);
      await closeStorage(storage.unwrapped);
    },
  };
}
