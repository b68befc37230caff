import type { Next, Request, Response, Server } from 'restify';
import RestifyServer from 'restify/lib/server';
import Router from 'restify/lib/router';
import bodyReader from 'restify/lib/plugins/bodyReader';
import jsonBodyParser from 'restify/lib/plugins/jsonBodyParser';
import queryParser from 'restify/lib/plugins/query';
import { createApp, type App } from './app';
import { loadConfig, type AppConfig } from './config';
import { ConfigError, KnowledgeLoadError, LocaleLoadError } from './errors';
import type { Route } from './http/http-types';
import { environment } from './cli/env-file';

/** Largest request body accepted; anything bigger gets 413 before it reaches the bot. */
export const MAX_BODY_BYTES = 256 * 1024;

function toRestifyHandler(route: Route) {
  return async (req: Request, res: Response) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
    try {
      const reply = await route.handle({
        method: req.method ?? route.method,
        path: req.path(),
        headers: req.headers,
        params: (req.params ?? {}) as Record<string, string>,
        query,
        body: req.body,
      });
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
      if (reply.body === undefined) {
        res.status(reply.status);
        res.end();
      } else if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
        res.writeHead(reply.status);
        res.end(reply.body);
      } else {
        res.send(reply.status, reply.body);
      }
    } catch (error) {
      req.log?.error?.(error);
      if (!res.headersSent) res.send(500, { error: { code: 'InternalError', message: 'The server could not handle this request.' } });
    }
  };
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.header('connection', 'close');
  res.send(status, { error: { code, message } });
}

/**
 * Refuses, before a byte of the body is read, what the body reader would otherwise take in: a declared length over
 * the limit (413) and compressed bodies (415), whose size after inflating no limit would check. Bodies without a
 * declared length are still cut at the limit by the reader.
 */
function guardBody(req: Request, res: Response, next: Next): void {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    refuse(res, 413, 'PayloadTooLarge', `Request bodies may be at most ${MAX_BODY_BYTES} bytes.`);
    next(false);
    return;
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    refuse(res, 415, 'UnsupportedMediaType', 'Request bodies must not be compressed.');
    next(false);
    return;
  }
  next();
}

/**
 * Builds the restify server for an app's routes. The only place that knows restify. Bodies are read as JSON only:
 * restify's general body parser would also take multipart uploads, which it streams to temporary files past the
 * size limit and never deletes. The server and the three plugins are loaded on their own, as restify's
 * `createServer` would assemble them, because restify's index also loads every other plugin and a second pino
 * (`src/restify-parts.d.ts`); restify logs through the app's logger.
 */
export function createServer(app: Pick<App, 'routes' | 'logger'>): Server {
  const name = 'titp-guide-bot';
  const server = new RestifyServer({ name, log: app.logger, router: new Router({ name, log: app.logger }), handleUncaughtExceptions: false });
  server.use(queryParser({ mapParams: false }));
  server.use(guardBody);
  server.use(bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(jsonBodyParser({ mapParams: false, bodyReader: true }));
  for (const route of app.routes) {
    const method = route.method === 'DELETE' ? 'del' : (route.method.toLowerCase() as 'get' | 'post' | 'put');
    server[method](route.path, toRestifyHandler(route));
  }
  return server;
}

/** Starts listening; resolves with the bound port (0 in config means an ephemeral port, for tests). */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { port: number };
  return address.port;
}

/**
 * Stops accepting requests, lets turns in flight finish, then closes storage and exits 0, all within the configured
 * timeout (10 s by default).
 */
function installShutdown(server: Server, app: App, config: AppConfig): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal, inFlight: app.inFlight() }, 'shutting down');
    const hardStop = setTimeout(() => {
      app.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    hardStop.unref();
    server.server.close();
    server.server.closeIdleConnections?.();
    const drained = await app.drain(config.SHUTDOWN_TIMEOUT_MS - 500);
    await app.close();
    app.logger.info({ drained }, 'stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(environment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let app: App;
  try {
    app = await createApp(config);
  } catch (error) {
    if (error instanceof KnowledgeLoadError || error instanceof LocaleLoadError || (error as Error).name === 'StorageUnavailableError') {
      console.error((error as Error).message);
      process.exit(1);
    }
    throw error;
  }
  const server = createServer(app);
  const port = await listen(server, config.PORT);
  installShutdown(server, app, config);
  app.logger.info({ port, localMode: config.localMode, locales: app.translator.locales.length }, `TITP guide bot listening on http://localhost:${port}`);
}

if (require.main === module) void main();
