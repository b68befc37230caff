import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { z } from 'zod/v4';
import { LocaleLoadError } from '../errors';
import { SOURCE_LOCALE, SUPPORTED_LOCALES, isRtl, type Locale } from './locales';

/** A UI string file: nested objects whose leaves are strings or lists of strings. */
type Tree = { [key: string]: string | string[] | Tree };
const leafSchema = z.union([z.string(), z.array(z.string())]);

/** Lists every value that is neither a string, a list of strings, nor a nested object, by its dotted key. */
function treeIssues(node: unknown, path: string[] = []): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    return [`${path.join('.') || '(root)'}: expected an object of strings`];
  }
  return Object.entries(node).flatMap(([key, value]) => {
    const here = [...path, key];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return treeIssues(value, here);
    return leafSchema.safeParse(value).success ? [] : [`${here.join('.')}: expected a string or a list of strings`];
  });
}

/** Variables interpolated into a UI string. */
export type Vars = Readonly<Record<string, string | number>>;

const LRM = '\u200E';
const RLM = '\u200F';
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The bot's UI strings for every locale, behind a small interface so dialogs and cards never touch i18next directly
 * (and so the Agents SDK port can keep it unchanged).
 */
export interface Translator {
  /** The string at `key` in `locale`, with `{{vars}}` filled in; English when the locale lacks the key. */
  t(locale: Locale, key: string, vars?: Vars): string;
  /** A list of strings (command words, plan steps). */
  list(locale: Locale, key: string): string[];
  /** Whether the key exists in English; used to validate ids before they reach a user. */
  has(key: string): boolean;
  /** Wraps user-supplied or Latin text so it reads in the right order inside right-to-left text. */
  isolate(locale: Locale, text: string): string;
  /** The locales whose files were loaded. */
  readonly locales: readonly Locale[];
}

/** Flattens a UI tree into `a.b.c` → value, for completeness checks. */
export function flattenTree(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else for (const [k, v] of flattenTree(value, path)) out.set(k, v);
  }
  return out;
}

/** Reads and validates one UI string file; a missing or corrupt file throws {@link LocaleLoadError} naming it. */
export function readLocaleFile(dir: string, locale: Locale): Tree {
  const file = join(dir, `${locale}.json`);
  if (!existsSync(file)) throw new LocaleLoadError(file, ['the file is missing']);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LocaleLoadError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const issues = treeIssues(raw);
  if (issues.length) throw new LocaleLoadError(file, issues);
  return raw as Tree;
}

/**
 * Loads every locale file from `dir` into a private i18next instance. Start-up fails on a missing or corrupt
 * file; a key missing from a translation falls back to English (the locale test keeps that from shipping).
 */
export function createTranslator(dir: string, locales: readonly Locale[] = SUPPORTED_LOCALES): Translator {
  const resources: Record<string, { translation: Tree }> = {};
  for (const locale of locales) resources[locale] = { translation: readLocaleFile(dir, locale) };
  if (!resources[SOURCE_LOCALE]) resources[SOURCE_LOCALE] = { translation: readLocaleFile(dir, SOURCE_LOCALE) };
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  const english = flattenTree(resources[SOURCE_LOCALE].translation);
  const plain = new Map<string, string>();
  const lists = new Map<string, string[]>();
  return {
    locales: [...locales],
    t(locale, key, vars) {
      if (vars) return instance.t(key, { lng: locale, ...vars }) as string;
      const cacheKey = `${locale}\u0000${key}`;
      let value = plain.get(cacheKey);
      if (value === undefined) {
        value = instance.t(key, { lng: locale }) as string;
        plain.set(cacheKey, value);
      }
      return value;
    },
    list(locale, key) {
      const cacheKey = `${locale}\u0000${key}`;
      let value = lists.get(cacheKey);
      if (!value) {
        const raw = instance.t(key, { lng: locale, returnObjects: true }) as unknown;
        value = Array.isArray(raw) ? raw.map(String) : [String(raw)];
        lists.set(cacheKey, value);
      }
      return [...value];
    },
    has(key) {
      return english.has(key);
    },
    isolate(locale, text) {
      return isRtl(locale) ? `${FSI}${text}${PDI}` : text;
    },
  };
}

/** Marks that keep numbers, URLs and Latin names in order inside right-to-left text. */
export const BIDI = { LRM, RLM, FSI, PDI } as const;
