import { TestAdapter, type TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_CONFIGURATION_KEY } from '../../src/bot/titp-bot';
import { buildTestApp, readActivity } from '../helpers/conversation';

let shared: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  shared = await buildTestApp();
});

describe('dialog memory configuration', () => {
  it('is built on the first turn and handed to every later turn and conversation, which still work', async () => {
    const seen: unknown[] = [];
    const adapterFor = (conversation: string) => {
      const adapter = new TestAdapter(async (context: TurnContext) => {
        await shared.app.bot.run(context);
        seen.push(context.turnState.get(STATE_CONFIGURATION_KEY));
      });
      adapter.template.conversation = { id: conversation, isGroup: false, conversationType: 'personal', name: '' };
      return adapter;
    };
    const first = adapterFor('config-1');
    await first.send('sectors');
    const sectors = first.activeQueue.splice(0).map(readActivity);
    await first.send('1');
    const picked = first.activeQueue.splice(0).map(readActivity);
    const second = adapterFor('config-2');
    await second.send('menu');
    const menu = second.activeQueue.splice(0).map(readActivity);

    const configuration = seen[0] as DialogStateManagerConfiguration;
    expect(configuration.memoryScopes.length).toBeGreaterThan(0);
    expect(configuration.pathResolvers.length).toBeGreaterThan(0);
    expect(seen).toEqual([configuration, configuration, configuration]);
    expect(seen[1]).toBe(configuration);
    expect(seen[2]).toBe(configuration);
    expect(sectors[0]?.buttons.length).toBeGreaterThan(1);
    expect(picked.map((r) => r.cardText).join('\n')).toContain(sectors[0]!.buttons[0]!);
    expect(menu[0]?.values).toContainEqual({ a: 'go', to: 'sectors' });
  });
});
