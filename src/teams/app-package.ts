import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Locale } from '../i18n/locales';
import type { Translator } from '../i18n/translator';
import { REPO_ROOT } from '../paths';

export const APP_PACKAGE_DIR = join(REPO_ROOT, 'appPackage');

/**
 * Our locales that Teams offers as app languages, with the tag Teams expects. Teams reads `localizationInfo` only
 * for its own display languages; the bot itself still speaks all 19 in chat.
 */
export const TEAMS_LANGUAGE_TAGS: Partial<Record<Locale, string>> = {
  ja: 'ja-jp',
  zh: 'zh-cn',
  vi: 'vi-vn',
  id: 'id-id',
  th: 'th-th',
  hi: 'hi-in',
  es: 'es-es',
};

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The manifest keys Teams lets a language file translate, mapped to our `teams.*` UI strings. */
const LOCALIZED_KEYS: ReadonlyArray<[string, string]> = [
  ['name.short', 'teams.shortName'],
  ['name.full', 'teams.fullName'],
  ['description.short', 'teams.shortDescription'],
  ['description.full', 'teams.fullDescription'],
  ...['commandMenu', 'commandSectors', 'commandDuration', 'commandJapanese', 'commandHelp', 'commandLanguage'].map(
    (key, i) => [`bots[0].commandLists[0].commands[${i}].description`, `teams.${key}`] as [string, string],
  ),
];

/** Fills the manifest template: bot id, version, and English strings from locales/en.json. */
export function buildManifest(botId: string, version: string, t: Translator): Record<string, unknown> {
  if (!GUID.test(botId)) throw new Error(`The bot id "${botId}" is not a GUID. Set MicrosoftAppId to your Azure Bot's app id.`);
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.template.json'), 'utf8');
  const filled = template.replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
    if (key === 'botId') return botId;
    if (key === 'version') return version;
    return JSON.stringify(t.t('en', key)).slice(1, -1);
  });
  const manifest = JSON.parse(filled) as Record<string, unknown> & { localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] } };
  manifest.localizationInfo.additionalLanguages = Object.entries(TEAMS_LANGUAGE_TAGS).map(([, tag]) => ({ languageTag: tag!, file: `${tag}.json` }));
  return manifest;
}

/** One Teams language file: the translated manifest strings for a locale. */
export function buildLanguageFile(locale: Locale, t: Translator): Record<string, string> {
  return {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.Localization.schema.json',
    ...Object.fromEntries(LOCALIZED_KEYS.map(([path, key]) => [path, t.t(locale, key)])),
  };
}

/** Builds the zip Teams installs: manifest, both icons and one file per Teams language. */
export async function buildAppPackage(botId: string, version: string, t: Translator): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(buildManifest(botId, version, t), null, 2));
  zip.file('color.png', readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
  zip.file('outline.png', readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
  for (const [locale, tag] of Object.entries(TEAMS_LANGUAGE_TAGS)) {
    zip.file(`${tag}.json`, JSON.stringify(buildLanguageFile(locale as Locale, t), null, 2));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
