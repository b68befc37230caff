import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { LOCALES_DIR, REPO_ROOT } from '../../src/paths';
import { buildAppPackage, buildManifest, TEAMS_LANGUAGE_TAGS } from '../../src/teams/app-package';

const BOT_ID = '3f2b8c1e-5d4a-4b6f-9e2d-1a2b3c4d5e6f';
const schemaDir = join(REPO_ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.19');
const readSchema = (name: string) => JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as Record<string, unknown>;

function validator(schema: Record<string, unknown>) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const { $schema: _ignored, ...rest } = schema;
  return ajv.compile(rest);
}

let files: Record<string, Buffer>;
beforeAll(async () => {
  const zip = await JSZip.loadAsync(await buildAppPackage(BOT_ID, '0.1.0', createTranslator(LOCALES_DIR)));
  files = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('nodebuffer');
});

describe('the Teams app package', () => {
  it('holds the manifest, both icons and one file per Teams language', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', ...Object.values(TEAMS_LANGUAGE_TAGS).map((t) => `${t}.json`)].sort());
  });

  it('has a manifest that the official v1.19 schema accepts', () => {
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
    const validate = validator(readSchema('MicrosoftTeams.schema.json'));
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(['menu', 'sectors', 'duration', 'japanese', 'help', 'language']);
  });

  it('localises the manifest strings, each file accepted by the localization schema', () => {
    const validate = validator(readSchema('MicrosoftTeams.Localization.schema.json'));
    const t = createTranslator(LOCALES_DIR);
    for (const [locale, tag] of Object.entries(TEAMS_LANGUAGE_TAGS)) {
      const strings = JSON.parse(files[`${tag}.json`]!.toString('utf8'));
      expect(validate(strings), `${tag}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(strings['name.short']).toBe(t.t(locale as never, 'teams.shortName'));
    }
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = PNG.sync.read(files['color.png']!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(files['outline.png']!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
      if (a === 0) transparent += 1;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  });

  it('refuses a bot id that is not a GUID, saying what to set', () => {
    expect(() => buildManifest('my-bot', '0.1.0', createTranslator(LOCALES_DIR))).toThrow(/MicrosoftAppId/);
  });
});
