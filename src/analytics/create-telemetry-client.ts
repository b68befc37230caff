import { NullTelemetryClient, type BotTelemetryClient } from 'botbuilder';
import type { ApplicationInsightsTelemetryClient } from 'botbuilder-applicationinsights';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { SqliteTelemetryClient } from './sqlite-telemetry-client';

/** The configuration keys analytics needs; a full {@link AppConfig} fits. */
export type TelemetryConfig = Pick<AppConfig, 'APPLICATIONINSIGHTS_CONNECTION_STRING' | 'ANALYTICS_PATH' | 'RETENTION_DAYS' | 'STORAGE'>;

type AppInsightsClass = new (connectionString: string) => ApplicationInsightsTelemetryClient;

export interface TelemetryDeps {
  /** Clock for the SQLite client's retention (tests). */
  readonly now?: () => number;
  /**
   * Loads the Application Insights client class. The package is only loaded when a connection string is set, because
   * loading it patches async context tracking and constructing it starts collectors that send data to Azure.
   */
  readonly loadAppInsights?: () => Promise<AppInsightsClass>;
}

async function loadAppInsightsClass(): Promise<AppInsightsClass> {
  const mod = (await import('botbuilder-applicationinsights')) as typeof import('botbuilder-applicationinsights') & {
    default?: typeof import('botbuilder-applicationinsights');
  };
  return mod.ApplicationInsightsTelemetryClient ?? mod.default!.ApplicationInsightsTelemetryClient;
}

/**
 * The telemetry client the {@link Analytics} class sends events through:
 *
 * 1. `APPLICATIONINSIGHTS_CONNECTION_STRING` set → botbuilder-applicationinsights `ApplicationInsightsTelemetryClient`
 *    (never constructed, nor its package loaded, without a connection string). Automatic dependency collection is
 *    turned off: outgoing Bot Connector URLs carry raw conversation ids, and analytics promises hashed ids only.
 * 2. otherwise, `STORAGE=memory` → botbuilder's `NullTelemetryClient`: the in-memory mode (tests, the Emulator)
 *    writes nothing to disk.
 * 3. otherwise → {@link SqliteTelemetryClient} at `ANALYTICS_PATH`, purging text after `RETENTION_DAYS`.
 *
 * Call {@link closeTelemetryClient} on shutdown.
 *
 * @throws StorageUnavailableError when the analytics SQLite file cannot be opened.
 */
export async function createTelemetryClient(config: TelemetryConfig, logger: Logger, deps: TelemetryDeps = {}): Promise<BotTelemetryClient> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (connectionString) {
    const AppInsights = await (deps.loadAppInsights ?? loadAppInsightsClass)();
    const client = new AppInsights(connectionString);
    // `configuration` is the applicationinsights Configuration class (static methods), typed as an instance.
    (client.configuration as unknown as { setAutoCollectDependencies?: (on: boolean) => unknown } | undefined)?.setAutoCollectDependencies?.(false);
    logger.info({ analytics: 'applicationinsights' }, 'analytics ready');
    return client;
  }
  if (config.STORAGE === 'memory') {
    logger.info({ analytics: 'none' }, 'analytics off (STORAGE=memory keeps nothing on disk)');
    return new NullTelemetryClient();
  }
  const client = new SqliteTelemetryClient({
    path: config.ANALYTICS_PATH,
    retentionDays: config.RETENTION_DAYS,
    logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
  logger.info({ analytics: 'sqlite', path: config.ANALYTICS_PATH, retentionDays: config.RETENTION_DAYS }, 'analytics ready');
  return client;
}

/** Flushes buffered events (Application Insights) and closes the SQLite file, for graceful shutdown. */
export async function closeTelemetryClient(client: BotTelemetryClient): Promise<void> {
  client.flush();
  if (client instanceof SqliteTelemetryClient) client.close();
}
