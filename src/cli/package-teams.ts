import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { createTranslator } from '../i18n/translator';
import { LOCALES_DIR, REPO_ROOT } from '../paths';
import { buildAppPackage } from '../teams/app-package';
import { environment } from './env-file';

/** `npm run package:teams [-- --bot-id <guid>] [--out file]`: builds the Teams app zip from config and locales/. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'bot-id': { type: 'string' }, out: { type: 'string' } } });
  let botId = values['bot-id'];
  try {
    botId ??= loadConfig(environment()).MicrosoftAppId;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (!botId) {
    console.error('No bot id: set MicrosoftAppId (your Azure Bot app id) or pass --bot-id <guid>.');
    return 2;
  }
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const out = values.out ?? join(REPO_ROOT, 'dist', 'appPackage.zip');
  try {
    const zip = await buildAppPackage(botId, version, createTranslator(LOCALES_DIR));
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, zip);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  console.log(`Wrote ${out}. Upload it in Teams: Apps → Manage your apps → Upload an app.`);
  return 0;
}

void main().then((code) => (process.exitCode = code));
