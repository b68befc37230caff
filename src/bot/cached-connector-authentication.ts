import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { LRUCache } from 'lru-cache';

/** Connector clients kept; one per (bot app id, service URL, audience), so a handful in practice. */
const DEFAULT_MAX_CLIENTS = 64;

/**
 * A {@link BotFrameworkAuthentication} that reuses Bot Connector and user-token clients across turns. The SDK builds
 * a new `ConnectorClient` and a new `UserTokenClient` (each an HTTP pipeline of a dozen policies, a serializer and
 * fresh credentials) for every turn; under load that was the largest framework cost per turn after garbage
 * collection. A client holds no per-turn state, so one per app id, service URL and audience serves every turn.
 * Authentication itself is untouched: each request is still validated by the wrapped instance. The cache is bounded
 * (least recently used goes first), and a client whose creation failed is not kept.
 */
export class CachedConnectorAuthentication extends BotFrameworkAuthentication {
  private readonly clients: LRUCache<string, Promise<ConnectorClient>>;
  private readonly userTokenClients: LRUCache<string, Promise<UserTokenClient>>;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    maxClients = DEFAULT_MAX_CLIENTS,
  ) {
    super();
    this.clients = new LRUCache({ max: maxClients });
    this.userTokenClients = new LRUCache({ max: maxClients });
  }

  /** How many clients are cached (for tests). */
  get size(): number {
    return this.clients.size;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return this.withReuse(result);
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    return this.withReuse(result);
  }

  private withReuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory, claimsIdentity } = result;
    return connectorFactory ? { ...result, connectorFactory: this.reusing(connectorFactory, claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const clients = this.clients;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return reuse(clients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience));
      }
    })();
  }
}

/** The cached client for `key`, else a new one, kept unless its creation fails. */
function reuse<T>(cache: LRUCache<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const created = create();
  cache.set(key, created);
  created.catch(() => {
    if (cache.peek(key) === created) cache.delete(key);
  });
  return created;
}

/** The bot's app id as the SDK's own connector factory reads it: the audience claim, else the app id claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? ''
  );
}
