import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod/v4';
import { KnowledgeLoadError, LocaleLoadError } from '../errors';
import { SOURCE_LOCALE, SUPPORTED_LOCALES, isLocale, type Locale } from '../i18n/locales';
import { createTranslator } from '../i18n/translator';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { loadKnowledge } from '../knowledge/loader';
import { KNOWLEDGE_DIR, LOCALES_DIR } from '../paths';
import { menuReply } from '../../dialogs/menu';
import { composeReply } from '../replies/compose';
import { renderReplyText } from '../replies/render-text';
import { SearchEngine, type SearchOutcome } from '../search/search-engine';

const USAGE = `Usage:
  npm run --silent ask -- --locale vi "câu hỏi"          the reply, as the bot would give it
  npm run --silent ask -- --json --locale vi "câu hỏi"   the search result as one JSON object
  npm run --silent ask -- --jsonl < questions.jsonl      reads {"locale","text"} lines, prints one result per line
  npm run --silent ask -- --list-ids --locale th         the entry ids present in a locale
--locale defaults to en; --knowledge <dir> reads another knowledge folder. Locales: ${SUPPORTED_LOCALES.join(' ')}`;

/** The JSON contract of `--json` and `--jsonl`; tools and tests depend on these exact fields. */
interface AskResult {
  readonly locale: Locale;
  readonly text: string;
  readonly outcome: SearchOutcome;
  readonly id: string | null;
  readonly candidates: readonly string[];
  readonly confidence: number;
  /** The locale of the entry that would be shown: the user's when translated, else English; null for `none`. */
  readonly answerLocale: Locale | null;
}

const jsonlLine = z.object({ locale: z.string(), text: z.string() });

function ask(engine: SearchEngine, kb: KnowledgeBase, locale: Locale, text: string): AskResult {
  const result = engine.search(text, locale);
  const shown = result.id ?? result.candidates[0];
  const entry = result.outcome === 'none' || !shown ? undefined : kb.get(shown, locale);
  return {
    locale,
    text,
    outcome: result.outcome,
    id: result.id,
    candidates: result.candidates,
    confidence: result.confidence,
    answerLocale: entry ? (entry.isFallback ? SOURCE_LOCALE : locale) : null,
  };
}

function answerLine(engine: SearchEngine, kb: KnowledgeBase, raw: string, lineNumber: number): string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return JSON.stringify({ error: `line ${lineNumber}: not valid JSON` });
  }
  const parsed = jsonlLine.safeParse(json);
  if (!parsed.success) return JSON.stringify({ error: `line ${lineNumber}: expected {"locale": string, "text": string}` });
  const { locale, text } = parsed.data;
  if (!isLocale(locale)) return JSON.stringify({ error: `line ${lineNumber}: unknown locale "${locale}"` });
  if (!text.trim()) return JSON.stringify({ error: `line ${lineNumber}: empty text` });
  return JSON.stringify(ask(engine, kb, locale, text));
}

/** Answers stdin line by line, in order, so a caller can pair inputs and outputs by position. */
async function answerStream(engine: SearchEngine, kb: KnowledgeBase): Promise<void> {
  let lineNumber = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    const out = answerLine(engine, kb, raw, lineNumber);
    if (!process.stdout.write(`${out}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** The reply as the bot would give it outside a guided dialog: small talk gets its own reply, anything else search's. */
function replyText(engine: SearchEngine, kb: KnowledgeBase, locale: Locale, text: string): string {
  const uiLocales = existsSync(join(LOCALES_DIR, `${locale}.json`)) ? [locale] : [SOURCE_LOCALE];
  const t = createTranslator(LOCALES_DIR, uiLocales);
  const result = engine.search(text, locale);
  if (result.smallTalk === 'thanks') return t.t(locale, 'smallTalk.thanks');
  if (result.smallTalk) return renderReplyText(menuReply(locale, t, `smallTalk.${result.smallTalk}`));
  return renderReplyText(composeReply({ kb, t, locale }, result));
}

/** Reads the command line; throws a message for the user on anything wrong. */
function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'list-ids': { type: 'boolean', default: false },
      locale: { type: 'string', default: SOURCE_LOCALE },
      knowledge: { type: 'string', default: KNOWLEDGE_DIR },
    },
  });
  if (!isLocale(values.locale)) throw new Error(`Unknown locale "${values.locale}".`);
  const text = positionals.join(' ').trim();
  if (!values.jsonl && !values['list-ids'] && !text) throw new Error('Missing the question text.');
  return { ...values, locale: values.locale, text };
}

/**
 * `npm run ask`: asks the search engine from the shell, in four modes (see USAGE). Exit codes: 0 done, 1 the
 * knowledge base or UI strings failed to load, 2 bad arguments.
 */
async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const kb = loadKnowledge({ root: args.knowledge });
    if (args['list-ids']) {
      const ids = kb.idsIn(args.locale);
      if (ids.length) console.log(ids.join('\n'));
      return 0;
    }
    const engine = SearchEngine.build(kb);
    if (args.jsonl) {
      await answerStream(engine, kb);
      return 0;
    }
    console.log(args.json ? JSON.stringify(ask(engine, kb, args.locale, args.text)) : replyText(engine, kb, args.locale, args.text));
    return 0;
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError || error instanceof LocaleLoadError)) throw error;
    console.error(error.message);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
