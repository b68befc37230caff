import { createHash } from 'node:crypto';

/** The parts of an English entry whose change makes its translations stale. */
export interface RevisionSource {
  readonly title: string;
  readonly answer: string;
  readonly sources: readonly { readonly url: string }[];
}

/**
 * A short content hash of an English entry. Translations record it so that `check:knowledge` can tell when the
 * English meaning moved on. Questions and keywords are excluded: each locale writes its own.
 */
export function englishRevision(entry: RevisionSource): string {
  const canonical = [entry.title.trim(), entry.answer.trim().replace(/\r\n/g, '\n'), ...entry.sources.map((s) => s.url)].join('\n');
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 12);
}
