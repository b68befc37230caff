/** A knowledge file failed validation. It names the file, the entry and each bad field so an editor can fix it. */
export class KnowledgeLoadError extends Error {
  override readonly name = 'KnowledgeLoadError';
  constructor(
    readonly file: string,
    readonly entryId: string | undefined,
    readonly issues: readonly string[],
  ) {
    super(
      `Knowledge file ${file}${entryId ? ` (entry "${entryId}")` : ''} is invalid:\n` +
        issues.map((i) => `  - ${i}`).join('\n') +
        '\nFix the file (see knowledge/README.md) and start again.',
    );
  }
}

/** A UI string file in locales/ is missing or broken. Start-up stops so no user ever sees a raw key. */
export class LocaleLoadError extends Error {
  override readonly name = 'LocaleLoadError';
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
  ) {
    super(`Locale file ${file} is invalid:\n${issues.map((i) => `  - ${i}`).join('\n')}\nFix the file and start again.`);
  }
}

/** The environment holds a value the bot cannot run with. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`Configuration error: ${key} ${problem}`);
  }
}
