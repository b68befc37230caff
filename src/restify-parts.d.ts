/**
 * The parts of restify 11 that `src/index.ts` loads one by one instead of through restify's index, which also loads
 * every plugin (the multipart parser among them) and its own copy of pino: about 0.15 s of every cold start. The
 * types are restify's own (@types/restify).
 */
declare module 'restify/lib/server' {
  import type { Server } from 'restify';
  const RestifyServer: new (options: { name: string; log: unknown; router: unknown; handleUncaughtExceptions?: boolean }) => Server;
  export = RestifyServer;
}

declare module 'restify/lib/router' {
  const Router: new (options: { name: string; log: unknown }) => unknown;
  export = Router;
}

declare module 'restify/lib/plugins/query' {
  import type { plugins } from 'restify';
  const queryParser: typeof plugins.queryParser;
  export = queryParser;
}

declare module 'restify/lib/plugins/bodyReader' {
  import type { plugins } from 'restify';
  const bodyReader: typeof plugins.bodyReader;
  export = bodyReader;
}

declare module 'restify/lib/plugins/jsonBodyParser' {
  import type { plugins } from 'restify';
  const jsonBodyParser: typeof plugins.jsonBodyParser;
  export = jsonBodyParser;
}
