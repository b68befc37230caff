import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NullTelemetryClient, type BotTelemetryClient } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeTelemetryClient, createTelemetryClient, type TelemetryConfig } from '../../src/analytics/create-telemetry-client';
import { SqliteTelemetryClient } from '../../src/analytics/sqlite-telemetry-client';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { StorageUnavailableError } from '../../src/storage/errors';

const logger = createLogger('silent');
let dir: string;
let config: TelemetryConfig;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telemetry-'));
  config = { APPLICATIONINSIGHTS_CONNECTION_STRING: undefined, ANALYTICS_PATH: join(dir, 'sub', 'analytics.sqlite'), RETENTION_DAYS: 90, STORAGE: 'sqlite' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stands in for ApplicationInsightsTelemetryClient so no test ever constructs the real one (it would call Azure). */
function fakeAppInsights() {
  const constructed: string[] = [];
  const setAutoCollectDependencies = vi.fn();
  class FakeAppInsights implements BotTelemetryClient {
    readonly configuration = { setAutoCollectDependencies };
    constructor(connectionString: string) {
      constructed.push(connectionString);
    }
    trackEvent() {}
    trackDependency() {}
    trackException() {}
    trackTrace() {}
    flush = vi.fn();
  }
  const load = vi.fn(async () => FakeAppInsights as never);
  return { constructed, load, setAutoCollectDependencies, FakeAppInsights };
}

describe('createTelemetryClient', () => {
  it('uses Application Insights only when a connection string is set, with dependency collection off', async () => {
    const ai = fakeAppInsights();
    const client = await createTelemetryClient(
      { ...config, APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/' },
      logger,
      { loadAppInsights: ai.load },
    );
    expect(client).toBeInstanceOf(ai.FakeAppInsights);
    expect(ai.constructed).toEqual(['InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/']);
    expect(ai.setAutoCollectDependencies).toHaveBeenCalledWith(false);
    expect(existsSync(config.ANALYTICS_PATH)).toBe(false);
    await closeTelemetryClient(client);
    expect((client as unknown as { flush: ReturnType<typeof vi.fn> }).flush).toHaveBeenCalled();
  });

  it('never loads or constructs Application Insights without a connection string; writes SQLite at ANALYTICS_PATH', async () => {
    const ai = fakeAppInsights();
    for (const missing of [undefined, '   ']) {
      const client = await createTelemetryClient({ ...config, APPLICATIONINSIGHTS_CONNECTION_STRING: missing }, logger, { loadAppInsights: ai.load });
      expect(client).toBeInstanceOf(SqliteTelemetryClient);
      expect(existsSync(config.ANALYTICS_PATH)).toBe(true);
      await closeTelemetryClient(client);
    }
    expect(ai.load).not.toHaveBeenCalled();
    expect(ai.constructed).toEqual([]);
  });

  it('does not even load the applicationinsights package without a connection string', async () => {
    const client = await createTelemetryClient(config, logger);
    await closeTelemetryClient(client);
    const loaded = Object.keys(createRequire(__filename).cache).filter((k) => /[\\/]node_modules[\\/](botbuilder-)?applicationinsights[\\/]/.test(k));
    expect(loaded).toEqual([]);
  });

  it('keeps nothing on disk for STORAGE=memory (NullTelemetryClient)', async () => {
    const ai = fakeAppInsights();
    const client = await createTelemetryClient({ ...config, STORAGE: 'memory' }, logger, { loadAppInsights: ai.load });
    expect(client).toBeInstanceOf(NullTelemetryClient);
    expect(existsSync(config.ANALYTICS_PATH)).toBe(false);
    expect(ai.load).not.toHaveBeenCalled();
  });

  it('passes RETENTION_DAYS and the clock to the SQLite client', async () => {
    const now = vi.fn(() => Date.UTC(2026, 5, 1));
    const client = (await createTelemetryClient({ ...config, RETENTION_DAYS: 7 }, logger, { now })) as SqliteTelemetryClient;
    try {
      expect(now).toHaveBeenCalled(); // the start-up purge asked the injected clock
      client.trackEvent({ name: 'titp.outcome', properties: { outcome: 'none', text: 'q', locale: 'en' } });
      expect(client.purgeExpiredText(Date.UTC(2026, 5, 8))).toBe(0);
      expect(client.purgeExpiredText(Date.UTC(2026, 5, 8) + 1)).toBe(1);
    } finally {
      await closeTelemetryClient(client);
    }
  });

  it('fails with StorageUnavailableError naming ANALYTICS_PATH when the file cannot be opened', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const err = await createTelemetryClient({ ...config, ANALYTICS_PATH: join(blocker, 'a.sqlite') }, logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect((err as Error).message).toContain('ANALYTICS_PATH');
  });

  it('uses a separate default file from the state store', () => {
    const c = loadConfig({});
    expect(c.ANALYTICS_PATH).toBe('./data/analytics.sqlite');
    expect(c.ANALYTICS_PATH).not.toBe(c.SQLITE_PATH);
    expect(c.RETENTION_DAYS).toBe(90);
  });
});
