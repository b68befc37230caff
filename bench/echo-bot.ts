/**
 * The framework's floor for `npm run bench:load`: a bare echo bot on the same stack as the real one (restify through
 * our server module, CloudAdapter, MemoryStorage with conversation state). Run as a child process.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type Request } from 'botbuilder';
import { ResponseCollector } from '../src/http/response-collector';
import { createServer, listen } from '../src/index';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 0);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const state = new ConversationState(new MemoryStorage());
  const count = state.createProperty<number>('count');
  const routes = [
    {
      method: 'POST' as const,
      path: '/api/messages',
      async handle(request: { body: unknown; headers: Record<string, unknown>; method: string }) {
        const response = new ResponseCollector();
        await adapter.process({ body: request.body as Record<string, unknown>, headers: request.headers, method: request.method } as Request, response, async (context) => {
          if (context.activity.type === 'message') {
            await count.set(context, ((await count.get(context, 0)) ?? 0) + 1);
            await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
          }
          await state.saveChanges(context);
        });
        return response.toHttp();
      },
    },
    { method: 'GET' as const, path: '/healthz', handle: async () => ({ status: 200, body: { status: 'ok' } }) },
  ];
  const bound = await listen(createServer({ routes }), port, '127.0.0.1');
  console.log(JSON.stringify({ listening: bound }));
}

void main();
