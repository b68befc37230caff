import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYamlData, YamlSyntaxError } from './yaml';
import type { z } from 'zod/v4';
import { KnowledgeLoadError } from '../errors';
import { SOURCE_LOCALE, SUPPORTED_LOCALES, isLocale, type Locale } from '../i18n/locales';
import { englishRevision } from './revision';
import {
  MAX_ANSWER_CHARS_EN,
  MAX_ANSWER_CHARS_TRANSLATED,
  englishFrontMatterSchema,
  officialDomainsSchema,
  synonymFileSchema,
  translatedFrontMatterSchema,
  type KnowledgeEntry,
  type Translation,
  type SynonymFile,
} from './schema';
import { KnowledgeBase } from './knowledge-base';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

function readYaml(file: string, rel: string, text: string, entryId?: string): unknown {
  try {
    return parseYamlData(text);
  } catch (error) {
    const detail = error instanceof YamlSyntaxError ? error.message : String(error);
    throw new KnowledgeLoadError(rel, entryId, [`YAML: ${detail}`]);
  }
}

function hostIsOfficial(url: string, domains: readonly string[]): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Parses and validates one entry file. Exported for tests and the check:knowledge tool. */
export function parseEntryFile(root: string, file: string, locale: Locale, officialDomains: readonly string[]): KnowledgeEntry {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const fileId = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new KnowledgeLoadError(rel, fileId, ['front matter: the file must start with a "---" line, the YAML fields, then "---"']);
  }
  const raw = readYaml(file, rel, match[1] ?? '', fileId);
  const schema = locale === SOURCE_LOCALE ? englishFrontMatterSchema : translatedFrontMatterSchema;
  const parsed = schema.safeParse(raw);
  const entryId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : fileId;
  if (!parsed.success) throw new KnowledgeLoadError(rel, entryId, describeIssues(parsed.error));
  const front = parsed.data;
  const translation = 'translation' in front ? (front.translation as Translation) : undefined;
  const answer = (match[2] ?? '').trim();
  const issues: string[] = [];
  if (front.id !== fileId) issues.push(`id: "${front.id}" must equal the file name "${fileId}"`);
  const max = locale === SOURCE_LOCALE ? MAX_ANSWER_CHARS_EN : MAX_ANSWER_CHARS_TRANSLATED;
  if (answer.length === 0) issues.push('answer: the body under the front matter is empty');
  if (answer.length > max) issues.push(`answer: ${answer.length} characters, at most ${max} allowed`);
  if (!front.sources.some((s) => hostIsOfficial(s.url, officialDomains))) {
    issues.push(`sources: none is on an official domain (${officialDomains.join(', ')})`);
  }
  if (front.id.startsWith('sector-') && front.id !== 'sector-shares' && front.id !== 'sectors-overview' && !front.sector) {
    issues.push('sector: sector entries need a sector block (see knowledge/README.md)');
  }
  if (issues.length) throw new KnowledgeLoadError(rel, front.id, issues);
  return {
    id: front.id,
    locale,
    title: front.title,
    questions: front.questions,
    keywords: front.keywords,
    followUps: front.followUps,
    tags: front.tags,
    sources: front.sources,
    lastReviewed: front.lastReviewed,
    answer,
    ...(front.sector ? { sector: front.sector } : {}),
    ...(translation ? { translation } : {}),
    file: rel,
  };
}

function loadSynonyms(root: string, locale: Locale): SynonymFile {
  const file = join(root, 'synonyms', `${locale}.yaml`);
  if (!existsSync(file)) return {};
  const rel = relative(root, file);
  const raw = readYaml(file, rel, readFileSync(file, 'utf8')) ?? {};
  const parsed = synonymFileSchema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeLoadError(rel, undefined, describeIssues(parsed.error));
  const shared = variantsInTwoConcepts(parsed.data);
  if (shared.length) throw new KnowledgeLoadError(rel, undefined, shared);
  return parsed.data;
}

/**
 * A variant listed under two concepts would silently count for the first one only (search rewrites each variant to
 * one concept), so an editor adding "退税" to `tax` would see no effect while `refund` kept it.
 */
