import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, SOURCE_LOCALE } from '../i18n/locales';
import { loadKnowledge } from '../knowledge/loader';
import { KNOWLEDGE_DIR } from '../paths';

/**
 * `npm run knowledge:stamp -- --locale vi [--id wages]`: records the current English revision in translations.
 * Run it only after bringing the translation up to date; it is how a translator says "this matches English now".
 */
function main(): number {
  const { values } = parseArgs({ options: { locale: { type: 'string' }, id: { type: 'string', multiple: true } } });
  if (!isLocale(values.locale) || values.locale === SOURCE_LOCALE) {
    console.error('Usage: npm run knowledge:stamp -- --locale <translated locale> [--id <entry-id> ...]');
    return 2;
  }
  const locale = values.locale;
  const kb = loadKnowledge({ root: KNOWLEDGE_DIR, locales: [SOURCE_LOCALE] });
  const ids = values.id?.length ? values.id : kb.ids();
  let stamped = 0;
  for (const id of ids) {
    const revision = kb.revision(id);
    if (!revision) {
      console.error(`No English entry "${id}".`);
      return 2;
    }
    const file = join(KNOWLEDGE_DIR, locale, `${id}.md`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      if (values.id?.length) console.error(`Not translated yet: ${file}`);
      continue;
    }
    const next = text.replace(/(\n\s+revision:\s*)["']?[0-9a-f]*["']?/, `$1"${revision}"`);
    if (next === text && !text.includes(`revision: "${revision}"`)) {
      console.error(`${file}: no "translation.revision" field to stamp; add the translation block first.`);
      return 2;
    }
    writeFileSync(file, next);
    stamped += 1;
  }
  console.log(`Stamped ${stamped} ${locale} entr${stamped === 1 ? 'y' : 'ies'}.`);
  return 0;
}

process.exitCode = main();
