import { ConfigError, KnowledgeLoadError } from '../errors';
import { loadConfig } from '../config';
import { loadKnowledgeCached } from '../knowledge/knowledge-cache';
import { KNOWLEDGE_DIR } from '../paths';
import { environment } from './env-file';
import { loadSearchEngine } from '../search/index-cache';

/**
 * Run by `npm run build`: validates the knowledge base into `KNOWLEDGE_CACHE` and builds the search index into
 * `SEARCH_INDEX_CACHE` (each unless it is `off` or already current), so even the first `npm start` loads them
 * instead of doing that work. Exits 1 on a broken knowledge file or config.
 */
function main(): number {
  try {
    const config = loadConfig(environment());
    const started = performance.now();
    const knowledge = loadKnowledgeCached({ root: KNOWLEDGE_DIR, file: config.KNOWLEDGE_CACHE });
    const kbMs = Math.round(performance.now() - started);
    if (knowledge.saveError) console.error(`knowledge validated but not saved to ${config.KNOWLEDGE_CACHE}: ${knowledge.saveError}`);
    else if (config.KNOWLEDGE_CACHE) {
      console.log(`knowledge ${knowledge.from === 'cache' ? 'already validated' : 'validated'}: ${config.KNOWLEDGE_CACHE} (${kbMs} ms)`);
    }
    if (!config.SEARCH_INDEX_CACHE) return 0;
    const indexStarted = performance.now();
    const loaded = loadSearchEngine(knowledge.kb, { file: config.SEARCH_INDEX_CACHE, knowledgeFingerprint: knowledge.fingerprint });
    const ms = Math.round(performance.now() - indexStarted);
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
