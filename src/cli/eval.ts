import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { z } from 'zod/v4';
import { KnowledgeLoadError } from '../errors';
import { SOURCE_LOCALE, isLocale, type Locale } from '../i18n/locales';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { loadKnowledge } from '../knowledge/loader';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../paths';
import { SearchEngine } from '../search/search-engine';

const EVAL_DIR = join(REPO_ROOT, 'test', 'fixtures', 'eval');
/** A locale with at least this many lines must reach both rates, or the run fails. */
const GATE = { minLines: 40, hit1: 0.9, outOfScope: 0.9 } as const;

const lineSchema = z.object({ text: z.string().trim().min(1), expect: z.string().min(1).nullable() });
type EvalLine = z.infer<typeof lineSchema>;

/** What a searcher returned for one line, reduced to what the figures need. */
interface Ranking {
  /** Best first; for an `answer` its id comes first. */
  readonly ids: readonly string[];
  readonly answered: string | null;
  readonly declined: boolean;
}

interface Figures {
  n: number;
  inScope: number;
  hit1: number;
  hit3: number;
  answeredRight: number;
  answeredWrong: number;
  outOfScope: number;
  declined: number;
}

const emptyFigures = (): Figures => ({ n: 0, inScope: 0, hit1: 0, hit3: 0, answeredRight: 0, answeredWrong: 0, outOfScope: 0, declined: 0 });

function readEvalFile(file: string, kb: KnowledgeBase, problems: string[]): EvalLine[] {
  const lines: EvalLine[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const where = `${file.slice(REPO_ROOT.length + 1)}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        problems.push(`${where}: not valid JSON`);
        return;
      }
      const parsed = lineSchema.safeParse(json);
      if (!parsed.success) problems.push(`${where}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      else if (parsed.data.expect !== null && !kb.has(parsed.data.expect)) problems.push(`${where}: "${parsed.data.expect}" is not an entry id`);
      else lines.push(parsed.data);
    });
  return lines;
}

function measure(lines: readonly EvalLine[], rank: (text: string) => Ranking, misses?: string[]): Figures {
  const f = emptyFigures();
  for (const line of lines) {
    const r = rank(line.text);
    f.n++;
    if (line.expect === null) {
      f.outOfScope++;
      if (r.declined) f.declined++;
      else misses?.push(`  out of scope, got ${r.ids.join(', ')}: ${line.text}`);
      continue;
    }
    f.inScope++;
    if (r.ids[0] === line.expect) f.hit1++;
    else misses?.push(`  want ${line.expect}, got ${r.declined ? 'none' : r.ids.join(', ')}: ${line.text}`);
    if (r.ids.slice(0, 3).includes(line.expect)) f.hit3++;
    if (r.answered === line.expect) f.answeredRight++;
    else if (r.answered !== null) f.answeredWrong++;
  }
  return f;
}

function engineRanker(engine: SearchEngine, locale: Locale): (text: string) => Ranking {
  return (text) => {
    const r = engine.search(text, locale);
    const ids = r.id ? [r.id, ...r.candidates.filter((c) => c !== r.id)] : r.candidates;
    return { ids, answered: r.id, declined: r.outcome === 'none' };
  };
}

/**
 * The baseline: fuse.js with default options over the same fields (questions, keywords, title, answer) of the
 * entries a user of the locale is shown (that locale and English), its top result taken as the answer.
 */
function baselineRanker(kb: KnowledgeBase, locale: Locale): (text: string) => Ranking {
  const locales = locale === SOURCE_LOCALE ? [locale] : [locale, SOURCE_LOCALE];
  const docs = locales.flatMap((l) => kb.entriesIn(l));
  const fuse = new Fuse(docs, { keys: ['questions', 'keywords', 'title', 'answer'] });
  return (text) => {
    const ids = [...new Set(fuse.search(text).map((r) => r.item.id))];
    return { ids, answered: ids[0] ?? null, declined: ids.length === 0 };
  };
}

const rate = (part: number, whole: number) => (whole ? (part / whole).toFixed(2) : '  – ');

