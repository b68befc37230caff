import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SOURCE_LOCALE, isLocale, type Locale } from '../src/i18n/locales';
import { KnowledgeBase } from '../src/knowledge/knowledge-base';
import { loadKnowledge } from '../src/knowledge/loader';
import type { KnowledgeEntry } from '../src/knowledge/schema';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../src/paths';
import { SearchEngine } from '../src/search/search-engine';

/**
 * `npm run bench:search`: query latency (median and p99) and index build time, on the real knowledge base with
 * every locale loaded and on 10,000 synthetic entries. Targets: p99 < 1 ms (real), p99 < 5 ms (10,000), build
 * < 1 s. Prints Markdown rows for docs/benchmarks.md. Not a test: timings depend on the machine, and on what else
 * runs on it, so wall-clock figures come with the load average and with CPU-time figures, which other processes
 * disturb far less.
 */

interface Query {
  readonly text: string;
  readonly locale: Locale;
}

const ROUNDS = 10;
const SYNTHETIC_ENTRIES = 10_000;

/** A seeded generator, so every run measures the same synthetic data and queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Latency {
  readonly samples: number;
  readonly wall: { readonly median: number; readonly p99: number };
  readonly cpu: { readonly median: number; readonly p99: number };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function summary(values: number[]): { median: number; p99: number } {
  values.sort((a, b) => a - b);
  return { median: percentile(values, 0.5), p99: percentile(values, 0.99) };
}

function timeQueries(engine: SearchEngine, queries: readonly Query[]): Latency {
  for (const q of queries) engine.search(q.text, q.locale);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const startCpu = cpuMs();
      const start = performance.now();
      engine.search(q.text, q.locale);
      wall.push(performance.now() - start);
      cpu.push(cpuMs() - startCpu);
    }
  }
  return { samples: wall.length, wall: summary(wall), cpu: summary(cpu) };
}

/** The first build of a process (cold: nothing compiled yet, as at start-up) and the median of five. */
function timeBuild(kb: KnowledgeBase): { first: number; median: number; firstCpu: number } {
  const runs: number[] = [];
  let firstCpu = 0;
  for (let i = 0; i < 5; i++) {
    const startCpu = cpuMs();
    const start = performance.now();
    SearchEngine.build(kb);
    runs.push(performance.now() - start);
    if (i === 0) firstCpu = cpuMs() - startCpu;
  }
  return { first: runs[0]!, median: [...runs].sort((a, b) => a - b)[2]!, firstCpu };
}

/** Users' phrasings: the eval lines, plus each entry's questions lower-cased with a letter dropped (a typo). */
function realQueries(kb: KnowledgeBase): Query[] {
  const dir = join(REPO_ROOT, 'test', 'fixtures', 'eval');
  const queries: Query[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const locale = file.replace(/\.jsonl$/, '');
    if (!isLocale(locale)) continue;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim())) {
      queries.push({ text: (JSON.parse(line) as { text: string }).text, locale });
    }
  }
  for (const locale of kb.locales()) {
    for (const entry of kb.entriesIn(locale)) {
      for (const q of entry.questions) queries.push({ text: q.toLowerCase().replace(/(.{4})./u, '$1'), locale });
    }
  }
  return queries;
}

const WORDS =
  'passport visa salary wage fee broker company employer contract insurance pension refund family wife child stage test ' +
  'skills japanese language school study lesson factory farm fishing boat construction welding sewing food care nursing ' +
  'elderly hospital doctor police help hotline agency organisation certificate application apply age year month week ' +
  'money loan debt bank savings deposit penalty harassment violence report change transfer job work hours overtime ' +
  'holiday leave dormitory rent tax residence card status renew extend return home country embassy training lecture';

function syntheticKb(): { kb: KnowledgeBase; queries: Query[] } {
  const rand = random(42);
  const vocabulary = [...WORDS.split(' '), ...Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}n`)];
  const pick = () => vocabulary[Math.floor(rand() * rand() * vocabulary.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, pick).join(' ');
  const entries = new Map<string, KnowledgeEntry>();
  for (let i = 0; i < SYNTHETIC_ENTRIES; i++) {
    const id = `entry-${i}`;
    entries.set(id, {
      id,
      locale: SOURCE_LOCALE,
      title: `${sentence(6)}?`,
      questions: [sentence(10), sentence(10), sentence(9)],
      keywords: Array.from({ length: 5 }, () => sentence(1 + Math.floor(rand() * 2))),
      followUps: [],
      tags: { programme: ['general'], sector: [], country: [] },
      sources: [{ title: 'OTIT', url: 'https://www.otit.go.jp/' }],
      lastReviewed: '2026-11-27',
      answer: sentence(65),
      file: `en/${id}.md`,
    });
  }
  const real = loadKnowledge({ root: KNOWLEDGE_DIR, locales: [SOURCE_LOCALE] });
  const kb = new KnowledgeBase(new Map([[SOURCE_LOCALE, entries]]), new Map([[SOURCE_LOCALE, real.synonyms(SOURCE_LOCALE)]]), new Map());
  const all = [...entries.values()];
  const queries = Array.from({ length: 500 }, (_, i): Query => {
    const entry = all[Math.floor(rand() * all.length)]!;
    const words = entry.questions[i % 3]!.split(' ');
    const kept = words.filter(() => rand() > 0.3).join(' ');
    return { text: i % 10 === 0 ? sentence(5) : i % 3 === 0 ? `${kept} ${sentence(8)}` : kept, locale: SOURCE_LOCALE };
  });
  return { kb, queries };
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

function row(label: string, latency: Latency, target: string, build: ReturnType<typeof timeBuild>): string {
  const { wall, cpu } = latency;
  return `| ${label} | ${latency.samples} | ${ms(wall.median)} / ${ms(wall.p99)} | ${ms(cpu.median)} / ${ms(cpu.p99)} | ${target} | ${ms(build.first)} (cpu ${ms(build.firstCpu)}) / ${ms(build.median)} |`;
}

function main(): void {
  const kb = loadKnowledge({ root: KNOWLEDGE_DIR });
  const realBuild = timeBuild(kb);
  const real = timeQueries(SearchEngine.build(kb), realQueries(kb));
  const synthetic = syntheticKb();
  const syntheticBuild = timeBuild(synthetic.kb);
  const big = timeQueries(SearchEngine.build(synthetic.kb), synthetic.queries);
  const entries = kb.locales().reduce((n, l) => n + kb.entriesIn(l).length, 0);
  console.log(`Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log('| data | queries timed | wall median / p99 | cpu median / p99 | target p99 | index build: first / median of 5 |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(row(`real knowledge base, ${kb.locales().length} locales, ${entries} entries`, real, '< 1 ms', realBuild));
  console.log(row(`${SYNTHETIC_ENTRIES.toLocaleString('en')} synthetic entries`, big, '< 5 ms', syntheticBuild));
}

main();
