import { ConfigError, KnowledgeLoadError } from '../errors';
import { loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/loader';
import { KNOWLEDGE_DIR } from '../paths';
import { environment } from './env-file';
import { loadSearchEngine } from '../search/index-cache';

/**
 * Run by `npm run build`: builds the search index into `SEARCH_INDEX_CACHE` (unless it is `off` or already current),
 * so even the first `npm start` loads it instead of building it. Exits 1 on a broken knowledge file or config.
 */
function main(): number {
  try {
    const config = loadConfig(environment());
    if (!config.SEARCH_INDEX_CACHE) return 0;
    const started = performance.now();
    const kb = loadKnowledge({ root: KNOWLEDGE_DIR });
    const loaded = loadSearchEngine(kb, { file: config.SEARCH_INDEX_CACHE });
    const ms = Math.round(performance.now() - started);
    if (loaded.saveError) {
      console.error(`search index built but not saved to ${config.SEARCH_INDEX_CACHE}: ${loaded.saveError}`);
      return 0;
    }
    console.log(`search index ${loaded.from === 'cache' ? 'already current' : 'built'}: ${config.SEARCH_INDEX_CACHE} (${ms} ms)`);
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeLoadError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
