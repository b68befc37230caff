import { KnowledgeLoadError } from '../errors';
import { SUPPORTED_LOCALES, SOURCE_LOCALE } from '../i18n/locales';
import { loadKnowledge } from '../knowledge/loader';
import { statusTable, translationReport } from '../knowledge/report';
import { KNOWLEDGE_DIR } from '../paths';
import { REQUIRED_ENTRY_IDS } from '../knowledge/required-ids';

/**
 * `npm run check:knowledge`: validates every file and lists, per locale, the entries that are missing, stale or not
 * reviewed by a native speaker (`--markdown` prints the README table). Exits 1 when a file is invalid, or a required
 * entry is missing in English or in a locale that has a knowledge folder.
 */
function main(): number {
  let kb;
  try {
    kb = loadKnowledge({ root: KNOWLEDGE_DIR });
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const missingRequired = REQUIRED_ENTRY_IDS.filter((id) => !kb.has(id));
  const verbose = process.argv.includes('--verbose');
  const rows = translationReport(kb, SUPPORTED_LOCALES.filter((l) => l !== SOURCE_LOCALE));
  if (process.argv.includes('--markdown')) {
    console.log(statusTable(rows, kb.ids().length));
    return missingRequired.length ? 1 : 0;
  }
  console.log(`English entries: ${kb.ids().length} (${REQUIRED_ENTRY_IDS.length} required)`);
  if (missingRequired.length) console.log(`MISSING required English entries: ${missingRequired.join(', ')}`);
  console.log('\nlocale  current  missing  stale  unreviewed');
  for (const r of rows) {
    console.log(`${r.locale.padEnd(6)}  ${String(r.current).padStart(7)}  ${String(r.missing.length).padStart(7)}  ${String(r.stale.length).padStart(5)}  ${String(r.unreviewed.length).padStart(10)}`);
  }
  for (const r of rows) {
    if (r.stale.length) console.log(`\n${r.locale} stale (English changed since translation):\n  ${r.stale.map((id) => `${id} → current revision ${kb.revision(id)}`).join('\n  ')}`);
    if (verbose && r.missing.length) console.log(`\n${r.locale} missing:\n  ${r.missing.join('\n  ')}`);
  }
  const incomplete = rows.filter((r) => kb.locales().includes(r.locale) && REQUIRED_ENTRY_IDS.some((id) => r.missing.includes(id)));
  for (const r of incomplete) console.log(`\n${r.locale} lacks required entries: ${REQUIRED_ENTRY_IDS.filter((id) => r.missing.includes(id)).join(', ')}`);
  return missingRequired.length || incomplete.length ? 1 : 0;
}

process.exitCode = main();