function row(label: string, f: Figures): string {
  return [
    label.padEnd(9),
    String(f.n).padStart(4),
    rate(f.hit1, f.inScope).padStart(6),
    rate(f.hit3, f.inScope).padStart(6),
    rate(f.answeredRight, f.inScope).padStart(8),
    rate(f.answeredWrong, f.inScope).padStart(6),
    rate(f.declined, f.outOfScope).padStart(5),
  ].join('  ');
}

function add(total: Figures, f: Figures): void {
  for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += f[key];
}

const USAGE = `Usage: npm run eval [-- --verbose] [--locale vi …] [--no-baseline]
  --verbose       list every miss
  --locale xx     only this locale (repeat for more)
  --no-baseline   skip the fuse.js baseline (the slow part)`;

/**
 * `npm run eval [-- --verbose] [--locale vi …] [--no-baseline]`: runs every `test/fixtures/eval/<locale>.jsonl`
 * through the search engine and through a plain fuse.js baseline, and prints per locale: lines, hit@1, hit@3 (over
 * in-scope lines), how often the engine answered right and wrong outright, and the share of out-of-scope lines
 * declined. `--verbose` lists every miss; `--locale` and `--no-baseline` make a translator's check quick (the
 * baseline is the slow part). Exits 1 when a locale with at least 40 lines is below 0.9 on hit@1 or out-of-scope,
 * or when a line is invalid; 2 on an unknown option.
 */
function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        verbose: { type: 'boolean', default: false },
        locale: { type: 'string', multiple: true, default: [] },
        'no-baseline': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { verbose } = values;
  const baseline = !values['no-baseline'];
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge({ root: KNOWLEDGE_DIR });
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError)) throw error;
    console.error(error.message);
    return 1;
  }
  const engine = SearchEngine.build(kb);
  const problems: string[] = [];
  const failures: string[] = [];
  const header = `${'locale'.padEnd(9)}     n   hit@1  hit@3  answered  wrong  oos`;
  const engineRows: string[] = [];
  const baselineRows: string[] = [];
  const total = emptyFigures();
  const baselineTotal = emptyFigures();
  const files = readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.jsonl') && (values.locale.length === 0 || values.locale.includes(f.replace(/\.jsonl$/, ''))))
    .sort();
  for (const file of files) {
    const locale = file.replace(/\.jsonl$/, '');
    if (!isLocale(locale)) {
      problems.push(`${file}: "${locale}" is not a supported locale`);
      continue;
    }
    const lines = readEvalFile(join(EVAL_DIR, file), kb, problems);
    const misses: string[] = [];
    const f = measure(lines, engineRanker(engine, locale), misses);
    add(total, f);
    engineRows.push(row(locale, f));
    if (baseline) {
      const b = measure(lines, baselineRanker(kb, locale));
      add(baselineTotal, b);
      baselineRows.push(row(locale, b));
    }
    if (verbose && misses.length) engineRows.push(...misses);
    if (f.n >= GATE.minLines && f.inScope && f.hit1 / f.inScope < GATE.hit1) failures.push(`${locale}: hit@1 ${rate(f.hit1, f.inScope)} < ${GATE.hit1}`);
    if (f.n >= GATE.minLines && f.outOfScope && f.declined / f.outOfScope < GATE.outOfScope) {
      failures.push(`${locale}: out-of-scope declined ${rate(f.declined, f.outOfScope)} < ${GATE.outOfScope}`);
    }
  }
  console.log(`Search engine\n${header}\n${engineRows.join('\n')}\n${row('total', total)}`);
  if (baseline) {
    console.log(`\nBaseline: fuse.js, default options, same entries\n${header}\n${baselineRows.join('\n')}\n${row('total', baselineTotal)}`);
  }
  console.log('\nhit@1/hit@3 over in-scope lines; answered/wrong: answered outright with the right/a wrong entry; oos: out-of-scope lines declined.');
  if (problems.length) console.error(`\nInvalid eval lines:\n  ${problems.join('\n  ')}`);
  if (failures.length) console.error(`\nBelow the gate (locales with ≥ ${GATE.minLines} lines):\n  ${failures.join('\n  ')}`);
  return problems.length || failures.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
