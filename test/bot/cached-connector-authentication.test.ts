import { AuthenticationConstants, BotFrameworkAuthentication, ClaimsIdentity, ConnectorFactory, type AuthenticateRequestResult, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { CachedConnectorAuthentication } from '../../src/bot/cached-connector-authentication';

/** Claims as Bot Framework tokens carry them: the bot's app id as the audience. */
const claimsFor = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** Stands in for the SDK's authentication: counts the clients it builds; URLs containing "down" fail. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectorClients = 0;
  userTokenClients = 0;

  constructor(private readonly rejectAuth = false) {
    super();
  }

  private factory(): ConnectorFactory {
    const count = () => (this.connectorClients += 1);
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const serial = count();
        if (serviceUrl.includes('down')) throw new Error(`cannot reach ${serviceUrl}`);
        return { serviceUrl, audience, serial } as unknown as ConnectorClient;
      }
    })();
  }

  async authenticateRequest(activity: Activity): Promise<AuthenticateRequestResult> {
    if (this.rejectAuth) throw Object.assign(new Error('Unauthorized'), { statusCode: 401 });
    const appId = activity.recipient?.id ?? 'app-1';
    return {
      claimsIdentity: claimsFor(appId),
      audience: 'https://api.botframework.com',
      callerId: undefined as unknown as string,
      connectorFactory: this.factory(),
    };
  }

  async authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }

  createConnectorFactory(): ConnectorFactory {
    return this.factory();
  }

  async createUserTokenClient(): Promise<UserTokenClient> {
    this.userTokenClients += 1;
    return { serial: this.userTokenClients } as unknown as UserTokenClient;
  }
}

const activity = (appId = 'app-1') => ({ type: 'message', recipient: { id: appId } }) as Activity;

async function clientFor(auth: CachedConnectorAuthentication, serviceUrl: string, appId = 'app-1'): Promise<ConnectorClient> {
  const result = await auth.authenticateRequest(activity(appId), 'Bearer token');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('CachedConnectorAuthentication', () => {
  it('builds one connector client per service URL and reuses it on later turns', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedConnectorAuthentication(inner);
    const first = await clientFor(auth, 'https://smba.trafficmanager.net/emea/');
    const second = await clientFor(auth, 'https://smba.trafficmanager.net/emea/');
    expect(second).toBe(first);
    expect(inner.connectorClients).toBe(1);
    await clientFor(auth, 'https://webchat.botframework.com/');
    expect(inner.connectorClients).toBe(2);
  });

  it('keeps clients of different bot app ids apart', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedConnectorAuthentication(inner);
    const a = await clientFor(auth, 'https://example.test/', 'app-a');
    const b = await clientFor(auth, 'https://example.test/', 'app-b');
    expect(b).not.toBe(a);
    expect(inner.connectorClients).toBe(2);
  });

  it('does not keep a client that could not be built, and tries again next turn', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedConnectorAuthentication(inner);
    await expect(clientFor(auth, 'https://down.example.test/')).rejects.toThrow('cannot reach');
    await expect(clientFor(auth, 'https://down.example.test/')).rejects.toThrow('cannot reach');
    expect(inner.connectorClients).toBe(2);
    expect(auth.size).toBe(0);
  });

  it('keeps at most the configured number of clients, dropping the least recently used', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedConnectorAuthentication(inner, 2);
    await clientFor(auth, 'https://one.test/');
    await clientFor(auth, 'https://two.test/');
    await clientFor(auth, 'https://one.test/');
    await clientFor(auth, 'https://three.test/');
    expect(auth.size).toBe(2);
    await clientFor(auth, 'https://one.test/');
    expect(inner.connectorClients).toBe(3);
    await clientFor(auth, 'https://two.test/');
    expect(inner.connectorClients).toBe(4);
  });

  it('reuses the user-token client per app id', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedConnectorAuthentication(inner);
    const first = await auth.createUserTokenClient(claimsFor('app-1'));
    expect(await auth.createUserTokenClient(claimsFor('app-1'))).toBe(first);
    await auth.createUserTokenClient(claimsFor('app-2'));
    expect(inner.userTokenClients).toBe(2);
  });

  it('passes authentication failures through unchanged', async () => {
    const auth = new CachedConnectorAuthentication(new CountingAuthentication(true));
    await expect(auth.authenticateRequest(activity(), '')).rejects.toMatchObject({ statusCode: 401 });
  });
});
