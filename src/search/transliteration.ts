import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYamlData, YamlSyntaxError } from '../knowledge/yaml';
import { z } from 'zod/v4';
import { KnowledgeLoadError } from '../errors';
import { KNOWLEDGE_DIR } from '../paths';

/** Lower-case single Cyrillic letters as keys: search folds case before transliterating. */
const letterMap = z.record(z.string(), z.string()).superRefine((map, ctx) => {
  for (const key of Object.keys(map)) {
    if (!/^\p{Script=Cyrillic}$/u.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'keys are single Cyrillic letters' });
    else if (key !== key.toLowerCase()) ctx.addIssue({ code: 'custom', path: [key], message: 'keys are lower case' });
  }
});

const tableSchema = z
  .object({
    letters: letterMap,
    wordInitial: letterMap.default({}),
  })
  .strict()
  .refine((t) => Object.keys(t.wordInitial).every((k) => k in t.letters), {
    message: 'every wordInitial letter must also be listed under letters',
    path: ['wordInitial'],
  });

/** Rewrites lower-case Cyrillic text into Latin; other characters pass through unchanged. */
export type Transliterator = (text: string) => string;

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Validates a table and compiles it. Data, not code, so a content editor can correct a spelling; a broken file
 * throws {@link KnowledgeLoadError} naming the field, like every other knowledge file.
 */
export function compileTransliteration(raw: unknown, file: string): Transliterator {
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KnowledgeLoadError(file, undefined, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const letters = new Map(Object.entries(parsed.data.letters));
  const initial = new Map(Object.entries(parsed.data.wordInitial));
  return (text) =>
    text.replace(CYRILLIC, (ch, offset: number) => {
      const atWordStart = offset === 0 || !LETTER.test(text[offset - 1] ?? '');
      return (atWordStart ? initial.get(ch) : undefined) ?? letters.get(ch) ?? ch;
    });
}

function loadTransliteration(file: string): Transliterator {
  const rel = relative(KNOWLEDGE_DIR, file);
  let raw: unknown;
  try {
    raw = parseYamlData(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    throw new KnowledgeLoadError(rel, undefined, [`YAML: ${error.message.split('\n')[0]}`]);
  }
  return compileTransliteration(raw, rel);
}

/** The transliteration tables search reads besides the entries; the saved index's fingerprint covers them. */
export const TRANSLITERATION_DIR = join(KNOWLEDGE_DIR, 'transliteration');
const UZBEK_FILE = join(TRANSLITERATION_DIR, 'uz-cyrillic.yaml');
let uzbek: Transliterator | undefined;

/**
 * Uzbek Cyrillic → Latin. Older users type Cyrillic while the entries are written in Latin; loaded on first use
 * so processes that never see Uzbek never read the file.
 */
export function uzbekToLatin(text: string): string {
  uzbek ??= loadTransliteration(UZBEK_FILE);
  return uzbek(text);
}
