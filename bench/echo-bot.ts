/**
 * The framework's floors for `npm run bench:load`, run as a child process on the same stack as the real bot (restify
 * through our server module, CloudAdapter, MemoryStorage):
 * - `echo`: a bare echo bot with conversation state, the floor the issue sets;
 * - `dialog-echo` (`--dialogs`): the same echo answered by a root `ComponentDialog` that never ends, with user state
 *   beside conversation state, which is the shape of every botbuilder-dialogs bot, ours included. The difference
 *   between the two is what the dialog system and a second state cost before a bot does any work of its own.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type Request,
  type TurnContext,
} from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus } from '../src/bot/dialog-sdk';
import { ResponseCollector } from '../src/http/response-collector';
import { createLogger } from '../src/logger';
import { createServer, listen } from '../src/index';

/** Echoes every message from inside the dialog stack, as the real bot's root dialog answers from inside it. */
class EchoRootDialog extends ComponentDialog {
  constructor() {
    super('root');
  }

  protected override async onBeginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(dc);
  }

  protected override async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(`echo: ${dc.context.activity.text ?? ''}`);
    return Dialog.EndOfTurn;
  }
}

function plainEcho(storage: MemoryStorage): (context: TurnContext) => Promise<void> {
  const state = new ConversationState(storage);
  const count = state.createProperty<number>('count');
  return async (context) => {
    if (context.activity.type === 'message') {
      await count.set(context, ((await count.get(context, 0)) ?? 0) + 1);
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    }
    await state.saveChanges(context);
  };
}

function dialogEcho(storage: MemoryStorage): (context: TurnContext) => Promise<void> {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const profile = userState.createProperty<{ locale?: string }>('profile');
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  dialogs.add(new EchoRootDialog());
  return async (context) => {
    await profile.get(context, {});
    if (context.activity.type === 'message') {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('root');
    }
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 0);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logic = (process.argv.includes('--dialogs') ? dialogEcho : plainEcho)(new MemoryStorage());
  const routes = [
    {
      method: 'POST' as const,
      path: '/api/messages',
      async handle(request: { body: unknown; headers: Record<string, unknown>; method: string }) {
        const response = new ResponseCollector();
        await adapter.process({ body: request.body as Record<string, unknown>, headers: request.headers, method: request.method } as Request, response, logic);
        return response.toHttp();
      },
    },
    { method: 'GET' as const, path: '/healthz', handle: async () => ({ status: 200, body: { status: 'ok' } }) },
  ];
  const bound = await listen(createServer({ routes, logger: createLogger('warn') }), port, '127.0.0.1');
  console.log(JSON.stringify({ listening: bound }));
}

void main();
