import * as dialogs from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/bot/dialog-sdk';
import { modulesLoadedByApp } from '../helpers/loaded-modules';

describe('dialog SDK imports', () => {
  it('are the package’s own classes', () => {
    expect(Object.keys(sdk).sort()).toEqual(['ComponentDialog', 'Dialog', 'DialogSet', 'DialogTurnStatus', 'WaterfallDialog']);
    for (const [name, value] of Object.entries(sdk)) expect(value, name).toBe(dialogs[name as keyof typeof dialogs]);
  });

  it('leave prompts, the Recognizers-Text suites and the Azure Blob SDK unloaded when the app is built', () => {
    const loaded = modulesLoadedByApp();
    expect(loaded.some((file) => file.includes('botbuilder-dialogs'))).toBe(true);
    expect(loaded.filter((file) => /botbuilder-dialogs[\\/]lib[\\/]prompts|recognizers-text|storage-blob/.test(file))).toEqual([]);
  });
});