function variantsInTwoConcepts(file: SynonymFile): string[] {
  const owner = new Map<string, string>();
  const issues: string[] = [];
  for (const [concept, variants] of Object.entries(file)) {
    for (const variant of variants) {
      const key = variant.normalize('NFKC').toLowerCase().trim();
      const first = owner.get(key);
      if (first === undefined) owner.set(key, concept);
      else if (first !== concept) issues.push(`${concept}: "${variant}" is already listed under ${first}; a variant belongs to one concept`);
    }
  }
  return issues;
}

function loadOfficialDomains(root: string): string[] {
  const file = join(root, 'official-domains.yaml');
  const rel = relative(root, file);
  if (!existsSync(file)) throw new KnowledgeLoadError(rel, undefined, ['file is missing']);
  const parsed = officialDomainsSchema.safeParse(readYaml(file, rel, readFileSync(file, 'utf8')));
  if (!parsed.success) throw new KnowledgeLoadError(rel, undefined, describeIssues(parsed.error));
  return parsed.data.domains.map((d) => d.toLowerCase());
}

/** Options for {@link loadKnowledge}. */
export interface LoadKnowledgeOptions {
  /** The knowledge folder (usually `<repo>/knowledge`). */
  readonly root: string;
  /** Locales to load; defaults to every supported locale that has a folder. */
  readonly locales?: readonly Locale[];
}

/**
 * Reads and validates the whole knowledge base. Any invalid file throws {@link KnowledgeLoadError} naming the
 * file, entry and field, so a broken edit stops start-up instead of reaching users.
 */
export function loadKnowledge(options: LoadKnowledgeOptions): KnowledgeBase {
  const { root } = options;
  const officialDomains = loadOfficialDomains(root);
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isLocale(d.name))
    .map((d) => d.name as Locale)
    .filter((l) => !options.locales || options.locales.includes(l))
    .sort((a, b) => SUPPORTED_LOCALES.indexOf(a) - SUPPORTED_LOCALES.indexOf(b));
  if (!dirs.includes(SOURCE_LOCALE)) {
    throw new KnowledgeLoadError(relative(process.cwd(), join(root, SOURCE_LOCALE)), undefined, ['the English source folder is missing']);
  }
  const entries = new Map<Locale, Map<string, KnowledgeEntry>>();
  for (const locale of dirs) {
    const byId = new Map<string, KnowledgeEntry>();
    for (const name of readdirSync(join(root, locale)).filter((n) => n.endsWith('.md')).sort()) {
      const entry = parseEntryFile(root, join(root, locale, name), locale, officialDomains);
      byId.set(entry.id, entry);
    }
    entries.set(locale, byId);
  }
  const english = entries.get(SOURCE_LOCALE) ?? new Map<string, KnowledgeEntry>();
  for (const [locale, byId] of entries) {
    for (const entry of byId.values()) {
      const unknown = entry.followUps.filter((id) => !english.has(id));
      if (unknown.length) {
        throw new KnowledgeLoadError(entry.file, entry.id, unknown.map((id) => `followUps: "${id}" is not an entry id`));
      }
      if (locale !== SOURCE_LOCALE && !english.has(entry.id)) {
        throw new KnowledgeLoadError(entry.file, entry.id, [`id: there is no English entry "${entry.id}" to translate`]);
      }
    }
  }
  const synonyms = new Map<Locale, SynonymFile>();
  for (const locale of dirs) synonyms.set(locale, loadSynonyms(root, locale));
  const concepts = new Set(Object.keys(synonyms.get(SOURCE_LOCALE) ?? {}));
  for (const [locale, file] of synonyms) {
    const unknown = Object.keys(file).filter((c) => !concepts.has(c));
    if (unknown.length) {
      throw new KnowledgeLoadError(`synonyms/${locale}.yaml`, undefined, unknown.map((c) => `${c}: not a concept in synonyms/en.yaml`));
    }
  }
  const revisions = new Map<string, string>();
  for (const entry of english.values()) revisions.set(entry.id, englishRevision(entry));
  return new KnowledgeBase(entries, synonyms, revisions);
}
