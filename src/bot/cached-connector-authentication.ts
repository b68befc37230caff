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
 * collection. A client holds no per-turn state, so one per app id, service URL and audience serves every turn. Authentication itself is untouched: each
 * request is still validated by the wrapped instance. The cache is bounded (least recently used goes first), and a
 * client whose creation failed is not kept.
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
    const key = appIdOf(claimsIdentity);
    let client = this.userTokenClients.get(key);
    if (!client) {
      client = this.inner.createUserTokenClient(claimsIdentity);
      this.userTokenClients.set(key, client);
      client.catch(() => this.userTokenClients.delete(key));
    }
    return client;
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
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        let client = clients.get(key);
        if (!client) {
          client = factory.create(serviceUrl, audience);
          clients.set(key, client);
          client.catch(() => clients.delete(key));
        }
        return client;
      }
    })();
  }
}

/** The bot's app id as the SDK's own connector factory reads it: the audience claim, else the app id claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? ''
  );
}
